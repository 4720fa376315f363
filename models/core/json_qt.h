#pragma once

#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>

namespace forkscope {

using Json = nlohmann::json;

inline std::string toStd(const QString &s)
{
    return s.toStdString();
}
inline QString toQ(const std::string &s)
{
    return QString::fromStdString(s);
}

QStringList jsonToStringList(const Json &array);
Json stringListToJson(const QStringList &list);

// Parses JSON text that may hold the bare tokens NaN, Infinity and -Infinity
// outside strings, as Python's json module and W&B write them. Throws
// forkscope::Error(BadInput) naming `what` on failure.
Json parseJson(std::string_view text, const QString &what);

// The inverse: JSON text in which non-finite numbers are the bare tokens
// above, so every value round-trips exactly through parseJson().
std::string dumpJson(const Json &j, int indent = -1);

// A number in JSON (integers included) as a double; nullopt for anything else.
std::optional<double> jsonNumber(const Json &j);

} // namespace forkscope
