#pragma once

#include <QStringList>

#include "importers/imported_run.h"

namespace forkscope {

class Store;

// Registers the checkpoints of `run` that the store's run `runKey` does not
// have yet (the same path counts as the same checkpoint, so importing again
// adds none twice). Inside the caller's transaction. Returns how many were
// added; a checkpoint the store refuses becomes a warning, not a failed run.
qint64 writeImportedCheckpoints(Store &store, qint64 runKey, const ImportedRun &run, QStringList &warnings);

} // namespace forkscope
