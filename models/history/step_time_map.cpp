#include "history/step_time_map.h"

#include <algorithm>
#include <cmath>

namespace forkscope {

StepTimeMap::StepTimeMap(const std::vector<Point> &knots)
{
    for (const Point &k : knots) {
        if (!std::isfinite(k.value) || (!knots_.empty() && k.step <= knots_.back().first))
            continue;
        const double t = knots_.empty() ? k.value : std::max(k.value, knots_.back().second);
        knots_.emplace_back(k.step, t);
    }
}

double StepTimeMap::secondsAt(qint64 step) const
{
    if (knots_.empty())
        return 0.0;
    auto hi = std::lower_bound(knots_.begin(), knots_.end(), step,
                               [](const std::pair<qint64, double> &k, qint64 s) { return k.first < s; });
    if (hi == knots_.end())
        return knots_.back().second;
    if (hi->first == step || hi == knots_.begin())
        return hi->second;
    const auto lo = hi - 1;
    const double f = double(step - lo->first) / double(hi->first - lo->first);
    return lo->second + f * (hi->second - lo->second);
}

qint64 StepTimeMap::stepAt(double seconds, Rounding rounding) const
{
    if (knots_.empty())
        return 0;
    if (seconds <= knots_.front().second)
        return knots_.front().first;
    if (seconds >= knots_.back().second)
        return knots_.back().first;
    // The first knot at or after `seconds`, and the one before it.
    auto hi = std::lower_bound(knots_.begin(), knots_.end(), seconds,
                               [](const std::pair<qint64, double> &k, double t) { return k.second < t; });
    const auto lo = hi - 1;
    const double span = hi->second - lo->second;
    const double at =
        double(lo->first) + (span > 0 ? (seconds - lo->second) / span : 1.0) * double(hi->first - lo->first);
    const qint64 step = rounding == Rounding::Up ? qint64(std::ceil(at)) : qint64(std::floor(at));
    return std::clamp(step, lo->first, hi->first);
}

} // namespace forkscope
