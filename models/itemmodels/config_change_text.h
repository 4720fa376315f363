#pragma once

#include <QString>
#include <vector>

#include "store/config_diff.h"

namespace forkscope {

// One change as a person reads it, on one line: "lr: 0.1 → 0.01",
// "warmup: added 100", "dropout: removed (was 0.1)". Values as
// formatJsonValue() shows them, control characters escaped.
QString configChangeText(const ConfigChange &change);
// The first `shown` changes joined by ", " and how many more there are, or
// "same config" when there are none: the short label on a branch.
QString configChangesSummary(const std::vector<ConfigChange> &changes, int shown);
// Every change, one a line (a tool tip, the Overview).
QString configChangesList(const std::vector<ConfigChange> &changes);

} // namespace forkscope
