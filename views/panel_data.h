#pragma once

#include <QString>
#include <optional>
#include <vector>

#include "history/series_types.h"

namespace fs {

class Store;

// One run as a chart panel draws it.
struct PanelRun {
    qint64 key = 0;
    QString name;
    QString runId;
    int colorIndex = 0;
    std::optional<qint64> forkStep;   // forks: inherited history ends here
};

struct PanelRequest {
    QString metric;
    std::vector<PanelRun> runs;
    std::optional<StepRange> range;   // none: everything
    int width = 600;                  // plot width in pixels
};

struct RunSeries {
    qint64 runKey = 0;
    PointVector inherited;            // steps <= forkStep, reduced
    PointVector own;                  // the run's own steps, reduced
    std::optional<Point> forkPoint;
};

struct PanelData {
    QString metric;
    StepRange range{0, 0};            // the steps the reduction covers
    StepRange extent{0, 0};           // all steps of all runs
    std::vector<RunSeries> series;
    double yMin = 0.0;
    double yMax = 1.0;
    bool hasData = false;
};

// Runs on a worker thread: effective history for the visible range, M4
// reduced to a few points per pixel column from chunk summaries where they
// suffice, so the cost follows the pixels, not the run's length.
PanelData loadPanelData(Store &store, const PanelRequest &request);

} // namespace fs
