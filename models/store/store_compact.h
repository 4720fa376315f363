#pragma once

#include <functional>

#include <QtGlobal>

namespace forkscope {

class Store;

struct CompactReport {
    qint64 chunks = 0;      // chunks looked at
    qint64 rewritten = 0;   // old-format chunks now in the compressed format
    qint64 alreadyDone = 0; // already compressed: left as they were
    qint64 damaged = 0;     // failed their check: left for 'check --repair'
    qint64 bytesBefore = 0; // of the rewritten chunks' blobs
    qint64 bytesAfter = 0;
};

// (chunks done, chunks in all)
using CompactProgress = std::function<void(qint64, qint64)>;

// Rewrites every history chunk of an older format in the compressed one, a
// few chunks per transaction, in chunk_data order. Safe to stop at any
// moment (each transaction replaces whole, verified chunks, so a killed
// compaction leaves every chunk old or new, never half) and resumable (a
// second run skips compressed chunks). A chunk whose check fails is not
// touched. The new blob is decoded and compared bit for bit with the old
// one's points before it replaces it.
CompactReport compactStore(Store &store, const CompactProgress &progress = {});

} // namespace forkscope
