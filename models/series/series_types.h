#pragma once

#include <QtGlobal>
#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

#include "series/chunk_summary.h"
#include "series/step_range.h"

namespace forkscope {

// One numeric point of one metric key. NaN and +/-Inf are legal values.
struct Point {
    qint64 step = 0;
    double value = 0.0;
};

using PointVector = std::vector<Point>;

// The indexes [first, last) of `count` points at consecutive steps
// firstStep, firstStep + 1, ... whose steps lie in `r` (unsigned math: no
// overflow anywhere in the qint64 range).
inline std::pair<std::size_t, std::size_t> indexWindow(qint64 firstStep, std::size_t count, StepRange r)
{
    const quint64 n = count;
    const quint64 from = r.lo > firstStep ? std::min<quint64>(quint64(r.lo) - quint64(firstStep), n) : 0;
    quint64 to = n;
    if (r.hi < firstStep)
        to = 0;
    else if (quint64(r.hi) - quint64(firstStep) < n)
        to = quint64(r.hi) - quint64(firstStep) + 1;
    return {std::size_t(from), std::size_t(std::max(to, from))};
}

} // namespace forkscope
