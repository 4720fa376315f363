#pragma once

#include <QtGlobal>
#include <utility>
#include <vector>

#include "series/series_types.h"

namespace forkscope {

// A run's steps against time (its `_runtime` or `_timestamp`, in seconds),
// for charts whose x axis is time. Built from the first and last point of
// each stored chunk of the time key (no chunk is decoded): exact at chunk
// ends, linear in between (a chunk spans 4 096 logged steps). Time is made
// non-decreasing, as a clock that went back cannot be drawn left to right.
class StepTimeMap {
public:
    StepTimeMap() = default;
    // `knots`: (step, seconds) in ascending step order; NaN times are skipped.
    explicit StepTimeMap(const std::vector<Point> &knots);

    bool empty() const { return knots_.empty(); }
    // Seconds at `step`, extrapolated flat beyond the first and last knot.
    double secondsAt(qint64 step) const;
    enum class Rounding { Down, Up };
    // The last step at or before `seconds` (Up: the first at or after).
    qint64 stepAt(double seconds, Rounding rounding) const;

private:
    std::vector<std::pair<qint64, double>> knots_;
};

} // namespace forkscope
