#pragma once

#include "series/series_types.h"

#include <limits>
#include <span>

namespace forkscope {

// Everything the smoother remembers; copy it at a fork step to continue
// smoothing a child run exactly where the inherited segment left off.
// Only meaningful together with the weight it was produced with.
struct EmaState {
    double last = 0.0; // biased average, starts at 0 as in TensorBoard
    qint64 finiteCount = 0;
    double weightPow = 1.0; // weight^finiteCount, carried so forks stay bit-exact
    qint64 seen = 0;        // all values, for the constant-series rule
    double firstValue = std::numeric_limits<double>::quiet_NaN();
    bool constant = true;
};

// TensorBoard's debiased exponential moving average, streaming.
class EmaSmoother {
public:
    static constexpr double kMaxWeight = 0.99;

    // weight is clamped to [0, kMaxWeight]; 0 is the identity.
    explicit EmaSmoother(double weight, const EmaState &state = {});

    double weight() const { return weight_; }
    const EmaState &state() const { return state_; }

    double push(double value);
    Point push(const Point &p) { return {p.step, push(p.value)}; }
    void smooth(std::span<const Point> in, PointVector &out); // appends

private:
    double weight_;
    EmaState state_;
};

PointVector emaSmooth(std::span<const Point> points, double weight);

} // namespace forkscope
