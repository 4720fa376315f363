#include "cli/history_format.h"

namespace forkscope {

std::string historyJsonLine(qint64 step, const Json &row)
{
    std::string line = "{\"_step\":" + std::to_string(step);
    for (auto it = row.begin(); it != row.end(); ++it) {
        if (it.key() == "_step")
            continue;
        line += ',';
        line += dumpJson(Json(it.key()));
        line += ':';
        line += dumpJson(it.value());
    }
    line += "}\n";
    return line;
}

std::string csvQuote(const std::string &text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csvField(const Json &value)
{
    if (value.is_string())
        return csvQuote(value.get<std::string>());
    return csvQuote(dumpJson(value));
}

std::string csvHeader(const QStringList &keys)
{
    std::string line = "_step";
    for (const QString &k : keys) {
        line += ',';
        line += csvQuote(toStd(k));
    }
    line += '\n';
    return line;
}

std::string csvLine(qint64 step, const Json &row, const std::vector<std::string> &keys)
{
    std::string line = std::to_string(step);
    for (const auto &k : keys) {
        line += ',';
        if (auto it = row.find(k); it != row.end())
            line += csvField(*it);
    }
    line += '\n';
    return line;
}

} // namespace forkscope
