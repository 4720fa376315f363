#include "m4_reducer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

namespace fs {

M4Reducer::M4Reducer(StepRange visible, int width) : M4Reducer(ColumnMapping(visible, width)) {}

M4Reducer::M4Reducer(const ColumnMapping &columns) : m_columns(columns) {}

void M4Reducer::addPoints(std::span<const Point> points)
{
    if (points.empty() || !m_columns.valid())
        return;
    const StepRange range = m_columns.range();
    const auto byStep = [](const Point &p, qint64 s) { return p.step < s; };
    const auto inBegin = std::lower_bound(points.begin(), points.end(), range.lo, byStep);
    const auto inEnd =
        std::upper_bound(inBegin, points.end(), range.hi, [](qint64 s, const Point &p) { return s < p.step; });
    if (inBegin != points.begin())
        noteBefore(*(inBegin - 1));
    for (auto it = inBegin; it != inEnd;) {
        addInRange(*it++);
        if (!m_runOpen)
            continue;
        // The rest of this column's run, on locals: members could alias the
        // input as far as the compiler knows; this loop was 5x slower on them.
        Sample lo = m_min;
        Sample hi = m_max;
        const qint64 columnLastStep = m_columnLastStep;
        quint64 seq = m_seq;
        const Point *last = nullptr;
        for (; it != inEnd && it->step <= columnLastStep && !std::isnan(it->value); ++it, ++seq) {
            const double v = it->value;
            if (v < lo.value)
                lo = {it->step, v, seq};
            else if (v > hi.value)
                hi = {it->step, v, seq};
            last = &*it;
        }
        if (last)
            m_last = {last->step, last->value, seq - 1};
        m_min = lo;
        m_max = hi;
        m_seq = seq;
    }
    if (inEnd != points.end())
        noteAfter(*inEnd);
}

void M4Reducer::addConsecutive(qint64 firstStep, const char *values, size_t count)
{
    if (count == 0 || !m_columns.valid())
        return;
    const auto valueAt = [values](size_t i) {
        double v;
        std::memcpy(&v, values + i * sizeof(double), sizeof(double));
        return v;
    };
    const auto stepAt = [firstStep](size_t i) { return firstStep + qint64(i); };
    const StepRange range = m_columns.range();
    const auto [i0, i1] = indexWindow(firstStep, count, range);
    if (i0 > 0)
        noteBefore({stepAt(i0 - 1), valueAt(i0 - 1)});
    for (size_t i = i0; i < i1;) {
        const qint64 step = stepAt(i);
        // The rest of the open column, or the column this step opens.
        const qint64 columnLast = m_runOpen && step <= m_columnLastStep
                                      ? m_columnLastStep
                                      : qint64(m_columns.firstStepOfColumn(m_columns.column(step) + 1) - 1);
        const size_t end = std::min(i1, i + size_t(quint64(columnLast) - quint64(step)) + 1);
        double lo = valueAt(i), hi = lo;
        size_t loAt = i, hiAt = i, nanAt = end;
        for (size_t k = i; k < end; ++k) {
            const double v = valueAt(k);
            if (std::isnan(v)) {
                nanAt = k;
                break;
            }
            if (v < lo) {
                lo = v;
                loAt = k;
            } else if (v > hi) {
                hi = v;
                hiAt = k;
            }
        }
        if (nanAt > i) {
            // What addInRange() keeps of [i, nanAt) depends only on these
            // (first occurrences of min and max, as its strict comparisons).
            const size_t keep[4] = {i, std::min(loAt, hiAt), std::max(loAt, hiAt), nanAt - 1}; // ascending
            for (size_t n = 0; n < 4; ++n) {
                if (n == 0 || keep[n] != keep[n - 1])
                    addInRange({stepAt(keep[n]), valueAt(keep[n])});
            }
        }
        if (nanAt < end) {
            addInRange({stepAt(nanAt), valueAt(nanAt)});
            i = nanAt + 1;
        } else {
            i = end;
        }
    }
    if (i1 < count)
        noteAfter({stepAt(i1), valueAt(i1)});
}

void M4Reducer::addPoint(const Point &point)
{
    if (!m_columns.valid())
        return;
    const StepRange range = m_columns.range();
    if (point.step < range.lo)
        noteBefore(point);
    else if (point.step > range.hi)
        noteAfter(point);
    else
        addInRange(point);
}

void M4Reducer::addSummary(const ChunkSummary &s)
{
    if (s.count <= 0)
        return;
    addPoint({s.firstStep, s.first});
    if (s.count == 1)
        return;
    // Where min and max really were is unknown; inside the chunk keeps the
    // output step-ordered, and within one column their order cannot change
    // the pixels. Follow the chunk's trend so hover values look plausible.
    const qint64 third = std::max<qint64>((s.lastStep - s.firstStep) / 3, 1);
    const qint64 stepA = std::min(s.firstStep + third, s.lastStep);
    const qint64 stepB = std::max(s.lastStep - third, stepA);
    const bool rising = !(s.last < s.first);
    const double a = rising ? s.min : s.max;
    const double b = rising ? s.max : s.min;
    if (!std::isnan(a))
        addPoint({stepA, a});
    if (!std::isnan(b) && b != a)
        addPoint({stepB, b});
    addPoint({s.lastStep, s.last});
}

PointVector M4Reducer::finish()
{
    flushRun();
    if (!m_started && m_hasBefore)
        m_out.push_back(m_before);
    if (m_hasAfter)
        m_out.push_back(m_after);
    PointVector out = std::move(m_out);
    *this = M4Reducer(m_columns);
    return out;
}

void M4Reducer::noteBefore(const Point &p)
{
    if (m_started)
        return; // out of order; nothing sensible to do with it
    m_before = p;
    m_hasBefore = true;
}

void M4Reducer::noteAfter(const Point &p)
{
    if (m_hasAfter)
        return;
    m_after = p;
    m_hasAfter = true;
}

void M4Reducer::startOutput()
{
    m_started = true;
    if (m_hasBefore)
        m_out.push_back(m_before);
}

void M4Reducer::addInRange(const Point &p)
{
    if (!m_started)
        startOutput();
    const Sample s{p.step, p.value, m_seq++};
    if (std::isnan(p.value)) {
        flushRun();
        if (!m_out.empty() && !std::isnan(m_out.back().value))
            m_out.push_back(p);
        return;
    }
    if (!m_runOpen || p.step > m_columnLastStep) {
        flushRun();
        openRun(s);
        return;
    }
    m_last = s;
    if (s.value < m_min.value)
        m_min = s;
    else if (s.value > m_max.value)
        m_max = s;
}

void M4Reducer::openRun(const Sample &s)
{
    m_runOpen = true;
    m_first = m_min = m_max = m_last = s;
    const qint64 col = m_columns.column(s.step);
    m_columnLastStep = static_cast<qint64>(m_columns.firstStepOfColumn(col + 1) - 1);
}

void M4Reducer::flushRun()
{
    if (!m_runOpen)
        return;
    m_runOpen = false;
    Sample a = m_min;
    Sample b = m_max;
    if (b.seq < a.seq)
        std::swap(a, b);
    put(m_first);
    if (a.seq != m_first.seq && a.seq != m_last.seq)
        put(a);
    if (b.seq != a.seq && b.seq != m_first.seq && b.seq != m_last.seq)
        put(b);
    if (m_last.seq != m_first.seq)
        put(m_last);
}

bool summarySuffices(const ColumnMapping &columns, qint64 firstStep, qint64 lastStep)
{
    const StepRange range = columns.range();
    if (lastStep < range.lo || firstStep > range.hi)
        return true;
    return range.contains(firstStep) && range.contains(lastStep) && columns.sameColumn(firstStep, lastStep);
}

bool summarySuffices(StepRange visible, int width, qint64 firstStep, qint64 lastStep)
{
    return summarySuffices(ColumnMapping(visible, width), firstStep, lastStep);
}

ChunkSummary summarizeChunk(std::span<const Point> points)
{
    ChunkSummary s;
    if (points.empty())
        return s;
    s.firstStep = points.front().step;
    s.lastStep = points.back().step;
    s.count = static_cast<qint64>(points.size());
    s.first = points.front().value;
    s.last = points.back().value;
    for (const Point &p : points) {
        if (std::isnan(p.value))
            continue;
        if (!(p.value >= s.min)) // also true while min is still NaN
            s.min = p.value;
        if (!(p.value <= s.max))
            s.max = p.value;
    }
    return s;
}

PointVector reduceM4(std::span<const Point> points, StepRange visible, int width)
{
    M4Reducer r(visible, width);
    r.addPoints(points);
    return r.finish();
}

} // namespace fs
