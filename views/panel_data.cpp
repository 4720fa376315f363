#include "views/panel_data.h"

#include <cmath>
#include <limits>

#include "history/m4_reducer.h"
#include "store/store.h"

namespace fs {

namespace {

constexpr qint64 kMinStep = std::numeric_limits<qint64>::min();
constexpr qint64 kMaxStep = std::numeric_limits<qint64>::max();

StepRange intersect(StepRange a, StepRange b)
{
    return {std::max(a.lo, b.lo), std::min(a.hi, b.hi)};
}

PointVector reduce(Store &store, qint64 run, const QString &metric, StepRange range, const ColumnMapping &cols)
{
    if (range.empty())
        return {};
    M4Reducer reducer(cols);
    PointVector buffer;
    for (const ChunkRef &ref : store.chunkRefs(run, metric, range, true)) {
        if (ref.whole && summarySuffices(cols, ref.summary.firstStep, ref.summary.lastStep)) {
            reducer.addSummary(ref.summary);
        } else {
            buffer.clear();
            store.readChunk(ref, buffer);
            reducer.addPoints(buffer);
        }
    }
    PointVector out = reducer.finish();
    // The reducer keeps neighbours outside the range for edges; the segments
    // here are cut at the fork step, so drop what lies beyond.
    std::erase_if(out, [&](const Point &p) { return !range.contains(p.step); });
    return out;
}

} // namespace

PanelData loadPanelData(Store &store, const PanelRequest &request)
{
    PanelData data;
    data.metric = request.metric;
    qint64 lo = kMaxStep, hi = kMinStep;
    for (const PanelRun &run : request.runs) {
        const auto refs = store.chunkRefs(run.key, request.metric, {}, true);
        if (refs.empty())
            continue;
        lo = std::min(lo, std::max(refs.front().summary.firstStep, refs.front().clip.lo));
        hi = std::max(hi, std::min(refs.back().summary.lastStep, refs.back().clip.hi));
    }
    if (lo > hi)
        return data;
    data.extent = {lo, hi};
    data.range = request.range ? *request.range : data.extent;
    if (data.range.hi <= data.range.lo)
        data.range.hi = data.range.lo + 1;
    const ColumnMapping cols(data.range, std::max(request.width, 16));

    double yMin = std::numeric_limits<double>::infinity();
    double yMax = -yMin;
    auto noteY = [&](const PointVector &pts) {
        for (const Point &p : pts) {
            if (std::isfinite(p.value)) {
                yMin = std::min(yMin, p.value);
                yMax = std::max(yMax, p.value);
            }
        }
    };
    for (const PanelRun &run : request.runs) {
        RunSeries s;
        s.runKey = run.key;
        if (run.forkStep) {
            s.inherited = reduce(store, run.key, request.metric, intersect(data.range, {kMinStep, *run.forkStep}), cols);
            s.own = reduce(store, run.key, request.metric, intersect(data.range, {*run.forkStep + 1, kMaxStep}), cols);
            if (!s.inherited.empty() && data.range.contains(*run.forkStep)) {
                s.forkPoint = s.inherited.back();
                // Own line starts where the inherited one ends.
                if (!s.own.empty())
                    s.own.insert(s.own.begin(), s.inherited.back());
            }
        } else {
            s.own = reduce(store, run.key, request.metric, data.range, cols);
        }
        noteY(s.inherited);
        noteY(s.own);
        data.series.push_back(std::move(s));
    }
    if (yMin <= yMax) {
        data.hasData = true;
        const double pad = yMax > yMin ? (yMax - yMin) * 0.06 : std::max(std::abs(yMax) * 0.1, 0.5);
        data.yMin = yMin - pad;
        data.yMax = yMax + pad;
    }
    return data;
}

} // namespace fs
