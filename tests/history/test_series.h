#pragma once

#include "series/series_types.h"

#include <cmath>
#include <cstdint>
#include <limits>

namespace forkscope::test {

// Deterministic across standard libraries (unlike std distributions).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}
    std::uint64_t next()
    {
        state_ ^= state_ << 13;
        state_ ^= state_ >> 7;
        state_ ^= state_ << 17;
        return state_;
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; } // [0, 1)
    qint64 below(qint64 n) { return qint64(next() % std::uint64_t(n)); }

private:
    std::uint64_t state_;
};

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kInf = std::numeric_limits<double>::infinity();

// A noisy, slowly decaying loss curve at steps firstStep + i * spacing.
inline PointVector lossCurve(qint64 count, qint64 firstStep, qint64 spacing, double level, std::uint64_t seed)
{
    Rng rng(seed);
    PointVector out;
    out.reserve(std::size_t(count));
    double walk = 0.0;
    for (qint64 i = 0; i < count; ++i) {
        walk += (rng.uniform() - 0.5) * 0.01;
        const double trend = level * std::exp(-double(i) / double(count));
        out.push_back({firstStep + i * spacing, trend + walk + (rng.uniform() - 0.5) * 0.2});
    }
    return out;
}

} // namespace forkscope::test
