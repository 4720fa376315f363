#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QFile>
#include <sqlite3.h>

#include "core/error.h"
#include "store/history_writer.h"
#include "store/schema.h"
#include "store/store.h"
#include "support/run_seed.h"
#include "support/schema_versions.h"
#include "support/temp_store.h"

using namespace forkscope;

namespace {
QByteArray digest(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}
void rawExec(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    ASSERT_EQ(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}
// A pragma's value as text, read by a connection of its own.
std::string rawPragma(const QString &path, const char *name)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, ("PRAGMA " + std::string(name)).c_str(), -1, &st, nullptr);
    std::string value;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        value = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return value;
}
} // namespace

TEST(StoreLifecycle, NewStoreIsWalAndVersioned)
{
    test::TempStore tmp;
    {
        Store store(tmp.path());
        EXPECT_TRUE(store.projects().empty());
    }
    Store again(tmp.path()); // reopening is a no-op migration
    EXPECT_EQ(again.runCount(), 0);
    EXPECT_EQ(rawPragma(tmp.path(), "journal_mode"), "wal");
    EXPECT_EQ(rawPragma(tmp.path(), "page_size"), "16384"); // a 32 KiB chunk in three pages
}

TEST(StoreLifecycle, StoreWithSmallerPagesStillOpensAndKeepsThem)
{
    test::TempStore tmp;
    // As stores made before pages grew to 16 KiB: 4 KiB pages.
    rawExec(tmp.path(), "PRAGMA page_size = 4096; CREATE TABLE scratch(x); DROP TABLE scratch;");
    {
        Store store(tmp.path());
        test::RunSeed(store)
            .project(QStringLiteral("p"))
            .values("loss", 0, 10000, [](qint64 s) { return double(s) / 3; })
            .create();
    }
    Store store(tmp.path());
    ASSERT_EQ(store.projects().size(), 1u);
    const std::vector<RunInfo> runs = store.runs(store.projects().front().key);
    ASSERT_EQ(runs.size(), 1u);
    const PointVector points = store.readSeries(runs.front().key, QStringLiteral("loss"));
    ASSERT_EQ(points.size(), 10000u);
    EXPECT_EQ(points[9999].value, 9999.0 / 3);
    EXPECT_EQ(rawPragma(tmp.path(), "page_size"), "4096");
}

TEST(StoreLifecycle, NewerSchemaIsRefusedAndLeftUntouched)
{
    test::TempStore tmp;
    {
        Store store(tmp.path());
    }
    rawExec(tmp.path(), "PRAGMA user_version = 99");
    const QByteArray before = digest(tmp.path());
    try {
        Store store(tmp.path());
        FAIL();
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::SchemaTooNew);
        EXPECT_TRUE(e.message().contains(QStringLiteral("schema version 99")));
        EXPECT_TRUE(e.message().contains(QStringLiteral("left untouched")));
    }
    EXPECT_EQ(digest(tmp.path()), before);
}

TEST(StoreLifecycle, ForeignFilesAreRefused)
{
    test::TempStore tmp;
    const QString junk = tmp.dir() + QStringLiteral("/junk.sqlite");
    QFile f(junk);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8192, 'x'));
    f.close();
    try {
        Store store(junk);
        FAIL();
    } catch (const Error &e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("not a Forkscope store"))) << e.what();
    }
    const QString other = tmp.dir() + QStringLiteral("/other.sqlite");
    rawExec(other, "CREATE TABLE t(x)");
    const QByteArray before = digest(other);
    try {
        Store store(other);
        FAIL();
    } catch (const Error &e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("another program"))) << e.what();
    }
    EXPECT_EQ(digest(other), before);
    EXPECT_THROW(Store store(tmp.dir()), Error); // a folder
}

TEST(StoreLifecycle, StaleHeartbeatReadsAsCrashed)
{
    test::TempStore tmp;
    Store store(tmp.path());
    NewRun spec;
    spec.project = QStringLiteral("p");
    const RunInfo r = store.createRun(spec);
    EXPECT_EQ(store.runInfo(r.key).state, RunState::Running);
    rawExec(tmp.path(), "UPDATE runs SET heartbeat_ms = heartbeat_ms - 60000");
    const RunInfo stale = store.runInfo(r.key);
    EXPECT_EQ(stale.state, RunState::Crashed);
    EXPECT_EQ(stale.storedState, RunState::Running);
    store.setState(r.key, RunState::Finished, 0);
    EXPECT_EQ(store.runInfo(r.key).state, RunState::Finished);
}

TEST(StoreLifecycle, ResolveNamesRunsThreeWays)
{
    test::TempStore tmp;
    Store store(tmp.path());
    NewRun spec;
    spec.project = QStringLiteral("p");
    spec.entity = QStringLiteral("team");
    spec.runId = QStringLiteral("r1");
    spec.name = QStringLiteral("<b>x</b>");
    const RunInfo r = store.createRun(spec);
    EXPECT_EQ(store.resolve(QStringLiteral("team/p/r1")).key, r.key);
    EXPECT_EQ(store.resolve(r.immutableId).key, r.key);
    EXPECT_EQ(store.resolve(QStringLiteral("r1"), QStringLiteral("p")).key, r.key);
    EXPECT_EQ(store.resolve(QStringLiteral("r1"), QStringLiteral("p"), QStringLiteral("team")).name, spec.name);
    EXPECT_THROW(store.resolve(QStringLiteral("r1")), Error);
    EXPECT_THROW(store.resolve(QStringLiteral("r1"), QStringLiteral("nope")), Error);
    spec.entity = QStringLiteral("other");
    store.createRun(spec);
    try {
        store.resolve(QStringLiteral("r1"), QStringLiteral("p"));
        FAIL();
    } catch (const Error &e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("several entities")));
    }
    // Display names count runs in the project.
    NewRun unnamed;
    unnamed.project = QStringLiteral("p");
    unnamed.entity = QStringLiteral("team");
    EXPECT_TRUE(store.createRun(unnamed).name.endsWith(QStringLiteral("-2")));
    store.rename(r.key, QStringLiteral("renamed"));
    EXPECT_EQ(store.runInfo(r.key).immutableId, r.immutableId);
    EXPECT_THROW(store.rename(r.key, QStringLiteral("  ")), Error);
}

TEST(StoreLifecycle, SlowLoggerRewritesItsOpenChunkInsteadOfMakingTinyOnes)
{
    test::TempStore tmp;
    Store store(tmp.path());
    NewRun spec;
    spec.project = QStringLiteral("p");
    const RunInfo r = store.createRun(spec);
    HistoryWriter w(store, r.key);
    for (int s = 0; s < 10; ++s) {
        w.addNumber("m", s, s);
        w.flush();
    }
    const auto refs = store.chunkRefs(r.key, QStringLiteral("m"));
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].summary.count, 10);
    EXPECT_EQ(store.runInfo(r.key).ownLastStep, 9);
}

TEST(StoreLifecycle, AFailedFlushKeepsEverythingForTheNextOne)
{
    test::TempStore tmp;
    Store store(tmp.path());
    NewRun spec;
    spec.project = QStringLiteral("p");
    const RunInfo r = store.createRun(spec);
    HistoryWriter w(store, r.key);
    for (int s = 0; s < 5000; ++s)
        w.addNumber("m", s, s);
    w.addText("note", 1, "\"x\"");
    // Another connection makes every blob write fail, as a full disk would.
    rawExec(tmp.path(), "CREATE TRIGGER fail_blobs BEFORE INSERT ON chunk_data "
                        "BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END;");
    try {
        w.flush();
        FAIL();
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::Storage);
        EXPECT_TRUE(e.message().contains(QStringLiteral("disk full (simulated)"))) << e.what();
    }
    EXPECT_TRUE(store.keys(r.key).isEmpty()); // nothing half-written
    rawExec(tmp.path(), "DROP TRIGGER fail_blobs");
    EXPECT_EQ(w.flush(), 5001);
    const PointVector m = store.readSeries(r.key, QStringLiteral("m"));
    ASSERT_EQ(m.size(), 5000u);
    EXPECT_EQ(m.back().value, 4999.0);
    EXPECT_EQ(store.readText(r.key, QStringLiteral("note")).size(), 1u);
}

TEST(StoreLifecycle, RuntimeIsTheLongerOfWallTimeAndTheLoggedRuntime)
{
    RunInfo r;
    r.createdAt = QDateTime::fromMSecsSinceEpoch(1000000, Qt::UTC);
    r.finishedAt = r.createdAt.addSecs(5);
    EXPECT_DOUBLE_EQ(r.runtimeSeconds(), 5.0);
    r.summary["_runtime"] = 6616.5;
    EXPECT_DOUBLE_EQ(r.runtimeSeconds(), 6616.5);
    r.summary["_runtime"] = "n/a";
    EXPECT_DOUBLE_EQ(r.runtimeSeconds(), 5.0);
}

namespace {
std::vector<Json> rows(Store &store, qint64 runKey)
{
    std::vector<Json> out;
    store.forEachRow(runKey, {}, History::Effective, [&](qint64 step, const Json &row) {
        Json r = row;
        r["_step"] = step;
        out.push_back(r);
    });
    return out;
}
} // namespace

TEST(StoreLifecycle, SeriesLoggedAsIntegersReadBackAsIntegers)
{
    test::TempStore tmp;
    Store store(tmp.path());
    NewRun spec;
    spec.project = QStringLiteral("p");
    const RunInfo run = store.createRun(spec);
    {
        HistoryWriter w(store, run.key);
        w.addNumber("epoch", 0, 1, true);
        w.addNumber("loss", 0, 1, false); // logged as 1.0
        w.flush();
        w.addNumber("epoch", 1, 2, true); // a second flush keeps the flag
        w.addNumber("loss", 1, 0.5, false);
        w.flush();
    }
    const auto r = rows(store, run.key);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_TRUE(r[0]["epoch"].is_number_integer());
    EXPECT_TRUE(r[0]["loss"].is_number_float());
    EXPECT_EQ(dumpJson(r[1]), R"({"_step":1,"epoch":2,"loss":0.5})");
    EXPECT_TRUE(store.runInfo(run.key).summary["epoch"].is_number_integer());
    EXPECT_TRUE(store.integralSeries(run.key, QStringLiteral("epoch")));
    // One non-integer later and the series reads as doubles from then on.
    {
        HistoryWriter w(store, run.key);
        w.addNumber("epoch", 2, 2.5, false);
        w.flush();
    }
    EXPECT_FALSE(store.integralSeries(run.key, QStringLiteral("epoch")));
    EXPECT_TRUE(rows(store, run.key)[0]["epoch"].is_number_float());
}

TEST(StoreLifecycle, AVersion1StoreIsMigratedAndItsNumbersStayDoubles)
{
    test::TempStore tmp;
    qint64 runKey = 0;
    {
        Store store(tmp.path());
        NewRun spec;
        spec.project = QStringLiteral("p");
        runKey = store.createRun(spec).key;
        HistoryWriter w(store, runKey);
        w.addNumber("epoch", 0, 1, true);
        w.flush();
    }
    // Back to what version 1 wrote: no series.integral, no runs.writer_*,
    // no checkpoints or console output.
    rawExec(tmp.path(), test::kBackToVersion4);
    rawExec(tmp.path(), "ALTER TABLE series DROP COLUMN integral; ALTER TABLE runs DROP COLUMN writer_token; "
                        "ALTER TABLE runs DROP COLUMN writer_pid; ALTER TABLE runs DROP COLUMN writer_host; "
                        "DROP TABLE checkpoints; DROP TABLE console_output; PRAGMA user_version = 1;");
    ASSERT_EQ(rawPragma(tmp.path(), "user_version"), "1");
    Store store(tmp.path());
    EXPECT_EQ(rawPragma(tmp.path(), "user_version"), std::to_string(kSchemaVersion));
    // Old series are not known to be integers: they read as before.
    EXPECT_FALSE(store.integralSeries(runKey, QStringLiteral("epoch")));
    EXPECT_TRUE(rows(store, runKey)[0]["epoch"].is_number_float());
    // and keep taking points; new series of the old run are integral.
    HistoryWriter w(store, runKey);
    w.addNumber("epoch", 1, 2, true);
    w.addNumber("count", 1, 7, true);
    w.flush();
    const auto r = rows(store, runKey);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(dumpJson(r[1]), R"({"_step":1,"count":7,"epoch":2.0})");
}
