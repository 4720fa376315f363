#pragma once

#include "series/series_types.h"

#include <algorithm>
#include <cmath>

namespace forkscope {

// How far outside the viewport a snapped pixel coordinate may lie. Far enough
// that lines to off-screen points keep a plausible slope, small enough that
// painters with fixed-point internals (QPainter) never overflow.
inline constexpr int kPixelOverscan = 1 << 16;

// Maps steps of the visible range [lo, hi] onto columns 0..width-1:
// column(s) = floor((s - lo) * width / (hi - lo + 1)). Steps outside the
// range map to columns < 0 or >= width. Integer math (128-bit, since the
// full qint64 range has 2^64 steps) so the reducer and the renderer agree
// exactly on which column a step falls into.
class ColumnMapping {
public:
    ColumnMapping() = default;
    ColumnMapping(StepRange visible, int width) : range_(visible), width_(std::max(width, 0))
    {
        if (!range_.empty())
            span_ = static_cast<__int128>(range_.hi) - range_.lo + 1;
    }

    StepRange range() const { return range_; }
    int width() const { return width_; }
    bool valid() const { return width_ > 0 && !range_.empty(); }

    qint64 column(qint64 step) const
    {
        const __int128 num = (static_cast<__int128>(step) - range_.lo) * width_;
        return static_cast<qint64>(floorDiv(num, span_));
    }

    // Smallest step whose column is >= col (col may be 0..width).
    __int128 firstStepOfColumn(qint64 col) const
    {
        return range_.lo + ceilDiv(static_cast<__int128>(col) * span_, width_);
    }

    bool sameColumn(qint64 a, qint64 b) const { return column(a) == column(b); }

    // The column as a drawable x coordinate.
    int pixelX(qint64 step) const
    {
        const qint64 c = column(step);
        return static_cast<int>(std::clamp<qint64>(c, -kPixelOverscan, width_ - 1 + kPixelOverscan));
    }

private:
    static __int128 floorDiv(__int128 a, __int128 b)
    {
        const __int128 q = a / b;
        return (a % b != 0 && a < 0) ? q - 1 : q;
    }
    static __int128 ceilDiv(__int128 a, __int128 b) { return -floorDiv(-a, b); }

    StepRange range_{1, 0};
    int width_ = 0;
    __int128 span_ = 1;
};

// Maps values onto rows: hi -> row 0, lo -> row height-1 (rounded to the
// nearest row, monotone so min/max in value space stay min/max in rows).
// Out-of-view values and +/-Inf clamp to just within kPixelOverscan.
class RowMapping {
public:
    RowMapping() = default;
    RowMapping(double lo, double hi, int height) : lo_(lo), hi_(hi), height_(std::max(height, 1))
    {
        if (!(hi_ > lo_)) { // flat or inverted view: centre the value
            lo_ -= 0.5;
            hi_ = lo_ + 1.0;
        }
    }

    double lo() const { return lo_; }
    double hi() const { return hi_; }
    int height() const { return height_; }

    // NaN has no row; callers lift the pen instead (returns the bottom overscan).
    int row(double value) const
    {
        const double maxRow = height_ - 1.0 + kPixelOverscan;
        if (std::isnan(value))
            return static_cast<int>(maxRow);
        const double r = std::floor((hi_ - value) / (hi_ - lo_) * (height_ - 1) + 0.5);
        if (std::isnan(r)) // only with non-finite view bounds
            return 0;
        return static_cast<int>(std::clamp(r, -double(kPixelOverscan), maxRow));
    }

private:
    double lo_ = 0.0;
    double hi_ = 1.0;
    int height_ = 1;
};

struct Viewport {
    ColumnMapping x;
    RowMapping y;
};

} // namespace forkscope
