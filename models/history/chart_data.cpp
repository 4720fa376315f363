#include "history/chart_data.h"

#include <cmath>
#include <limits>
#include <map>

#include "store/store.h"
#include "store/store_transaction.h"

namespace forkscope {

QString timeKeyOf(XAxis axis)
{
    switch (axis) {
    case XAxis::RelativeTime: return QStringLiteral("_runtime");
    case XAxis::WallTime: return QStringLiteral("_timestamp");
    case XAxis::Step: break;
    }
    return {};
}

qint64 RunSeries::xOf(qint64 step, XAxis axis) const
{
    if (axis == XAxis::Step)
        return step;
    return qint64(std::llround(time.secondsAt(step) * 1000.0));
}

PanelData loadPanelData(Store &store, const PanelRequest &request, SeriesCache *cache,
                        const std::function<bool()> &cancelled)
{
    SeriesCache local;
    SeriesCache &c = cache ? *cache : local;
    const StoreSnapshot snapshot(store); // every run of the panel from one committed state
    PanelData data;
    data.metric = request.metric;
    data.smoothing = request.smoothing;
    data.xAxis = request.xAxis;
    const QString timeKey = timeKeyOf(request.xAxis);
    std::map<qint64, RunSeries> prepared; // by run key; on time axes, with the run's time map
    qint64 lo = std::numeric_limits<qint64>::max(), hi = std::numeric_limits<qint64>::min();
    StepRange steps{std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min()};
    for (const PanelRun &run : request.runs) {
        if (cancelled && cancelled()) {
            data.cancelled = true;
            return data;
        }
        const StepRange e = c.extent(store, run.key, request.metric);
        if (e.empty())
            continue;
        steps = {std::min(steps.lo, e.lo), std::max(steps.hi, e.hi)};
        RunSeries s;
        s.runKey = run.key;
        if (!timeKey.isEmpty()) {
            s.time = StepTimeMap(c.chunkEnds(store, run.key, timeKey));
            if (s.time.empty()) {
                ++data.runsWithoutTime;
                continue;
            }
        }
        lo = std::min(lo, s.xOf(e.lo, request.xAxis));
        hi = std::max(hi, s.xOf(e.hi, request.xAxis));
        prepared.emplace(run.key, std::move(s));
    }
    data.stepExtent = steps;
    if (lo > hi)
        return data;
    data.extent = {lo, hi};
    data.range = request.range ? *request.range : data.extent;
    if (data.range.hi <= data.range.lo)
        data.range.hi = data.range.lo + 1;
    data.width = std::max(request.width, 16);

    double yMin = std::numeric_limits<double>::infinity();
    double yMax = -yMin;
    double yMinPositive = yMin;
    auto noteY = [&](const PointVector &pts, StepRange steps) {
        for (const Point &p : pts) {
            if (std::isfinite(p.value) && steps.contains(p.step)) {
                yMin = std::min(yMin, p.value);
                yMax = std::max(yMax, p.value);
                if (p.value > 0)
                    yMinPositive = std::min(yMinPositive, p.value);
            }
        }
    };
    for (const PanelRun &run : request.runs) {
        if (cancelled && cancelled()) {
            data.cancelled = true;
            return data;
        }
        auto found = prepared.find(run.key);
        if (found == prepared.end())
            continue;
        RunSeries &s = found->second;
        SeriesQuery q;
        q.run = run.key;
        q.key = request.metric;
        q.range = data.range;
        if (request.xAxis != XAxis::Step) // this run's steps in the visible time
            q.range = {s.time.stepAt(double(data.range.lo) / 1000.0, StepTimeMap::Rounding::Down),
                       s.time.stepAt(double(data.range.hi) / 1000.0, StepTimeMap::Rounding::Up)};
        q.width = data.width;
        q.forkStep = run.forkStep;
        q.smoothing = request.smoothing;
        ReducedSeries r = c.query(store, q);
        s.inherited = std::move(r.inherited);
        s.own = std::move(r.own);
        s.smoothedInherited = std::move(r.smoothedInherited);
        s.smoothedOwn = std::move(r.smoothedOwn);
        s.envelope = std::move(r.envelope);
        s.forkPoint = r.forkPoint;
        s.damaged = std::move(r.damaged);
        s.extent = r.extent;
        s.reads = r.reads;
        s.checkpoints = store.checkpoints(run.key);
        if (run.forkStep)
            s.sources = inheritedSources(store, run.key);
        noteY(s.inherited, q.range);
        noteY(s.own, q.range);
        data.series.push_back(std::move(s));
    }
    if (yMin <= yMax) {
        data.hasData = true;
        const double pad = yMax > yMin ? (yMax - yMin) * 0.06 : std::max(std::abs(yMax) * 0.1, 0.5);
        data.yMin = yMin - pad;
        data.yMax = yMax + pad;
        data.yMinPositive = std::isfinite(yMinPositive) ? yMinPositive : 1.0;
    }
    return data;
}

} // namespace forkscope
