#pragma once

#include <QString>
#include <optional>

#include "core/json_qt.h"

namespace forkscope {

// The one rule for steps, wherever they come from (log, fork specs, every
// importer): whole numbers from 0 to 2^53, what W&B and JSON carry exactly.
// Beyond it doubles lose whole steps and a later "+1" overflows qint64.
inline constexpr qint64 kMaxStep = qint64(1) << 53;

inline bool isValidStep(qint64 step)
{
    return step >= 0 && step <= kMaxStep;
}
// The step a JSON value names (an integer, or a float with no fraction);
// nullopt for anything else, out of range included.
std::optional<qint64> stepFromJson(const Json &value);
std::optional<qint64> stepFromDouble(double value);

// "expected a whole number from 0 to 2^53 (9007199254740992)", for messages.
QString stepRuleText();
// "step <given> is refused; expected ...": the message for a step that breaks the rule.
QString badStepText(const QString &given);

} // namespace forkscope
