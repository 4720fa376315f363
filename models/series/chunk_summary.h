#pragma once

#include <QtGlobal>
#include <limits>

namespace forkscope {

// Summary of one stored chunk (a run of consecutive points of one key).
// min/max ignore NaN; they are NaN when every value is NaN.
struct ChunkSummary {
    qint64 firstStep = 0;
    qint64 lastStep = 0;
    qint64 count = 0;
    double min = std::numeric_limits<double>::quiet_NaN();
    double max = std::numeric_limits<double>::quiet_NaN();
    double first = std::numeric_limits<double>::quiet_NaN();
    double last = std::numeric_limits<double>::quiet_NaN();
    // NaN values inside the chunk: a summary cannot say where its gaps are,
    // so a chunk with NaNs is drawn from its points.
    qint64 nanCount = 0;
};

} // namespace forkscope
