#include "store/store_check.h"

#include <QCoreApplication>
#include <QDateTime>

#include "core/error.h"
#include "store/chunk_codec.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace forkscope {

namespace {

constexpr qint64 kProgressEvery = 256;

struct Found {
    DamagedChunkInfo info;
    qint64 series = 0;
    qint64 dataId = 0;
};

void sqliteCheck(SqliteDb &db, StoreCheckReport &report)
{
    try {
        auto st = db.prepare("PRAGMA integrity_check");
        while (st.step()) {
            const QString line = st.text(0);
            if (line != QLatin1String("ok"))
                report.sqliteProblems << line;
        }
    } catch (const Error &e) {
        report.sqliteProblems << e.message();
    }
}

std::vector<Found> chunkCheck(Store &store, StoreCheckReport &report, const CheckProgress &progress)
{
    SqliteDb &db = store.db();
    std::vector<Found> found;
    try {
        const ReadTransaction snapshot(db);
        auto count = db.prepare("SELECT count(*) FROM chunks");
        const qint64 total = count.step() ? count.int64(0) : 0;
        count.reset();
        auto st = db.prepare("SELECT c.series, c.first_step, c.last_step, c.count, c.min_value, c.max_value, "
                             "c.first_value, c.last_value, c.nan_count, c.data_id, d.data FROM chunks c "
                             "LEFT JOIN chunk_data d ON d.id = c.data_id ORDER BY c.series, c.first_step");
        while (st.step()) {
            const ChunkSummary summary{st.int64(1), st.int64(2), st.int64(3), st.real(4),
                                       st.real(5),  st.real(6),  st.real(7),  st.int64(8)};
            const ChunkCheck check = checkChunk(st.blob(10), summary);
            ++report.chunks;
            if (check.health == ChunkHealth::Sound) {
                ++report.sound;
            } else if (check.health == ChunkHealth::Unverified) {
                ++report.unverified;
            } else {
                const auto [run, key] = store.describeSeries(st.int64(0));
                found.push_back(
                    {{run, key, {summary.firstStep, summary.lastStep}, check.reason}, st.int64(0), st.int64(9)});
            }
            if (progress && (report.chunks % kProgressEvery == 0 || report.chunks == total))
                progress(report.chunks, total);
        }
    } catch (const Error &e) {
        report.sqliteProblems << e.message();
    }
    return found;
}

void quarantine(SqliteDb &db, const std::vector<Found> &found)
{
    WriteTransaction tx(db);
    db.exec("CREATE TABLE IF NOT EXISTS chunk_quarantine ("
            "  id INTEGER PRIMARY KEY, series INTEGER NOT NULL, run TEXT NOT NULL, key TEXT NOT NULL,"
            "  first_step INTEGER NOT NULL, last_step INTEGER NOT NULL, count INTEGER, min_value REAL,"
            "  max_value REAL, first_value REAL, last_value REAL, nan_count INTEGER, data BLOB,"
            "  reason TEXT NOT NULL, quarantined_ms INTEGER NOT NULL)");
    auto keep = db.prepare(
        "INSERT INTO chunk_quarantine (series, run, key, first_step, last_step, count, min_value, max_value, "
        "first_value, last_value, nan_count, data, reason, quarantined_ms) "
        "SELECT c.series, ?3, ?4, c.first_step, c.last_step, c.count, c.min_value, c.max_value, c.first_value, "
        "c.last_value, c.nan_count, d.data, ?5, ?6 FROM chunks c LEFT JOIN chunk_data d ON d.id = c.data_id "
        "WHERE c.series = ?1 AND c.first_step = ?2");
    auto dropChunk = db.prepare("DELETE FROM chunks WHERE series = ?1 AND first_step = ?2");
    auto dropData = db.prepare("DELETE FROM chunk_data WHERE id = ?1");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Found &f : found) {
        keep.bind(1, f.series).bind(2, f.info.steps.lo).bind(3, f.info.run).bind(4, f.info.key);
        keep.bind(5, f.info.reason).bind(6, now).run();
        dropChunk.bind(1, f.series).bind(2, f.info.steps.lo).run();
        dropData.bind(1, f.dataId).run();
    }
    tx.commit();
}

} // namespace

StoreCheckReport checkStore(Store &store, bool repair, const CheckProgress &progress)
{
    StoreCheckReport report;
    sqliteCheck(store.db(), report);
    const std::vector<Found> found = chunkCheck(store, report, progress);
    for (const Found &f : found)
        report.damaged.push_back(f.info);
    if (repair && !found.empty()) {
        quarantine(store.db(), found);
        report.repaired = true;
    }
    return report;
}

} // namespace forkscope
