#include "core/json_qt.h"

#include <QCoreApplication>
#include <cmath>
#include <limits>

#include "core/error.h"
#include "core/json_limits.h"

namespace forkscope {

namespace {

// Stand-ins for the non-finite tokens while nlohmann parses or dumps,
// replaced right after: strings of control characters "\x01", k times
// "\x05", then "\x02" (NaN), "\x03" (Infinity) or "\x04" (-Infinity).
// Control characters have one spelling in JSON text ("\u0001"), so choosing
// k such that the text never holds "\u0001" followed by k "\u0005" means no
// string of the data can decode to a stand-in: a string never becomes a
// number, nor a number a string.
struct Markers {
    std::string nan, posInf, negInf;                   // the strings
    std::string quotedNaN, quotedPosInf, quotedNegInf; // as JSON text

    explicit Markers(std::string_view text)
    {
        std::string raw = "\x01", escaped = "\\u0001";
        while (text.find(escaped) != std::string_view::npos) {
            raw += '\x05';
            escaped += "\\u0005";
        }
        nan = raw + '\x02';
        posInf = raw + '\x03';
        negInf = raw + '\x04';
        quotedNaN = '"' + escaped + "\\u0002\"";
        quotedPosInf = '"' + escaped + "\\u0003\"";
        quotedNegInf = '"' + escaped + "\\u0004\"";
    }
};

bool hasNonFiniteToken(std::string_view text)
{
    return text.find("NaN") != std::string_view::npos || text.find("Infinity") != std::string_view::npos;
}

// Rewrites bare NaN/Infinity/-Infinity (outside strings) to marker strings.
std::string markNonFinite(std::string_view text, const Markers &m)
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
            out += m.quotedNaN;
            i += 2;
        } else if (text.compare(i, 8, "Infinity") == 0) {
            out += m.quotedPosInf;
            i += 7;
        } else if (text.compare(i, 9, "-Infinity") == 0) {
            out += m.quotedNegInf;
            i += 8;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

void unmark(Json &j, const Markers &m)
{
    if (j.is_string()) {
        const auto &s = j.get_ref<const std::string &>();
        if (!s.empty() && s[0] == '\x01') {
            if (s == m.nan)
                j = std::numeric_limits<double>::quiet_NaN();
            else if (s == m.posInf)
                j = std::numeric_limits<double>::infinity();
            else if (s == m.negInf)
                j = -std::numeric_limits<double>::infinity();
        }
    } else if (j.is_structured()) {
        for (auto &v : j)
            unmark(v, m);
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

Json markForDump(const Json &j, const Markers &m)
{
    if (j.is_number_float()) {
        const double d = j.get<double>();
        if (std::isnan(d))
            return m.nan;
        if (std::isinf(d))
            return d > 0 ? m.posInf : m.negInf;
        return j;
    }
    if (j.is_object()) {
        Json o = Json::object();
        for (auto it = j.begin(); it != j.end(); ++it)
            o[it.key()] = markForDump(it.value(), m);
        return o;
    }
    if (j.is_array()) {
        Json a = Json::array();
        for (const auto &v : j)
            a.push_back(markForDump(v, m));
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
    const auto invalid = [&what](const QString &problem) {
        return Error(Error::Kind::BadInput,
                     QCoreApplication::translate("forkscope::Json", "%1 is not valid JSON (%2); expected JSON such as "
                                                                    "{\"loss\": 0.25}")
                         .arg(what, problem));
    };
    if (const QString problem = jsonTextProblem(text); !problem.isEmpty())
        throw invalid(problem);
    try {
        if (!hasNonFiniteToken(text))
            return Json::parse(text);
        const Markers markers(text);
        Json j = Json::parse(markNonFinite(text, markers));
        unmark(j, markers);
        return j;
    } catch (const Json::exception &e) {
        throw invalid(QString::fromUtf8(e.what()));
    }
}

std::string dumpJson(const Json &j, int indent)
{
    constexpr auto handler = Json::error_handler_t::replace;
    if (!containsNonFinite(j))
        return j.dump(indent, ' ', false, handler);
    // The plain dump (non-finite numbers as null) shows which tags the data's
    // own strings use.
    const Markers markers(j.dump(-1, ' ', false, handler));
    std::string out = markForDump(j, markers).dump(indent, ' ', false, handler);
    replaceAll(out, markers.quotedNaN, "NaN");
    replaceAll(out, markers.quotedPosInf, "Infinity");
    replaceAll(out, markers.quotedNegInf, "-Infinity");
    return out;
}

std::optional<double> jsonNumber(const Json &j)
{
    if (j.is_number())
        return j.get<double>();
    return std::nullopt;
}

} // namespace forkscope
