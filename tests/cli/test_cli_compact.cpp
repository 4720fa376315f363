// compact: old-format chunks become compressed ones, reads stay identical,
// a killed compaction loses nothing and a second one finishes the work.
#include <QProcess>
#include <QThread>
#include <bit>
#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <signal.h>

#include "cli/cli_runner.h"
#include "store/chunk_codec.h"
#include "store/history_writer.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

double nanWithPayload(quint64 payload)
{
    return std::bit_cast<double>(0x7ff0000000000000ull | payload);
}

// Run "p/r" with a dense float32-like loss over `chunks` chunks, a sparse key
// with gaps, and a key with NaN payloads, infinities and -0.0.
void writeRun(const QString &path, qint64 chunks)
{
    Store store(path);
    NewRun spec;
    spec.project = QStringLiteral("p");
    spec.runId = QStringLiteral("r");
    const RunInfo info = store.createRun(spec);
    HistoryWriter w(store, info.key);
    const qint64 steps = chunks * kChunkCapacity;
    for (qint64 s = 0; s < steps; ++s) {
        w.addNumber("loss", s, double(float(1.0 / (1.0 + double(s) * 1e-4) + std::sin(double(s)) * 0.01)));
        if (s % 7 == 0 || s % 11 == 0)
            w.addNumber("sparse", s, double(s) * 0.5);
        if (s < 5000)
            w.addNumber("odd", s,
                        s % 5 == 0   ? nanWithPayload(quint64(s) + 1)
                        : s % 5 == 1 ? -0.0
                        : s % 5 == 2 ? std::numeric_limits<double>::infinity()
                                     : double(s));
    }
    w.flush();
}

// Rewrites every chunk in the plain format 2, as stores were written before
// compression.
void makeOldFormat(const QString &path)
{
    Store store(path);
    SqliteDb &db = store.db();
    WriteTransaction tx(db);
    auto read = db.prepare("SELECT id, data FROM chunk_data");
    std::vector<std::pair<qint64, std::string>> plain;
    while (read.step()) {
        PointVector pts;
        decodeChunk(read.blob(1), 0, {}, pts);
        plain.emplace_back(read.int64(0), encodeChunk(pts.data(), pts.size(), ChunkFormat::Plain));
    }
    read.reset();
    auto write = db.prepare("UPDATE chunk_data SET data = ?2 WHERE id = ?1");
    for (const auto &[id, blob] : plain)
        write.bind(1, id).bindBlob(2, blob.data(), int(blob.size())).run();
    tx.commit();
}

// Every key's points as (step, value bits).
std::map<QString, std::vector<std::pair<qint64, quint64>>> readAll(const QString &path)
{
    Store store(path);
    const RunInfo run = store.resolve(QStringLiteral("r"), QStringLiteral("p"));
    std::map<QString, std::vector<std::pair<qint64, quint64>>> out;
    for (const QString &key : store.keys(run.key)) {
        for (const Point &p : store.readSeries(run.key, key))
            out[key].push_back({p.step, std::bit_cast<quint64>(p.value)});
    }
    return out;
}

// Chunks per format.
std::map<int, qint64> formats(const QString &path)
{
    Store store(path);
    auto st = store.db().prepare("SELECT data FROM chunk_data");
    std::map<int, qint64> out;
    while (st.step())
        ++out[chunkFormat(st.blob(0))];
    return out;
}

} // namespace

TEST(CliCompact, OldStoreReadsThenCompactsToIdenticalPoints)
{
    TempStore store;
    writeRun(store.path(), 3);
    makeOldFormat(store.path());
    const auto before = readAll(store.path());
    ASSERT_EQ(before.size(), 3u);
    const qint64 chunks = formats(store.path()).at(2);
    ASSERT_EQ(formats(store.path()).size(), 1u);

    const auto r = runCli(store.path(), {"compact", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const Json j = r.json();
    EXPECT_EQ(j["rewritten"].get<qint64>(), chunks);
    EXPECT_EQ(j["already_compressed"].get<qint64>(), 0);
    EXPECT_LT(j["bytes_after"].get<qint64>() * 2, j["bytes_before"].get<qint64>());
    EXPECT_TRUE(r.err.contains(QStringLiteral("Compacting history chunks: %1 of %1").arg(chunks)))
        << r.err.toStdString();
    EXPECT_EQ(formats(store.path()), (std::map<int, qint64>{{3, chunks}}));
    EXPECT_EQ(readAll(store.path()), before);
    const auto check = runCli(store.path(), {"check", "--json"});
    EXPECT_EQ(check.exitCode, 0);
    EXPECT_EQ(check.json()["sound"].get<qint64>(), chunks);

    // Again: nothing left to do.
    const auto again = runCli(store.path(), {"compact", "--json"});
    ASSERT_EQ(again.exitCode, 0);
    EXPECT_EQ(again.json()["rewritten"].get<qint64>(), 0);
    EXPECT_EQ(again.json()["already_compressed"].get<qint64>(), chunks);
}

TEST(CliCompact, KilledMidwayLosesNothingAndASecondRunFinishes)
{
    TempStore store;
    writeRun(store.path(), 600);
    makeOldFormat(store.path());
    const auto before = readAll(store.path());
    const qint64 chunks = formats(store.path()).at(2);

    QProcess compact;
    ASSERT_TRUE(startCli(compact, store.path(), {"compact"}));
    // Killed as soon as it reports its first transaction.
    QByteArray err;
    while (!err.contains("Compacting history chunks") && compact.state() != QProcess::NotRunning) {
        compact.waitForReadyRead(50);
        err += compact.readAllStandardError();
    }
    ASSERT_EQ(compact.state(), QProcess::Running) << "compact finished before it could be killed";
    ::kill(pid_t(compact.processId()), SIGKILL);
    compact.waitForFinished(30000);
    ASSERT_EQ(compact.exitStatus(), QProcess::CrashExit);

    const auto midway = formats(store.path());
    EXPECT_GT(midway.count(3) ? midway.at(3) : 0, 0);
    EXPECT_GT(midway.count(2) ? midway.at(2) : 0, 0) << "the kill came after the last transaction";
    EXPECT_EQ(readAll(store.path()), before);
    EXPECT_EQ(integrityCheck(store.path()), QStringLiteral("ok"));

    const auto resumed = runCli(store.path(), {"compact", "--json"});
    ASSERT_EQ(resumed.exitCode, 0) << resumed.err.toStdString();
    EXPECT_EQ(resumed.json()["already_compressed"].get<qint64>(), midway.at(3));
    EXPECT_EQ(resumed.json()["rewritten"].get<qint64>(), chunks - midway.at(3));
    EXPECT_EQ(formats(store.path()), (std::map<int, qint64>{{3, chunks}}));
    EXPECT_EQ(readAll(store.path()), before);
}

TEST(CliCompact, DamagedChunksAreLeftAsTheyWere)
{
    TempStore store;
    writeRun(store.path(), 2);
    makeOldFormat(store.path());
    {
        Store s(store.path());
        // One value byte of the first chunk changed: its checksum no longer matches.
        s.db().exec("UPDATE chunk_data SET data = CAST(substr(data, 1, 20) || X'5A' || substr(data, 22) AS BLOB) "
                    "WHERE id = (SELECT min(id) FROM chunk_data)");
    }
    const auto r = runCli(store.path(), {"compact", "--json"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.json()["damaged"].get<qint64>(), 1);
    const auto f = formats(store.path());
    EXPECT_EQ(f.at(2), 1);
    EXPECT_GT(f.at(3), 0);
    const auto text = runCli(store.path(), {"compact"});
    EXPECT_EQ(text.exitCode, 1);
    EXPECT_TRUE(text.out.contains("check --repair")) << text.out.toStdString();
}
