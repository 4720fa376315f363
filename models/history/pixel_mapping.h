#pragma once

#include "series/series_types.h"

#include <algorithm>
#include <cmath>

namespace fs {

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
    ColumnMapping(StepRange visible, int width) : m_range(visible), m_width(std::max(width, 0))
    {
        if (!m_range.empty())
            m_span = static_cast<__int128>(m_range.hi) - m_range.lo + 1;
    }

    StepRange range() const { return m_range; }
    int width() const { return m_width; }
    bool valid() const { return m_width > 0 && !m_range.empty(); }

    qint64 column(qint64 step) const
    {
        const __int128 num = (static_cast<__int128>(step) - m_range.lo) * m_width;
        return static_cast<qint64>(floorDiv(num, m_span));
    }

    // Smallest step whose column is >= col (col may be 0..width).
    __int128 firstStepOfColumn(qint64 col) const
    {
        return m_range.lo + ceilDiv(static_cast<__int128>(col) * m_span, m_width);
    }

    bool sameColumn(qint64 a, qint64 b) const { return column(a) == column(b); }

    // The column as a drawable x coordinate.
    int pixelX(qint64 step) const
    {
        const qint64 c = column(step);
        return static_cast<int>(std::clamp<qint64>(c, -kPixelOverscan, m_width - 1 + kPixelOverscan));
    }

private:
    static __int128 floorDiv(__int128 a, __int128 b)
    {
        const __int128 q = a / b;
        return (a % b != 0 && a < 0) ? q - 1 : q;
    }
    static __int128 ceilDiv(__int128 a, __int128 b) { return -floorDiv(-a, b); }

    StepRange m_range{1, 0};
    int m_width = 0;
    __int128 m_span = 1;
};

// Maps values onto rows: hi -> row 0, lo -> row height-1 (rounded to the
// nearest row, monotone so min/max in value space stay min/max in rows).
// Out-of-view values and +/-Inf clamp to just within kPixelOverscan.
class RowMapping {
public:
    RowMapping() = default;
    RowMapping(double lo, double hi, int height) : m_lo(lo), m_hi(hi), m_height(std::max(height, 1))
    {
        if (!(m_hi > m_lo)) { // flat or inverted view: centre the value
            m_lo -= 0.5;
            m_hi = m_lo + 1.0;
        }
    }

    double lo() const { return m_lo; }
    double hi() const { return m_hi; }
    int height() const { return m_height; }

    // NaN has no row; callers lift the pen instead (returns the bottom overscan).
    int row(double value) const
    {
        const double maxRow = m_height - 1.0 + kPixelOverscan;
        if (std::isnan(value))
            return static_cast<int>(maxRow);
        const double r = std::floor((m_hi - value) / (m_hi - m_lo) * (m_height - 1) + 0.5);
        if (std::isnan(r)) // only with non-finite view bounds
            return 0;
        return static_cast<int>(std::clamp(r, -double(kPixelOverscan), maxRow));
    }

private:
    double m_lo = 0.0;
    double m_hi = 1.0;
    int m_height = 1;
};

struct Viewport {
    ColumnMapping x;
    RowMapping y;
};

} // namespace fs
