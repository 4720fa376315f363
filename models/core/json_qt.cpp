#include "core/json_qt.h"

#include <QCoreApplication>
#include <cmath>
#include <limits>

#include "core/error.h"

namespace fs {

namespace {

// Stand-ins for the non-finite tokens while nlohmann parses or dumps; the NUL
// byte cannot occur unescaped in JSON text, so they never collide with data
// on the way in, and on the way out they are replaced right after dumping.
const std::string kNaN = std::string("\x01" "fs:NaN", 7);
const std::string kPosInf = std::string("\x01" "fs:Inf", 7);
const std::string kNegInf = std::string("\x01" "fs:-Inf", 8);

bool hasNonFiniteToken(std::string_view text)
{
    return text.find("NaN") != std::string_view::npos || text.find("Infinity") != std::string_view::npos;
}

// Rewrites bare NaN/Infinity/-Infinity (outside strings) to marker strings.
std::string markNonFinite(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 16);
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            out.push_back(c);
            if (c == '\\' && i + 1 < text.size())
                out.push_back(text[++i]);
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            out.push_back(c);
        } else if (text.compare(i, 3, "NaN") == 0) {
            out += "\"\\u0001fs:NaN\"";
            i += 2;
        } else if (text.compare(i, 8, "Infinity") == 0) {
            out += "\"\\u0001fs:Inf\"";
            i += 7;
        } else if (text.compare(i, 9, "-Infinity") == 0) {
            out += "\"\\u0001fs:-Inf\"";
            i += 8;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

void unmark(Json &j)
{
    if (j.is_string()) {
        const auto &s = j.get_ref<const std::string &>();
        if (!s.empty() && s[0] == '\x01') {
            if (s == kNaN)
                j = std::numeric_limits<double>::quiet_NaN();
            else if (s == kPosInf)
                j = std::numeric_limits<double>::infinity();
            else if (s == kNegInf)
                j = -std::numeric_limits<double>::infinity();
        }
    } else if (j.is_structured()) {
        for (auto &v : j)
            unmark(v);
    }
}

bool containsNonFinite(const Json &j)
{
    if (j.is_number_float())
        return !std::isfinite(j.get<double>());
    if (j.is_structured()) {
        for (const auto &v : j) {
            if (containsNonFinite(v))
                return true;
        }
    }
    return false;
}

Json markForDump(const Json &j)
{
    if (j.is_number_float()) {
        const double d = j.get<double>();
        if (std::isnan(d))
            return kNaN;
        if (std::isinf(d))
            return d > 0 ? kPosInf : kNegInf;
        return j;
    }
    if (j.is_object()) {
        Json o = Json::object();
        for (auto it = j.begin(); it != j.end(); ++it)
            o[it.key()] = markForDump(it.value());
        return o;
    }
    if (j.is_array()) {
        Json a = Json::array();
        for (const auto &v : j)
            a.push_back(markForDump(v));
        return a;
    }
    return j;
}

void replaceAll(std::string &s, const std::string &from, const char *to)
{
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at))
        s.replace(at, from.size(), to);
}

} // namespace

QStringList jsonToStringList(const Json &array)
{
    QStringList out;
    if (!array.is_array())
        return out;
    for (const auto &v : array)
        out << (v.is_string() ? toQ(v.get<std::string>()) : toQ(dumpJson(v)));
    return out;
}

Json stringListToJson(const QStringList &list)
{
    Json a = Json::array();
    for (const auto &s : list)
        a.push_back(toStd(s));
    return a;
}

Json parseJson(std::string_view text, const QString &what)
{
    try {
        if (!hasNonFiniteToken(text))
            return Json::parse(text);
        Json j = Json::parse(markNonFinite(text));
        unmark(j);
        return j;
    } catch (const Json::exception &e) {
        throw Error(Error::Kind::BadInput,
                    QCoreApplication::translate("fs::Json", "%1 is not valid JSON (%2); expected JSON such as "
                                                            "{\"loss\": 0.25}")
                        .arg(what, QString::fromUtf8(e.what())));
    }
}

std::string dumpJson(const Json &j, int indent)
{
    constexpr auto handler = Json::error_handler_t::replace;
    if (!containsNonFinite(j))
        return j.dump(indent, ' ', false, handler);
    std::string out = markForDump(j).dump(indent, ' ', false, handler);
    replaceAll(out, "\"\\u0001fs:NaN\"", "NaN");
    replaceAll(out, "\"\\u0001fs:Inf\"", "Infinity");
    replaceAll(out, "\"\\u0001fs:-Inf\"", "-Infinity");
    return out;
}

std::optional<double> jsonNumber(const Json &j)
{
    if (j.is_number())
        return j.get<double>();
    return std::nullopt;
}

} // namespace fs
