#pragma once

#include <QString>
#include <string_view>

#include "core/json_qt.h"

namespace forkscope {

// Arrays and objects nested deeper than this are refused wherever JSON or
// YAML comes in (log lines, --config, --set, summaries, every importer):
// parsing, dumping and walking a value recurse once per level, and a line of
// 75 000 nested arrays overflowed the stack.
inline constexpr int kMaxJsonDepth = 512;

// Why `text` must not reach a JSON parser, or empty: a raw NUL byte
// (nlohmann takes it for the end of input and silently drops the rest) or
// arrays/objects nested deeper than kMaxJsonDepth outside strings. Every
// parse entry point (parseJson, parseLenientJson) asks this first.
QString jsonTextProblem(std::string_view text);

// How many array/object levels `value` has (a scalar: 0), counted without
// recursion and only up to kMaxJsonDepth + 1.
int jsonDepth(const Json &value);

// The same limit for a value built in code (Run::log, setSummary): empty, or
// what is wrong. Walks without recursion.
QString jsonValueDepthProblem(const Json &value);

// The message for nesting past kMaxJsonDepth, shared by JSON and YAML.
QString nestingTooDeepText();

} // namespace forkscope
