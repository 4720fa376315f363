#include "importers/lenient_json.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace fs {

namespace {

std::string_view trim(std::string_view s)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

// Marks bare NaN/Infinity/-Infinity outside strings as strings starting
// with a NUL (which no real JSON string from a W&B writer holds), so nlohmann
// accepts the text and restoreNonFinite() can turn them back into doubles.
constexpr char kMark = '\0';

std::string quoteNonFinite(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + 16);
    bool inString = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < s.size())
                out += s[++i];
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            out += c;
            continue;
        }
        const std::string_view rest = s.substr(i);
        const std::string_view tokens[] = {"-Infinity", "Infinity", "NaN"};
        bool replaced = false;
        for (auto t : tokens) {
            if (rest.substr(0, t.size()) == t) {
                out += "\"\\u0000";
                out += t;
                out += '"';
                i += t.size() - 1;
                replaced = true;
                break;
            }
        }
        if (!replaced)
            out += c;
    }
    return out;
}

void restoreNonFinite(Json &j)
{
    if (j.is_string()) {
        const auto &s = j.get_ref<const std::string &>();
        if (s.size() > 1 && s.front() == kMark) {
            const std::string_view t = std::string_view(s).substr(1);
            j = t == "NaN" ? std::numeric_limits<double>::quiet_NaN()
                : t == "Infinity" ? std::numeric_limits<double>::infinity()
                                  : -std::numeric_limits<double>::infinity();
        }
    } else if (j.is_structured()) {
        for (auto &v : j)
            restoreNonFinite(v);
    }
}

} // namespace

std::optional<double> parseDouble(std::string_view text)
{
    text = trim(text);
    if (text.empty())
        return std::nullopt;
    if (text.front() == '+')
        text.remove_prefix(1);
    double d = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
    if (end != text.data() + text.size())
        return std::nullopt;
    if (ec == std::errc::result_out_of_range) {
        // from_chars leaves d unset on overflow/underflow: follow strtod.
        const bool negative = text.front() == '-';
        const auto e = text.find_first_of("eE");
        const bool tiny = e != std::string_view::npos && e + 1 < text.size() && text[e + 1] == '-';
        d = tiny ? (negative ? -0.0 : 0.0)
                 : (negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity());
    } else if (ec != std::errc()) {
        return std::nullopt;
    }
    return d;
}

std::optional<Json> parseLenientJson(std::string_view text)
{
    text = trim(text);
    if (text.empty())
        return std::nullopt;
    const char c = text.front();
    if ((c >= '0' && c <= '9') || c == '-' || c == 'N' || c == 'I') {
        if (auto d = parseDouble(text)) {
            // Keep integers exact when they fit; they are common (steps, counters).
            if (c != 'N' && c != 'I' && text.find_first_of(".eEnN") == std::string_view::npos) {
                std::int64_t i = 0;
                const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), i);
                if (ec == std::errc() && end == text.data() + text.size())
                    return Json(i);
            }
            return Json(*d);
        }
    }
    Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    if (!j.is_discarded())
        return j;
    if (text.find("NaN") == std::string_view::npos && text.find("Infinity") == std::string_view::npos)
        return std::nullopt;
    j = Json::parse(quoteNonFinite(text), nullptr, false);
    if (j.is_discarded())
        return std::nullopt;
    restoreNonFinite(j);
    return j;
}

} // namespace fs
