#pragma once

#include <QString>
#include <QStringList>

#include "importers/imported_run.h"

namespace forkscope {

class ImportResume;

// Every `events.out.tfevents.*` file under a TensorBoard log folder, one run
// per folder that holds event files: the folder's path relative to `logDir`
// names the run, files directly in `logDir` form a run named after `logDir`
// itself. `project` is `logDir`'s name for all of them. `logDir` may also be
// a single event file. Throws forkscope::Error(NotFound/Format) when there is no
// event file at all.
// With `resume` (a folder watch), each file is read from where the last read
// of it stopped, and each run comes back with only the rows read now.
ImportBatch importTensorBoardDir(const QString &logDir, ImportResume *resume = nullptr);

// The event files under `logDir` (or `logDir` itself if it is one), sorted.
QStringList findTensorBoardEventFiles(const QString &logDir);

bool isTensorBoardEventFile(const QString &fileName);

} // namespace forkscope
