// Damaged history is refused, never returned as numbers (issue 16, item 9):
// checksums per chunk, summary checks, check/repair, old-format chunks.
#include <gtest/gtest.h>

#include <QFile>
#include <cmath>
#include <random>
#include <sqlite3.h>

#include "core/error.h"
#include "history/series_query.h"
#include "store/chunk_codec.h"
#include "store/damaged_chunk.h"
#include "store/history_writer.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "store/store_check.h"
#include "support/temp_store.h"

using namespace forkscope;

namespace {

constexpr qint64 kSteps = 3 * kChunkCapacity; // three chunks per key

double valueAt(qint64 step)
{
    return std::sin(double(step) * 0.01) * 100.0 + double(step);
}

// Run "r" in project "p" with keys "loss" (consecutive steps, three chunks)
// and "sparse" (every third step, one chunk).
void writeRun(Store &store)
{
    NewRun spec;
    spec.project = QStringLiteral("p");
    spec.runId = QStringLiteral("r");
    const RunInfo info = store.createRun(spec);
    HistoryWriter w(store, info.key);
    for (qint64 s = 0; s < kSteps; ++s) {
        w.addNumber("loss", s, valueAt(s));
        if (s % 3 == 0)
            w.addNumber("sparse", s, -valueAt(s));
    }
    w.flush();
}

// A store file holding writeRun(), closed (its WAL checkpointed).
void writeStore(const QString &path)
{
    Store store(path);
    writeRun(store);
}

// Runs `sql` on a connection of its own; false on failure.
bool rawExec(const QString &path, const std::string &sql)
{
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK &&
              sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

// One column of the first row of `sql`, as bytes.
QByteArray rawBlob(const QString &path, const std::string &sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
    QByteArray out;
    if (st && sqlite3_step(st) == SQLITE_ROW)
        out = QByteArray(static_cast<const char *>(sqlite3_column_blob(st, 0)), sqlite3_column_bytes(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

// The chunk of `key` that starts at `firstStep`.
std::string chunkWhere(const char *key, qint64 firstStep)
{
    return "(SELECT c.data_id FROM chunks c JOIN series s ON s.id = c.series WHERE s.key = '" + std::string(key) +
           "' AND c.first_step = " + std::to_string(firstStep) + ")";
}

// Flips one byte in the middle of a chunk's blob through SQL.
bool flipByteInChunk(const QString &path, const char *key, qint64 firstStep)
{
    const std::string id = chunkWhere(key, firstStep);
    return rawExec(path, "UPDATE chunk_data SET data = CAST(substr(data, 1, length(data) / 2) || "
                         "X'5A' || substr(data, length(data) / 2 + 2) AS BLOB) WHERE id = " +
                             id);
}

PointVector expected(const char *key, StepRange range = {})
{
    PointVector out;
    for (qint64 s = 0; s < kSteps; ++s) {
        if (!range.contains(s))
            continue;
        if (std::string(key) == "loss")
            out.push_back({s, valueAt(s)});
        else if (s % 3 == 0)
            out.push_back({s, -valueAt(s)});
    }
    return out;
}

void expectSame(const PointVector &got, const PointVector &want)
{
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) {
        ASSERT_EQ(got[i].step, want[i].step) << i;
        ASSERT_EQ(got[i].value, want[i].value) << i;
    }
}

QString damageMessage(Store &store, qint64 run, const QString &key)
{
    try {
        store.readSeries(run, key);
    } catch (const DamagedChunkError &e) {
        return e.message();
    }
    return {};
}

} // namespace

TEST(ChunkIntegrity, EveryFlippedByteOfAChunkIsCaught)
{
    PointVector pts;
    for (qint64 s = 0; s < 50; ++s)
        pts.push_back({s * 2, valueAt(s)});
    const ChunkSummary summary = summarize(pts.data(), pts.size());
    const std::string blob = encodeChunk(pts.data(), pts.size());
    EXPECT_EQ(checkChunk(blob, summary).health, ChunkHealth::Sound);
    for (size_t at = 0; at < blob.size(); ++at) {
        for (const quint8 mask : {quint8(0x01), quint8(0x80), quint8(0xff)}) {
            std::string bad = blob;
            bad[at] = char(quint8(bad[at]) ^ mask);
            const ChunkCheck check = checkChunk(bad, summary);
            EXPECT_EQ(check.health, ChunkHealth::Damaged) << at;
            EXPECT_FALSE(check.reason.isEmpty());
        }
    }
    // A summary that does not match the points is damage too.
    ChunkSummary wrong = summary;
    wrong.max += 1.0;
    EXPECT_EQ(checkChunk(blob, wrong).health, ChunkHealth::Damaged);
    wrong = summary;
    wrong.lastStep += 1;
    EXPECT_EQ(checkChunk(blob, wrong).health, ChunkHealth::Damaged);
}

TEST(ChunkIntegrity, ChunksWithoutChecksumStillReadAndAreUnverified)
{
    PointVector pts = {{10, 1.5}, {11, std::nan("")}, {12, -3.0}};
    const std::string blob = encodeChunk(pts.data(), pts.size(), ChunkFormat::Plain);
    std::string old = blob.substr(0, blob.size() - 4); // format 1: no checksum
    old[0] = 1;
    const ChunkSummary summary = summarize(pts.data(), pts.size());
    EXPECT_EQ(checkChunk(old, summary).health, ChunkHealth::Unverified);
    PointVector out;
    decodeChunk(old, 10, {}, out);
    ASSERT_EQ(out.size(), 3u);
    EXPECT_EQ(out[2].value, -3.0);
    // Without a checksum, a value that contradicts the summary is still caught.
    std::string bad = old;
    bad[bad.size() - 1] = char(0x7f); // last value's sign and exponent
    EXPECT_EQ(checkChunk(bad, summary).health, ChunkHealth::Damaged);
}

TEST(ChunkIntegrity, DamageFlippedThroughSqlIsRefusedWithRunKeyAndSteps)
{
    test::TempStore tmp;
    writeStore(tmp.path());
    ASSERT_TRUE(flipByteInChunk(tmp.path(), "loss", kChunkCapacity));
    Store store(tmp.path());
    const RunInfo run = store.resolve(QStringLiteral("local/p/r"));
    const QString message = damageMessage(store, run.key, QStringLiteral("loss"));
    EXPECT_TRUE(message.contains(QStringLiteral("local/p/r"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("'loss'"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("steps %1-%2").arg(kChunkCapacity).arg(2 * kChunkCapacity - 1)))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("checksum"))) << message.toStdString();
    // The rows around it, and the other key, read as written.
    expectSame(store.readSeries(run.key, QStringLiteral("loss"), {0, kChunkCapacity - 1}),
               expected("loss", {0, kChunkCapacity - 1}));
    expectSame(store.readSeries(run.key, QStringLiteral("sparse")), expected("sparse"));
    EXPECT_THROW(store.forEachRow(run.key, {}, History::Effective, [](qint64, const Json &) {}), DamagedChunkError);
}

TEST(ChunkIntegrity, ChartPathSkipsDamagedChunkAndMarksItsSteps)
{
    test::TempStore tmp;
    writeStore(tmp.path());
    ASSERT_TRUE(flipByteInChunk(tmp.path(), "loss", kChunkCapacity));
    Store store(tmp.path());
    const RunInfo run = store.resolve(QStringLiteral("local/p/r"));
    SeriesCache cache;
    for (const double smoothing : {0.0, 0.6}) {
        SeriesQuery q;
        q.run = run.key;
        q.key = QStringLiteral("loss");
        q.width = 4 * kSteps; // every chunk decoded
        q.smoothing = smoothing;
        ReducedSeries r;
        ASSERT_NO_THROW(r = cache.query(store, q));
        ASSERT_EQ(r.damaged.size(), 1u) << smoothing;
        EXPECT_EQ(r.damaged[0].lo, kChunkCapacity);
        EXPECT_EQ(r.damaged[0].hi, 2 * kChunkCapacity - 1);
        // No value of the damaged steps is drawn; the others are exact.
        size_t drawn = 0;
        for (const Point &p : r.own) {
            if (std::isnan(p.value))
                continue;
            EXPECT_FALSE(p.step >= kChunkCapacity && p.step < 2 * kChunkCapacity) << p.step;
            EXPECT_EQ(p.value, valueAt(p.step)) << p.step;
            ++drawn;
        }
        EXPECT_EQ(drawn, size_t(2 * kChunkCapacity));
    }
}

TEST(ChunkIntegrity, RandomBytesInTheFilesPagesAreCaught)
{
    test::TempStore tmp;
    writeStore(tmp.path()); // closed: the WAL is checkpointed into the file
    // Find the middle chunk's values in the file and overwrite 24 of its bytes.
    const QByteArray blob =
        rawBlob(tmp.path(), "SELECT data FROM chunk_data WHERE id = " + chunkWhere("loss", kChunkCapacity));
    ASSERT_GT(blob.size(), 1000);
    const QByteArray needle = blob.mid(blob.size() / 2, 64);
    QFile file(tmp.path());
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    const qsizetype at = bytes.indexOf(needle);
    ASSERT_GE(at, 0);
    ASSERT_EQ(bytes.indexOf(needle, at + 1), -1);
    std::mt19937 random(16);
    for (int i = 0; i < 24; ++i)
        bytes[at + 20 + i] = char(random());
    ASSERT_TRUE(file.seek(0));
    ASSERT_EQ(file.write(bytes), bytes.size());
    file.close();

    Store store(tmp.path());
    const RunInfo run = store.resolve(QStringLiteral("local/p/r"));
    EXPECT_THROW(store.readSeries(run.key, QStringLiteral("loss")), DamagedChunkError);
    const StoreCheckReport report = checkStore(store, false);
    EXPECT_TRUE(report.sqliteProblems.isEmpty()) << report.sqliteProblems.join('\n').toStdString();
    ASSERT_EQ(report.damaged.size(), 1u);
    EXPECT_EQ(report.damaged[0].key, QStringLiteral("loss"));
    EXPECT_EQ(report.damaged[0].steps.lo, kChunkCapacity);
}

TEST(ChunkIntegrity, RepairQuarantinesDamagedChunksAndKeepsTheRest)
{
    test::TempStore tmp;
    writeStore(tmp.path());
    ASSERT_TRUE(flipByteInChunk(tmp.path(), "loss", kChunkCapacity));
    ASSERT_TRUE(flipByteInChunk(tmp.path(), "sparse", 0));
    Store store(tmp.path());
    const RunInfo run = store.resolve(QStringLiteral("local/p/r"));
    std::vector<std::pair<qint64, qint64>> progress;
    const StoreCheckReport found = checkStore(store, false, [&](qint64 d, qint64 t) { progress.push_back({d, t}); });
    EXPECT_EQ(found.chunks, 4); // loss: 3, sparse: 1
    EXPECT_EQ(found.sound, 2);
    EXPECT_EQ(found.damaged.size(), 2u);
    EXPECT_FALSE(found.repaired);
    ASSERT_FALSE(progress.empty());
    EXPECT_EQ(progress.back(), std::make_pair(qint64(4), qint64(4)));
    EXPECT_THROW(store.readSeries(run.key, QStringLiteral("loss")), DamagedChunkError); // check alone changes nothing

    const StoreCheckReport repaired = checkStore(store, true);
    EXPECT_TRUE(repaired.repaired);
    EXPECT_EQ(repaired.damaged.size(), 2u);
    // The damaged chunks are gone from the history, kept in quarantine.
    PointVector loss = expected("loss", {0, kChunkCapacity - 1});
    const PointVector tail = expected("loss", {2 * kChunkCapacity, kSteps});
    loss.insert(loss.end(), tail.begin(), tail.end());
    expectSame(store.readSeries(run.key, QStringLiteral("loss")), loss);
    EXPECT_TRUE(store.readSeries(run.key, QStringLiteral("sparse")).empty());
    auto st = store.db().prepare("SELECT run, key, first_step, reason, length(data) FROM chunk_quarantine "
                                 "ORDER BY key");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), QStringLiteral("local/p/r"));
    EXPECT_EQ(st.text(1), QStringLiteral("loss"));
    EXPECT_EQ(st.int64(2), kChunkCapacity);
    EXPECT_GT(st.int64(4), 1000);
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(1), QStringLiteral("sparse"));
    EXPECT_FALSE(st.step());
    st.reset();
    const StoreCheckReport after = checkStore(store, false);
    EXPECT_TRUE(after.clean());
    EXPECT_EQ(after.chunks, 2);
}

TEST(ChunkIntegrity, StoreWrittenBeforeChecksumsStillReads)
{
    test::TempStore tmp;
    writeStore(tmp.path());
    // Rewrite every chunk as the format before checksums wrote it: raw
    // doubles (format 2), then without the checksum.
    {
        Store plain(tmp.path());
        WriteTransaction tx(plain.db());
        auto read = plain.db().prepare("SELECT id, data FROM chunk_data");
        std::vector<std::pair<qint64, std::string>> blobs;
        while (read.step()) {
            PointVector pts;
            decodeChunk(read.blob(1), 0, {}, pts);
            blobs.emplace_back(read.int64(0), encodeChunk(pts.data(), pts.size(), ChunkFormat::Plain));
        }
        read.reset();
        auto write = plain.db().prepare("UPDATE chunk_data SET data = ?2 WHERE id = ?1");
        for (const auto &[id, blob] : blobs)
            write.bind(1, id).bindBlob(2, blob.data(), int(blob.size())).run();
        tx.commit();
    }
    ASSERT_TRUE(rawExec(tmp.path(), "UPDATE chunk_data SET data = X'01' || substr(data, 2, length(data) - 5)"));
    Store store(tmp.path());
    const RunInfo run = store.resolve(QStringLiteral("local/p/r"));
    expectSame(store.readSeries(run.key, QStringLiteral("loss")), expected("loss"));
    expectSame(store.readSeries(run.key, QStringLiteral("sparse")), expected("sparse"));
    const StoreCheckReport report = checkStore(store, false);
    EXPECT_TRUE(report.clean());
    EXPECT_EQ(report.unverified, 4);
    EXPECT_EQ(report.sound, 0);
}
