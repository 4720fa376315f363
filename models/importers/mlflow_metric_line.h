#pragma once

#include <optional>
#include <string_view>

#include <QString>

namespace forkscope {

struct MlflowMetricValue {
    qint64 timestampMs = 0;
    double value = 0; // NaN and +/-Inf allowed ("nan", "inf", "-inf" as Python writes them)
    qint64 step = 0;
};

// One line of an MLflow `metrics/<key>` file: "<timestamp_ms> <value> <step>",
// or the old two-field "<timestamp_ms> <value>" (step 0). On failure returns
// nullopt and, if given, sets *error to what was wrong and what was expected.
std::optional<MlflowMetricValue> parseMlflowMetricLine(std::string_view line, QString *error = nullptr);

} // namespace forkscope
