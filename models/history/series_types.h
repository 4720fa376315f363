#pragma once

#include <QtGlobal>
#include <algorithm>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

namespace fs {

// One numeric point of one metric key. NaN and +/-Inf are legal values.
struct Point {
    qint64 step = 0;
    double value = 0.0;
};

// Summary of one stored chunk (a run of consecutive points of one key).
// min/max ignore NaN; they are NaN when every value is NaN.
struct ChunkSummary {
    qint64 firstStep = 0;
    qint64 lastStep = 0;
    qint64 count = 0;
    double min = std::numeric_limits<double>::quiet_NaN();
    double max = std::numeric_limits<double>::quiet_NaN();
    double first = std::numeric_limits<double>::quiet_NaN();
    double last = std::numeric_limits<double>::quiet_NaN();
    // NaN values inside the chunk: a summary cannot say where its gaps are,
    // so a chunk with NaNs is drawn from its points.
    qint64 nanCount = 0;
};

// Inclusive step range; the full range is [min, max] of qint64.
struct StepRange {
    qint64 lo = std::numeric_limits<qint64>::min();
    qint64 hi = std::numeric_limits<qint64>::max();
    bool contains(qint64 s) const { return s >= lo && s <= hi; }
    bool empty() const { return lo > hi; }
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

} // namespace fs
