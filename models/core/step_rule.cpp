#include "core/step_rule.h"

#include <QCoreApplication>
#include <cmath>

namespace forkscope {

std::optional<qint64> stepFromDouble(double value)
{
    // Written so that NaN fails too.
    if (!(value >= 0.0 && value <= double(kMaxStep)) || std::floor(value) != value)
        return std::nullopt;
    return qint64(value);
}

std::optional<qint64> stepFromJson(const Json &value)
{
    if (value.is_number_unsigned()) {
        const auto u = value.get<std::uint64_t>();
        return u <= std::uint64_t(kMaxStep) ? std::optional<qint64>(qint64(u)) : std::nullopt;
    }
    if (value.is_number_integer()) {
        const auto i = value.get<std::int64_t>();
        return isValidStep(i) ? std::optional<qint64>(i) : std::nullopt;
    }
    if (value.is_number_float())
        return stepFromDouble(value.get<double>());
    return std::nullopt;
}

QString stepRuleText()
{
    return QCoreApplication::translate("forkscope::Step", "expected a whole number from 0 to 2^53 (%1)").arg(kMaxStep);
}

QString badStepText(const QString &given)
{
    return QCoreApplication::translate("forkscope::Step", "step %1 is refused; %2").arg(given, stepRuleText());
}

} // namespace forkscope
