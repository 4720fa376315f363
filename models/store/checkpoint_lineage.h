#pragma once

// How a run's effective checkpoints are put together from its fork lineage.
// Private to models/store (the Store's lineage and checkpoint files share it).

#include <vector>

#include "series/series_types.h"

namespace forkscope {

class SqliteDb;

// One run's checkpoints within `steps` seen by a descendant.
struct CheckpointSegment {
    qint64 run = 0;
    StepRange steps;
};

// Like the history's segments, oldest ancestor first, but each fork's own
// range starts at its fork step, not after it: a fork resumes from the
// weights at its fork step and may register them again as its own (a
// checkpoint saved before the first new step), which history has no
// counterpart for.
std::vector<CheckpointSegment> checkpointSegments(SqliteDb &db, qint64 runKey);

// Copies the checkpoints `forkKey` inherits into its own rows (before its
// source is deleted and the link stops being followed).
void materializeCheckpoints(SqliteDb &db, qint64 forkKey);

} // namespace forkscope
