#pragma once

#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

#include "importers/imported_run.h"

namespace forkscope {

class Store;

struct ImportOptions {
    QString project; // overrides the source's project
    QString entity;  // overrides the source's entity
    // Called between runs and every few thousand rows; return false to
    // cancel (the run being written is rolled back, earlier runs stay).
    std::function<bool(qint64 done, qint64 total, const QString &what)> progress;
};

// What happened to one run of an import.
struct ImportOutcome {
    enum class Status { Created, Updated, Unchanged, Failed };
    Status status = Status::Failed;
    QString sourcePath;
    QString runPath; // entity/project/run_id in the store
    QString immutableId;
    qint64 rowsAdded = 0;
    QStringList warnings; // from the reader
    QString error;        // why it failed
};

struct ImportReport {
    QString format;
    std::vector<ImportOutcome> runs;
    QStringList warnings; // about the whole import (unreadable folders, deleted runs...)
    qint64 skippedRuns = 0;
    qint64 forksLinked = 0;
    bool cancelled = false;
};

QString importStatusName(ImportOutcome::Status status);

// Detects the format of `path`, reads every run and writes each into the
// store in its own transaction. Importing again is idempotent: a run already
// imported from the same source gains only rows past its last step. Imported
// forks become real forks as soon as their source is in the store.
// Throws forkscope::Error only when the path itself is unusable.
ImportReport importPath(Store &store, const QString &path, const ImportOptions &options = {});

// Writes one run (one transaction). Never throws for the run's own problems:
// they come back as a Failed outcome and nothing of the run is stored.
ImportOutcome writeImportedRun(Store &store, const ImportedRun &run, const ImportOptions &options = {});

// Turns pending fork links whose source is now in the store into real links.
// Returns how many were linked.
qint64 linkPendingForks(Store &store);

} // namespace forkscope
