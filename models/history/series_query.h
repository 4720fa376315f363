#pragma once

#include <QString>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <tuple>
#include <vector>

#include "history/ema_smoothing.h"
#include "series/series_types.h"
#include "store/store.h"

namespace forkscope {

// The chart read path, headless: one run's metric for a visible step range
// and pixel width, reduced to first/min/max/last per pixel column. Its cost
// follows the pixels, not the run's length: chunk summaries stand in for
// chunks that lie within one pixel column (or wholly off screen), and only
// the chunks a column boundary, a fork point or a NaN cuts are read; of
// those, block summaries (chunk_codec.h) stand in for the blocks within one
// column, and only the cut blocks are decoded.
struct SeriesQuery {
    qint64 run = 0;
    QString key;
    StepRange range; // the visible steps; default: everything
    int width = 600; // plot width in pixels (columns)
    // Split point: points at steps <= forkStep are "inherited". Default: the
    // end of the last ancestor segment of the effective history, if any.
    std::optional<qint64> forkStep;
    double smoothing = 0.0; // EMA weight in [0, 0.99]; 0: none
};

// How a query read its chunks (for tests and benchmarks).
struct ChunkReads {
    qint64 decoded = 0;
    qint64 summarized = 0;        // drawn from their summaries, off-screen edge neighbours included
    qint64 summarizedInRange = 0; // of those, chunks inside the visible range (a column each)
    // Inside decoded chunks that keep block summaries: blocks drawn from
    // their summary, and blocks decoded (a column boundary or a NaN in them).
    qint64 blocksSummarized = 0;
    qint64 blocksDecoded = 0;
};

// One pixel column where several points with different values fall.
struct EnvelopeColumn {
    qint64 firstStep = 0; // first step of the column
    qint64 lastStep = 0;  // last step of the column
    double lo = 0.0;
    double hi = 0.0;
};

struct ReducedSeries {
    StepRange range{1, 0}; // the reduction's step range (empty: no data)
    int width = 0;
    // Raw values, M4-reduced. `own` starts with inherited.back() when both
    // exist, so drawing both polylines draws exactly the one effective
    // history's line. The last point before and the first after the range
    // are kept so lines run to the edges. NaN points lift the pen.
    PointVector inherited;
    PointVector own;
    // The EMA of the full-resolution effective history (continuous across
    // fork points), reduced the same way. Empty unless smoothing > 0.
    PointVector smoothedInherited;
    PointVector smoothedOwn;
    std::optional<Point> forkPoint;       // the last inherited point, if in range
    std::vector<EnvelopeColumn> envelope; // only where a column holds several values
    StepRange extent{1, 0};               // all steps of the effective history
    qint64 pointsInRange = 0;             // raw points in the range (from summaries)
    ChunkReads reads;
    // Steps of damaged chunks (failed checksum or summary) in or next to the
    // range: skipped, never drawn, so the panel can mark them.
    std::vector<StepRange> damaged;
    bool hasData() const { return !inherited.empty() || !own.empty(); }
};

// Per-thread cache of chunk indexes (the effective history's chunk
// summaries, one SQLite scan per series) and of smoothed chunk summaries
// (per weight, with the EMA state at each chunk start, so a zoomed smoothed
// line re-smooths only the chunks it decodes). New chunks of a live run are
// picked up incrementally; everything before them is reused.
// Thread-safe, but meant to be used from the one thread that owns `store`.
class SeriesCache {
public:
    SeriesCache() = default;
    SeriesCache(const SeriesCache &) = delete;
    SeriesCache &operator=(const SeriesCache &) = delete;

    ReducedSeries query(Store &store, const SeriesQuery &q);
    // The effective history's step extent of `key` (empty when none).
    StepRange extent(Store &store, qint64 run, const QString &key);
    // (step, value) at both ends of every chunk of the effective history
    // (within its segment), from the index alone: a time key's knots.
    std::vector<Point> chunkEnds(Store &store, qint64 run, const QString &key);
    void clear();

    struct SmoothChunk {
        EmaState before;      // state at the chunk's first point
        EmaState after;       // state after its last point
        ChunkSummary summary; // of the smoothed values within the clip
    };
    struct Index {
        std::vector<HistorySegment> segments;
        std::vector<ChunkRef> refs;                        // whole effective history, clip = segment
        std::map<double, std::vector<SmoothChunk>> smooth; // weight -> per ref (prefix)
        // Per ref: 0 not checked yet, 1 sound, 2 damaged. A chunk's checksum
        // is verified once per cache fill, not on every zoom.
        std::vector<char> checked;
        std::optional<qint64> lastUse;
    };

private:
    Index &index(Store &store, qint64 run, const QString &key);
    const std::vector<SmoothChunk> &smoothed(Store &store, Index &ix, double weight);

    std::mutex mutex_;
    std::map<std::pair<qint64, QString>, Index> indexes_;
    qint64 clock_ = 0;
};

// Uncached: builds the index for this one query.
ReducedSeries querySeries(Store &store, const SeriesQuery &q);

// Every point of the effective history, smoothed or not, for references and
// baselines (O(run length)).
PointVector readEffective(Store &store, qint64 run, const QString &key, double smoothing = 0.0);

} // namespace forkscope
