#pragma once

#include <QString>
#include <functional>
#include <optional>
#include <vector>

#include "history/inherited_sources.h"
#include "history/series_query.h"
#include "history/step_time_map.h"
#include "series/series_types.h"
#include "store/checkpoint.h"

namespace forkscope {

class Store;

// One run as a chart panel draws it.
struct PanelRun {
    qint64 key = 0;
    QString name;
    QString runId;
    int colorIndex = 0;
    std::optional<qint64> forkStep; // forks: inherited history ends here
};

// What the x axis shows. Time axes place each run's points by its own
// `_runtime` (relative) or `_timestamp` (wall clock), as W&B logs them; their
// x unit is milliseconds. Reduction stays per step column.
enum class XAxis { Step, RelativeTime, WallTime };

// The history key an x axis reads time from (empty for steps).
QString timeKeyOf(XAxis axis);

struct PanelRequest {
    QString metric;
    std::vector<PanelRun> runs;
    std::optional<StepRange> range; // none: everything
    int width = 600;                // plot width in pixels
    double smoothing = 0.0;         // EMA weight, 0..0.99
    XAxis xAxis = XAxis::Step;      // `range` is in this axis' unit
};

struct RunSeries {
    qint64 runKey = 0;
    PointVector inherited;         // steps <= forkStep, reduced
    PointVector own;               // the run's own steps, reduced
    PointVector smoothedInherited; // EMA of the full-resolution history, reduced
    PointVector smoothedOwn;
    std::vector<EnvelopeColumn> envelope; // min-max per crowded pixel column
    std::optional<Point> forkPoint;
    std::vector<StepRange> damaged; // steps of damaged chunks: not drawn, hatched
    StepRange extent{1, 0};
    ChunkReads reads; // how the query read the chunks (tests)
    StepTimeMap time; // time axes: the run's steps against its time key
    // The run's effective checkpoints (its fork lineage's too), in step
    // order: read with the points, so marks and snapping agree with them.
    std::vector<Checkpoint> checkpoints;
    // A fork's ancestors, oldest first, with the steps each gave it: the
    // inherited line is drawn in their colours and the hover names them.
    std::vector<InheritedSource> sources;
    // The x coordinate (steps, or milliseconds on a time axis) of a step.
    qint64 xOf(qint64 step, XAxis axis) const;
};

struct PanelData {
    QString metric;
    XAxis xAxis = XAxis::Step;
    StepRange range{0, 0};      // the x range the reduction covers (steps or ms)
    StepRange extent{0, 0};     // all of all runs, in the same unit
    StepRange stepExtent{1, 0}; // all steps of all runs (what live updates compare)
    int runsWithoutTime = 0;    // time axes: runs that logged no time key
    int width = 0;              // the columns the reduction used
    double smoothing = 0.0;
    std::vector<RunSeries> series;
    double yMin = 0.0;
    double yMax = 1.0;
    double yMinPositive = 1.0; // for a log scale
    bool hasData = false;
    bool cancelled = false; // a newer request superseded this one
};

// Runs on a worker thread: effective history for the visible range, M4
// reduced to a few points per pixel column from chunk summaries where they
// suffice, so the cost follows the pixels, not the run's length. `cache`
// (optional, owned by the worker thread) keeps chunk indexes and smoothed
// summaries between requests; `cancelled` is polled between runs.
PanelData loadPanelData(Store &store, const PanelRequest &request, SeriesCache *cache = nullptr,
                        const std::function<bool()> &cancelled = {});

} // namespace forkscope
