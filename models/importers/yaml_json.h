#pragma once

#include <string>

#include <QString>

#include "core/json_qt.h"

namespace fs {

// YAML (config.yaml, MLflow meta.yaml) as JSON. Plain scalars get YAML 1.2
// core types (null, bool, int, float incl. .inf/.nan); quoted ones stay strings.
// Throws fs::Error(Format) naming `what` and the line when the text is not YAML.
Json yamlTextToJson(const std::string &text, const QString &what);

// Reads and converts a YAML file; throws fs::Error(NotFound) if unreadable.
Json yamlFileToJson(const QString &path);

} // namespace fs
