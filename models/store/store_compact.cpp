#include "store/store_compact.h"

#include <QCoreApplication>
#include <bit>

#include "core/error.h"
#include "store/chunk_codec.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "store/store_rows.h"
#include "store/store_text.h"

namespace forkscope {

namespace {

// Small transactions: a reader or a live writer waits at most for one, and
// a kill loses at most one's work.
constexpr int kChunksPerTransaction = 32;

bool identical(const PointVector &a, const PointVector &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].step != b[i].step || std::bit_cast<quint64>(a[i].value) != std::bit_cast<quint64>(b[i].value))
            return false;
    }
    return true;
}

} // namespace

CompactReport compactStore(Store &store, const CompactProgress &progress)
{
    using namespace store_rows;
    SqliteDb &db = store.db();
    CompactReport report;
    qint64 total = 0;
    {
        auto count = db.prepare("SELECT count(*) FROM chunks");
        total = count.step() ? count.int64(0) : 0;
    }
    auto batch = db.prepare("SELECT d.id, d.data, " + std::string(kSummaryColumns) +
                            " FROM chunk_data d JOIN chunks c ON c.data_id = d.id WHERE d.id > ?1 "
                            "ORDER BY d.id LIMIT ?2");
    auto update = db.prepare("UPDATE chunk_data SET data = ?2 WHERE id = ?1");
    qint64 after = 0;
    for (bool more = true; more;) {
        WriteTransaction tx(db);
        int rows = 0;
        batch.bind(1, after).bind(2, kChunksPerTransaction);
        std::vector<std::pair<qint64, std::string>> rewrites;
        while (batch.step()) {
            ++rows;
            const qint64 id = batch.int64(0);
            const std::string_view blob = batch.blob(1);
            const ChunkSummary summary = summaryAt(batch, 2);
            ++report.chunks;
            if (id == after) // a blob two chunks share: rewritten once
                continue;
            after = id;
            if (chunkFormat(blob) == int(ChunkFormat::Compressed)) {
                ++report.alreadyDone;
                continue;
            }
            if (checkChunk(blob, summary).health == ChunkHealth::Damaged) {
                ++report.damaged;
                continue;
            }
            PointVector points, again;
            decodeChunk(blob, summary.firstStep, {}, points);
            std::string compressed = encodeChunk(points.data(), points.size());
            decodeChunk(compressed, summary.firstStep, {}, again);
            if (!identical(points, again) || checkChunk(compressed, summary).health != ChunkHealth::Sound)
                throw Error(Error::Kind::Storage,
                            StoreText::tr("compacting changed the points of a chunk (steps %1-%2); nothing of it "
                                          "was written")
                                .arg(summary.firstStep)
                                .arg(summary.lastStep));
            report.bytesBefore += qint64(blob.size());
            report.bytesAfter += qint64(compressed.size());
            rewrites.emplace_back(id, std::move(compressed));
        }
        batch.reset();
        for (const auto &[id, data] : rewrites)
            update.bind(1, id).bindBlob(2, data.data(), int(data.size())).run();
        tx.commit();
        report.rewritten += qint64(rewrites.size());
        more = rows == kChunksPerTransaction;
        if (progress)
            progress(std::min(report.chunks, total), total);
    }
    return report;
}

} // namespace forkscope
