#pragma once

#include <QString>
#include <string_view>

#include "core/json_qt.h"

namespace forkscope {

// UTF-8 to stdout/stderr through stdio buffers, so large exports stay fast.
void writeOut(std::string_view bytes);
void printOut(const QString &text);
void printErr(const QString &text);
// One JSON object on one line, as every --json output is.
void printJson(const Json &object);
bool stderrIsTerminal();

} // namespace forkscope
