#pragma once

#include <QString>
#include <optional>
#include <string_view>

namespace forkscope {

// `text` for one line of a terminal: control characters (C0, DEL, C1) and
// bidirectional overrides become visible escapes (\n, \t, \r, \x1b,
// \u202e), so a hostile run name cannot move the cursor, clear the screen or
// fake a line of output. With `keepNewlines`, '\n' stays (multi-line messages).
QString escapeControls(const QString &text, bool keepNewlines = false);

// The offset of the first byte that is not part of well-formed UTF-8
// (overlong forms, surrogates and code points past U+10FFFF included).
std::optional<std::size_t> invalidUtf8Offset(std::string_view bytes);

// Empty when `text` is valid text; else why not: it holds a lone UTF-16
// surrogate, or U+FFFD, the character that bytes that were not UTF-8 were
// decoded to. `what` names the field ("run ID", "project name").
QString invalidTextProblem(const QString &what, const QString &text);

} // namespace forkscope
