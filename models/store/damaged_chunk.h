#pragma once

#include "core/error.h"
#include "series/series_types.h"

namespace forkscope {

// A stored chunk whose bytes fail their checksum or contradict their
// summary. Never passed on as data: readers throw this instead, and the
// chart path skips the chunk and marks its steps.
class DamagedChunkError : public Error {
public:
    DamagedChunkError(const QString &message, qint64 series, StepRange steps)
        : Error(Kind::Storage, message), series_(series), steps_(steps)
    {
    }
    qint64 series() const { return series_; }
    StepRange steps() const { return steps_; }

private:
    qint64 series_;
    StepRange steps_;
};

} // namespace forkscope
