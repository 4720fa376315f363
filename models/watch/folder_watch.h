#pragma once

#include <QSet>
#include <QString>
#include <map>

#include "importers/import_resume.h"
#include "importers/store_import.h"

namespace forkscope {

class Store;

// How often a watch looks at its folder. New rows reach the store within
// this plus the time to read and write them.
inline constexpr int kWatchIntervalMs = 500;

// What one look at a watched folder did.
struct WatchPass {
    ImportReport report;  // runs whose files changed, each written once; only warnings not reported before
    QString error;        // why the folder could not be read this time (empty when fine)
    bool waiting = false; // the folder holds nothing importable yet
    // Bytes of history files read by this pass: what they gained since the
    // last pass (a file that shrank or was replaced is read whole again).
    qint64 bytesRead = 0;
    bool changed() const;
};

// Follows one folder (a W&B wandb/ or run folder, a TensorBoard log folder,
// an MLflow mlruns/ folder) while training writes into it: each poll() reads
// the runs whose files changed since the last one and adds their new rows to
// the store, so new runs appear and growing runs grow. Each history file is
// read from where the last pass stopped (the end of its last whole record or
// line); a record still being written at the end of a file is waited for, not
// reported as damage. Used by
// `forkscope-cli import --watch` and the app's watched folders alike; one
// thread at a time.
class FolderWatch {
public:
    explicit FolderWatch(const QString &path, ImportOptions options = {});

    QString path() const { return path_; }
    // Never throws for the folder's own problems: they come back in the pass.
    WatchPass poll(Store &store);

private:
    struct Stamp {
        qint64 size = -1;
        qint64 modifiedMs = 0;
        bool operator==(const Stamp &) const = default;
    };
    std::map<QString, Stamp> snapshot() const;
    void keepNewWarnings(const QString &source, QStringList &warnings);

    QString path_;
    QString absolutePath_;
    ImportOptions options_;
    std::map<QString, Stamp> seen_; // file -> what it was when its run was last written
    QSet<QString> reported_;        // source + warning, so a warning is reported once
    ImportResume resume_;           // where each history file's last read stopped
};

} // namespace forkscope
