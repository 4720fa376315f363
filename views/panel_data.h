#pragma once

#include <QString>
#include <functional>
#include <optional>
#include <vector>

#include "history/series_query.h"
#include "history/series_types.h"

namespace fs {

class Store;

// One run as a chart panel draws it.
struct PanelRun {
    qint64 key = 0;
    QString name;
    QString runId;
    int colorIndex = 0;
    std::optional<qint64> forkStep; // forks: inherited history ends here
};

struct PanelRequest {
    QString metric;
    std::vector<PanelRun> runs;
    std::optional<StepRange> range; // none: everything
    int width = 600;                // plot width in pixels
    double smoothing = 0.0;         // EMA weight, 0..0.99
};

struct RunSeries {
    qint64 runKey = 0;
    PointVector inherited;         // steps <= forkStep, reduced
    PointVector own;               // the run's own steps, reduced
    PointVector smoothedInherited; // EMA of the full-resolution history, reduced
    PointVector smoothedOwn;
    std::vector<EnvelopeColumn> envelope; // min-max per crowded pixel column
    std::optional<Point> forkPoint;
    StepRange extent{1, 0};
};

struct PanelData {
    QString metric;
    StepRange range{0, 0};  // the steps the reduction covers
    StepRange extent{0, 0}; // all steps of all runs
    int width = 0;          // the columns the reduction used
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

} // namespace fs
