#pragma once

#include <QtGlobal>
#include <limits>

namespace forkscope {

// Inclusive step range; the full range is [min, max] of qint64.
struct StepRange {
    qint64 lo = std::numeric_limits<qint64>::min();
    qint64 hi = std::numeric_limits<qint64>::max();
    bool contains(qint64 s) const { return s >= lo && s <= hi; }
    bool empty() const { return lo > hi; }
};

} // namespace forkscope
