#include "core/json_limits.h"

#include <QCoreApplication>
#include <algorithm>
#include <vector>

namespace forkscope {

QString nestingTooDeepText()
{
    return QCoreApplication::translate("forkscope::Json", "arrays/objects nested more than %1 levels deep; at most %1 "
                                                          "levels are accepted")
        .arg(kMaxJsonDepth);
}

QString jsonTextProblem(std::string_view text)
{
    if (const size_t nul = text.find('\0'); nul != std::string_view::npos)
        return QCoreApplication::translate("forkscope::Json", "a NUL byte at byte %1; expected text without NUL bytes")
            .arg(nul);
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth)
                return QCoreApplication::translate("forkscope::Json",
                                                   "arrays/objects nested more than %1 levels deep at "
                                                   "byte %2; at most %1 levels are accepted")
                    .arg(kMaxJsonDepth)
                    .arg(i);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return {};
}

int jsonDepth(const Json &value)
{
    int deepest = 0;
    std::vector<std::pair<const Json *, int>> todo{{&value, 1}};
    while (!todo.empty() && deepest <= kMaxJsonDepth) {
        const auto [j, depth] = todo.back();
        todo.pop_back();
        if (!j->is_structured())
            continue;
        deepest = std::max(deepest, depth);
        for (const auto &child : *j) {
            if (child.is_structured())
                todo.emplace_back(&child, depth + 1);
        }
    }
    return deepest;
}

QString jsonValueDepthProblem(const Json &value)
{
    return jsonDepth(value) > kMaxJsonDepth ? nestingTooDeepText() : QString();
}

} // namespace forkscope
