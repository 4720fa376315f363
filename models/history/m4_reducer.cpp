#include "m4_reducer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

namespace forkscope {

M4Reducer::M4Reducer(StepRange visible, int width) : M4Reducer(ColumnMapping(visible, width)) {}

M4Reducer::M4Reducer(const ColumnMapping &columns) : columns_(columns) {}

void M4Reducer::addPoints(std::span<const Point> points)
{
    if (points.empty() || !columns_.valid())
        return;
    const StepRange range = columns_.range();
    const auto byStep = [](const Point &p, qint64 s) { return p.step < s; };
    const auto inBegin = std::lower_bound(points.begin(), points.end(), range.lo, byStep);
    const auto inEnd =
        std::upper_bound(inBegin, points.end(), range.hi, [](qint64 s, const Point &p) { return s < p.step; });
    if (inBegin != points.begin())
        noteBefore(*(inBegin - 1));
    for (auto it = inBegin; it != inEnd;) {
        addInRange(*it++);
        if (!runOpen_)
            continue;
        // The rest of this column's run, on locals: members could alias the
        // input as far as the compiler knows; this loop was 5x slower on them.
        Sample lo = min_;
        Sample hi = max_;
        const qint64 columnLastStep = columnLastStep_;
        quint64 seq = seq_;
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
            last_ = {last->step, last->value, seq - 1};
        min_ = lo;
        max_ = hi;
        seq_ = seq;
    }
    if (inEnd != points.end())
        noteAfter(*inEnd);
}

void M4Reducer::addConsecutive(qint64 firstStep, const char *values, size_t count)
{
    if (count == 0 || !columns_.valid())
        return;
    const auto valueAt = [values](size_t i) {
        double v;
        std::memcpy(&v, values + i * sizeof(double), sizeof(double));
        return v;
    };
    const auto stepAt = [firstStep](size_t i) { return firstStep + qint64(i); };
    const StepRange range = columns_.range();
    const auto [i0, i1] = indexWindow(firstStep, count, range);
    if (i0 > 0)
        noteBefore({stepAt(i0 - 1), valueAt(i0 - 1)});
    for (size_t i = i0; i < i1;) {
        const qint64 step = stepAt(i);
        // The rest of the open column, or the column this step opens.
        const qint64 columnLast = runOpen_ && step <= columnLastStep_
                                      ? columnLastStep_
                                      : qint64(columns_.firstStepOfColumn(columns_.column(step) + 1) - 1);
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
    if (!columns_.valid())
        return;
    const StepRange range = columns_.range();
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
    if (!started_ && hasBefore_)
        out_.push_back(before_);
    if (hasAfter_)
        out_.push_back(after_);
    PointVector out = std::move(out_);
    *this = M4Reducer(columns_);
    return out;
}

void M4Reducer::noteBefore(const Point &p)
{
    if (started_)
        return; // out of order; nothing sensible to do with it
    before_ = p;
    hasBefore_ = true;
}

void M4Reducer::noteAfter(const Point &p)
{
    if (hasAfter_)
        return;
    after_ = p;
    hasAfter_ = true;
}

void M4Reducer::startOutput()
{
    started_ = true;
    if (hasBefore_)
        out_.push_back(before_);
}

void M4Reducer::addInRange(const Point &p)
{
    if (!started_)
        startOutput();
    const Sample s{p.step, p.value, seq_++};
    if (std::isnan(p.value)) {
        flushRun();
        if (!out_.empty() && !std::isnan(out_.back().value))
            out_.push_back(p);
        return;
    }
    if (!runOpen_ || p.step > columnLastStep_) {
        flushRun();
        openRun(s);
        return;
    }
    last_ = s;
    if (s.value < min_.value)
        min_ = s;
    else if (s.value > max_.value)
        max_ = s;
}

void M4Reducer::openRun(const Sample &s)
{
    runOpen_ = true;
    first_ = min_ = max_ = last_ = s;
    const qint64 col = columns_.column(s.step);
    columnLastStep_ = static_cast<qint64>(columns_.firstStepOfColumn(col + 1) - 1);
}

void M4Reducer::flushRun()
{
    if (!runOpen_)
        return;
    runOpen_ = false;
    Sample a = min_;
    Sample b = max_;
    if (b.seq < a.seq)
        std::swap(a, b);
    put(first_);
    if (a.seq != first_.seq && a.seq != last_.seq)
        put(a);
    if (b.seq != a.seq && b.seq != first_.seq && b.seq != last_.seq)
        put(b);
    if (last_.seq != first_.seq)
        put(last_);
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

} // namespace forkscope
