#include "ema_smoothing.h"

#include <algorithm>
#include <cmath>

namespace forkscope {

// Mirrors LineChart.resmoothDataset in TensorBoard's
// tensorboard/components/vz_line_chart2/line-chart.ts:
//   last = 0; numAccum = 0;
//   isConstant = every value == values[0]          (TensorBoard #786)
//   if (isConstant || !Number.isFinite(v)) smoothed = v;   // passed through,
//   else { last = last*w + (1-w)*v; numAccum++;            // state untouched
//          smoothed = last / (1 - w^numAccum); }
// numAccum counts finite values only, so debiasing skips NaN/Inf.
// Streaming cannot see whether the whole series is constant; a series that
// is constant so far is passed through, which differs from TensorBoard only
// in rounding noise on the prefix of a series that later changes.
EmaSmoother::EmaSmoother(double weight, const EmaState &state)
    : weight_(std::clamp(std::isnan(weight) ? 0.0 : weight, 0.0, kMaxWeight)), state_(state)
{
}

double EmaSmoother::push(double v)
{
    EmaState &s = state_;
    if (s.seen++ == 0)
        s.firstValue = v;
    s.constant = s.constant && v == s.firstValue;
    if (!std::isfinite(v))
        return v;
    s.last = s.last * weight_ + (1.0 - weight_) * v;
    ++s.finiteCount;
    s.weightPow *= weight_;
    if (s.weightPow < 1e-17) // 1 - w^n is already exactly 1; skip denormals
        s.weightPow = 0.0;
    return s.constant ? v : s.last / (1.0 - s.weightPow);
}

void EmaSmoother::smooth(std::span<const Point> in, PointVector &out)
{
    out.reserve(out.size() + in.size());
    for (const Point &p : in)
        out.push_back(push(p));
}

PointVector emaSmooth(std::span<const Point> points, double weight)
{
    PointVector out;
    EmaSmoother(weight).smooth(points, out);
    return out;
}

} // namespace forkscope
