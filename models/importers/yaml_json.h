#pragma once

#include <string>

#include <QString>

#include "core/json_qt.h"

namespace forkscope {

// How plain (unquoted) scalars convert. Typed: YAML 1.2 core types (null,
// bool, int, float incl. .inf/.nan), for config values. Text: every scalar
// but null stays the text it was written as, for identifiers (MLflow writes
// `run_id: 00000000000000000000000000000010` unquoted: a number would lose
// its zeros and collide with other runs). Quoted scalars and map keys are
// always text.
enum class YamlScalars { Typed, Text };

// YAML (config.yaml, MLflow meta.yaml) as JSON.
// Throws forkscope::Error(Format) naming `what` and the line when the text is not YAML.
Json yamlTextToJson(const std::string &text, const QString &what, YamlScalars scalars = YamlScalars::Typed);

// Reads and converts a YAML file; throws forkscope::Error(NotFound) if unreadable.
Json yamlFileToJson(const QString &path, YamlScalars scalars = YamlScalars::Typed);

} // namespace forkscope
