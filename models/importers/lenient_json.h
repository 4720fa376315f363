#pragma once

#include <QString>
#include <optional>
#include <string_view>

#include "core/json_qt.h"

namespace forkscope {

// Parses one JSON value as Python's json module writes it (W&B value_json,
// wandb-history.jsonl lines): bare NaN, Infinity and -Infinity are allowed,
// at any depth, and become double NaN/Inf. Plain numbers are read without
// nlohmann (the hot path of history import). Returns nullopt when the text
// is not JSON, or holds a NUL byte or nesting past kMaxJsonDepth (then
// `problem`, if given, says which; json_limits.h).
std::optional<Json> parseLenientJson(std::string_view text, QString *problem = nullptr);

// Reads a whole string as a double (JSON number, or nan/inf spelled as
// Python or JSON writers do). Returns nullopt for anything else.
std::optional<double> parseDouble(std::string_view text);

} // namespace forkscope
