#include "importers/mlflow_metric_line.h"

#include <charconv>

#include <QCoreApplication>

#include "core/step_rule.h"
#include "importers/lenient_json.h"

namespace forkscope {

namespace {

bool parseInt(std::string_view s, qint64 &out)
{
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

QString quoted(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(std::min<std::size_t>(s.size(), 40)));
}

} // namespace

std::optional<MlflowMetricValue> parseMlflowMetricLine(std::string_view line, QString *error)
{
    std::string_view fields[4];
    int count = 0;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n'))
            ++i;
        if (i == line.size())
            break;
        const std::size_t start = i;
        while (i < line.size() && !(line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n'))
            ++i;
        if (count == 4)
            break;
        fields[count++] = line.substr(start, i - start);
    }
    const auto fail = [&](const QString &text) -> std::optional<MlflowMetricValue> {
        if (error)
            *error = text;
        return std::nullopt;
    };
    if (count < 2 || count > 3)
        return fail(QCoreApplication::translate(
            "forkscope::Importers",
            "%n field(s); expected \"<timestamp_ms> <value> <step>\" or \"<timestamp_ms> <value>\"", nullptr, count));
    MlflowMetricValue v;
    if (!parseInt(fields[0], v.timestampMs))
        return fail(QCoreApplication::translate("forkscope::Importers",
                                                "timestamp \"%1\" is not a whole number of milliseconds")
                        .arg(quoted(fields[0])));
    const auto value = parseDouble(fields[1]);
    if (!value)
        return fail(QCoreApplication::translate("forkscope::Importers",
                                                "value \"%1\" is not a number (expected e.g. 0.25, 1e-3, nan, inf)")
                        .arg(quoted(fields[1])));
    v.value = *value;
    if (count == 3 && (!parseInt(fields[2], v.step) || !isValidStep(v.step)))
        return fail(badStepText(QLatin1Char('"') + quoted(fields[2]) + QLatin1Char('"')));
    return v;
}

} // namespace forkscope
