#include "importers/lenient_json.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "core/error.h"
#include "core/json_limits.h"

namespace forkscope {

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

std::optional<Json> parseLenientJson(std::string_view text, QString *problem)
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
    if (QString why = jsonTextProblem(text); !why.isEmpty()) {
        if (problem)
            *problem = std::move(why);
        return std::nullopt;
    }
    Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    if (!j.is_discarded())
        return j;
    if (text.find("NaN") == std::string_view::npos && text.find("Infinity") == std::string_view::npos)
        return std::nullopt;
    try {
        return parseJson(text, QString()); // the bare tokens, as core reads them everywhere
    } catch (const Error &) {
        return std::nullopt;
    }
}

} // namespace forkscope
