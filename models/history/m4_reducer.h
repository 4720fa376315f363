#pragma once

#include "pixel_mapping.h"
#include "series/series_types.h"

#include <span>

namespace forkscope {

// M4 reduction (first, min, max, last per pixel column) of one series for
// one visible step range, fed incrementally with pieces in ascending step
// order:
//
//   M4Reducer r(range, width);
//   r.addPoints(rawPiece);      // any points, may extend beyond the range
//   r.addSummary(chunkSummary); // only where summarySuffices() said so
//   PointVector out = r.finish();
//
// Output is step-ordered. Drawing lines between consecutive non-NaN output
// points, with x snapped by ColumnMapping and y by RowMapping, sets exactly
// the pixels that drawing all input points would (lines within one column
// are vertical, so only each column's extent and its first/last points
// matter). NaN splits the line: each NaN run becomes one NaN marker and the
// points on either side are reduced as separate runs, so a column holds at
// most 4 non-NaN points per run it contains. The last point before and the
// first point after the range are kept so lines run to the edges.
class M4Reducer {
public:
    M4Reducer(StepRange visible, int width);
    explicit M4Reducer(const ColumnMapping &columns);

    const ColumnMapping &columns() const { return columns_; }

    void addPoints(std::span<const Point> points);
    void addPoint(const Point &point);
    // Points at consecutive steps firstStep, firstStep+1, ... given as
    // `count` unaligned little-endian doubles (a stored chunk, in place).
    // Same result as addPoints() on them, without building points: each
    // column's share is scanned once and only its first, min, max and last
    // are fed on.
    void addConsecutive(qint64 firstStep, const char *values, size_t count);

    // The summary stands in for its chunk through up to four points: first at
    // firstStep, last at lastStep, min and max at steps inside the chunk.
    // Exact only when the chunk lies in one column (or wholly outside the
    // range) and its NaNs, if any, sit in one run at either end: interior NaN
    // runs are invisible in a summary.
    void addSummary(const ChunkSummary &summary);

    // Returns the reduced points and leaves the reducer empty.
    PointVector finish();

private:
    struct Sample {
        qint64 step;
        double value;
        quint64 seq;
    };

    void addInRange(const Point &p);
    void noteBefore(const Point &p);
    void noteAfter(const Point &p);
    void startOutput();
    void openRun(const Sample &s);
    void flushRun();
    void put(const Sample &s) { out_.push_back({s.step, s.value}); }

    ColumnMapping columns_;
    PointVector out_;
    quint64 seq_ = 0;

    bool started_ = false; // an in-range point has been seen
    bool runOpen_ = false;
    qint64 columnLastStep_ = 0;
    Sample first_{}, min_{}, max_{}, last_{};

    bool hasBefore_ = false;
    bool hasAfter_ = false;
    Point before_;
    Point after_;
};

// Whether a chunk [firstStep, lastStep] may be handed to the reducer as a
// summary: it lies in a single column of the range, or entirely outside it
// (then only its first/last point can matter, as an edge).
bool summarySuffices(const ColumnMapping &columns, qint64 firstStep, qint64 lastStep);
bool summarySuffices(StepRange visible, int width, qint64 firstStep, qint64 lastStep);

// The summary the store keeps for a chunk (min/max ignore NaN).
ChunkSummary summarizeChunk(std::span<const Point> points);

// One-shot reduction of raw points.
PointVector reduceM4(std::span<const Point> points, StepRange visible, int width);

} // namespace forkscope
