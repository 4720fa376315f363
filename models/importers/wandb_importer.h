#pragma once

#include <string_view>

#include <QString>
#include <QStringList>

#include "importers/imported_run.h"

namespace forkscope {

class ImportResume;

// The records of one .wandb file (its bytes), as a run: everything whole is
// imported, a cut or corrupt tail becomes a warning. Throws
// forkscope::Error(Format) when the bytes do not start with a .wandb header.
ImportedRun importWandbLog(std::string_view bytes, const QString &sourcePath);

// One W&B run: a run folder (`run-*`, `offline-run-*`, SDK 0.9 `run-*`/
// `dryrun-*` with wandb-history.jsonl) or a single .wandb file. Adds what
// the folder's files/ say (config.yaml, wandb-summary.json,
// wandb-metadata.json) to what the .wandb holds.
// Throws forkscope::Error(NotFound) / forkscope::Error(Format) when it is not a run.
// With `resume` (a folder watch), each file is read from where the last read
// of it stopped, and the run comes back with only the rows read now.
ImportedRun importWandbRun(const QString &path, ImportResume *resume = nullptr);

// Whether `dir` looks like one W&B run folder (holds a .wandb file or
// wandb-history.jsonl, or is named like one and has files/).
bool isWandbRunFolder(const QString &dir);

// The run folders directly inside a `wandb/` folder, sorted by name
// (`latest-run` and other symlinks are left out).
QStringList findWandbRunFolders(const QString &wandbDir);

// Every run of a `wandb/` folder. A run that cannot be read is counted in
// skippedRuns with a warning naming its folder; the others still import.
ImportBatch importWandbFolder(const QString &wandbDir, ImportResume *resume = nullptr);

} // namespace forkscope
