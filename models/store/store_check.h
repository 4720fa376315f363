#pragma once

#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

#include "series/series_types.h"

namespace forkscope {

class Store;

struct DamagedChunkInfo {
    QString run; // entity/project/run_id
    QString key;
    StepRange steps;
    QString reason;
};

struct StoreCheckReport {
    QStringList sqliteProblems; // PRAGMA integrity_check's findings, or why it could not finish
    qint64 chunks = 0;          // chunks looked at
    qint64 sound = 0;           // checksum and summary match
    qint64 unverified = 0;      // written before checksums: the summary matches, no checksum to check
    std::vector<DamagedChunkInfo> damaged;
    bool repaired = false; // the damaged chunks were moved to chunk_quarantine
    bool clean() const { return sqliteProblems.isEmpty() && damaged.empty(); }
};

// (chunks done, chunks in all)
using CheckProgress = std::function<void(qint64, qint64)>;

// Verifies a whole store: SQLite's own integrity check, then every history
// chunk against its checksum and summary. With `repair`, damaged chunks are
// moved, in one transaction, out of the history into the table
// chunk_quarantine (made on first use: blob, summary, run, key, reason,
// time), so reads no longer meet them and nothing is thrown away.
StoreCheckReport checkStore(Store &store, bool repair, const CheckProgress &progress = {});

} // namespace forkscope
