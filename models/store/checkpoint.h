#pragma once

#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

#include "core/json_qt.h"

namespace forkscope {

// Weights a run saved at a step, as the run registered them. `path` is an
// absolute file path or a URI; size and SHA-256 are what the file had when
// it was registered (unknown for a URI, or an import whose file is gone).
struct NewCheckpoint {
    qint64 step = 0;
    QString path;
    std::optional<qint64> size;
    QString sha256; // lowercase hex, empty when unknown
    QDateTime createdAt;
    Json metadata = Json::object();
};

// A checkpoint as a run sees it: its own, or one inherited from its fork
// lineage (a fork sees its sources' checkpoints up to the fork step).
struct Checkpoint : NewCheckpoint {
    qint64 key = 0;    // row id in this store
    qint64 runKey = 0; // the run that saved it
    QString runPath;   // "entity/project/run_id" of that run
};

// Whether the file behind a checkpoint is still what was registered.
struct CheckpointFileState {
    bool exists = false;
    // The size and SHA-256 agree with the registered ones (false when the
    // file is missing; true when nothing was registered to compare with).
    bool matches = false;
};

// The checkpoint a run started at `forkStep` resumes from: the one at that
// step, else the latest before it; none when there is no such checkpoint.
// `checkpoints` in step order.
std::optional<Checkpoint> checkpointToResume(const std::vector<Checkpoint> &checkpoints, qint64 forkStep);

// The checkpoint whose step is nearest `step` (the earlier on a tie).
std::optional<Checkpoint> nearestCheckpoint(const std::vector<Checkpoint> &checkpoints, qint64 step);

// Reads the file (hashing it: call off the UI thread). URIs are not checked:
// they read as existing and matching.
CheckpointFileState checkCheckpointFile(const Checkpoint &checkpoint);

} // namespace forkscope
