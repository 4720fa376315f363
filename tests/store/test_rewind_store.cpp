#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "core/error.h"
#include "identity/fork_spec.h"
#include "store/history_writer.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "support/run_seed.h"
#include "support/temp_store.h"

using namespace forkscope;

namespace {

// Every key of the run's effective history, byte for byte: each row as JSON,
// then each numeric point's step and the bits of its value.
std::string historyBytes(Store &store, qint64 runKey)
{
    std::string out;
    store.forEachRow(runKey, {}, History::Effective,
                     [&](qint64 step, const Json &row) { out += std::to_string(step) + ' ' + dumpJson(row) + '\n'; });
    for (const QString &key : store.numericKeys(runKey)) {
        out += key.toStdString() + ':';
        for (const Point &p : store.readSeries(runKey, key)) {
            char bits[sizeof(double)];
            std::memcpy(bits, &p.value, sizeof bits);
            out += std::to_string(p.step) + '=' + std::string(bits, sizeof bits) + ';';
        }
        out += '\n';
    }
    return out;
}

qint64 countRows(Store &store, const char *sql)
{
    auto st = store.db().prepare(sql);
    st.step();
    return st.int64(0);
}

// A finished run "a" with loss at steps 0..999, acc (with a NaN) at the even
// steps and a text key every 100 steps.
RunInfo seedRun(Store &store, const QString &id = QStringLiteral("a"))
{
    const RunInfo run =
        test::RunSeed(store)
            .project(QStringLiteral("p"))
            .id(id)
            .config({{"lr", 0.1}, {"layers", 4}})
            .state(RunState::Finished)
            .values("loss", 0, 1000, [](qint64 s) { return 1.0 / double(s + 1); })
            .values(
                "acc", 0, 1000, [](qint64 s) { return s == 500 ? std::nan("") : double(s) / 1000.0; }, 2)
            .create();
    HistoryWriter w(store, run.key);
    for (qint64 s = 0; s < 1000; s += 100)
        w.addText("phase", s, "\"p" + std::to_string(s) + "\"");
    w.flush();
    return store.runInfo(run.key);
}

RunInfo forkOf(Store &store, const QString &id, const QString &spec, qint64 ownSteps)
{
    const RunInfo fork = test::RunSeed(store).project(QStringLiteral("p")).id(id).forkOf(spec).create();
    const qint64 from = fork.nextStep();
    HistoryWriter w(store, fork.key);
    for (qint64 s = from; s < from + ownSteps; ++s)
        w.addNumber("loss", s, -double(s));
    w.flush();
    store.setState(fork.key, RunState::Finished, 0);
    return store.runInfo(fork.key);
}

RewindOptions inProject()
{
    RewindOptions o;
    o.project = QStringLiteral("p");
    return o;
}

QString refusal(Store &, const std::function<void()> &call, Error::Kind kind = Error::Kind::BadInput)
{
    try {
        call();
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), kind) << e.what();
        return e.message();
    }
    ADD_FAILURE() << "accepted";
    return {};
}

} // namespace

TEST(RewindStore, TheRunKeepsItsIdentityAndItsStepsUpToN)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo before = seedRun(store);
    const std::string all = historyBytes(store, before.key);
    const qint64 chunkData = countRows(store, "SELECT count(*) FROM chunk_data");
    const qint64 chunks = countRows(store, "SELECT count(*) FROM chunks");
    const qint64 series = countRows(store, "SELECT count(*) FROM series");

    RewindOptions o = inProject();
    o.configUpdates = {{"lr", 0.01}, {"warmup", 10}};
    const RunInfo run = store.rewind(ForkSpec::parse(QStringLiteral("a?_step=400")), o);
    EXPECT_EQ(run.key, before.key);
    EXPECT_EQ(run.runId, before.runId);
    EXPECT_EQ(run.immutableId, before.immutableId);
    EXPECT_EQ(run.path().toString(), QStringLiteral("local/p/a"));
    EXPECT_EQ(run.state, RunState::Pending);
    EXPECT_EQ(run.lastStep(), 400);
    EXPECT_EQ(run.nextStep(), 401);
    EXPECT_FALSE(run.fork.has_value()); // a rewind is not a fork
    ASSERT_TRUE(run.rewind.has_value());
    EXPECT_EQ(run.rewind->step, 400);
    // The config is kept, with the new keys merged in.
    EXPECT_EQ(run.config, (Json{{"lr", 0.01}, {"layers", 4}, {"warmup", 10}}));
    // The summary is the last value of each key at steps <= 400.
    EXPECT_EQ(run.summary["loss"], 1.0 / 401.0);
    EXPECT_EQ(run.summary["acc"], 0.4);
    EXPECT_EQ(run.summary["phase"], "p400");

    // Nothing was copied: the rows moved to the archived version.
    EXPECT_EQ(countRows(store, "SELECT count(*) FROM chunk_data"), chunkData);
    EXPECT_EQ(countRows(store, "SELECT count(*) FROM chunks"), chunks);
    EXPECT_EQ(countRows(store, "SELECT count(*) FROM series"), series);
    EXPECT_TRUE(store.keys(run.key, History::Own).isEmpty());

    // Its history is the old one up to 400, byte for byte.
    const auto loss = store.readSeries(run.key, QStringLiteral("loss"));
    ASSERT_EQ(loss.size(), 401u);
    EXPECT_EQ(loss.back().step, 400);
    EXPECT_EQ(store.readText(run.key, QStringLiteral("phase")).size(), 5u);

    // The archived version holds all of it, reachable through the run only.
    const auto archived = store.archivedVersions(run.key);
    ASSERT_EQ(archived.size(), 1u);
    const RunInfo &a = archived[0];
    ASSERT_TRUE(a.archived.has_value());
    EXPECT_EQ(a.archived->runKey, run.key);
    EXPECT_EQ(a.archived->rewindStep, 400);
    EXPECT_TRUE(a.archived->archivedAt.isValid());
    EXPECT_NE(a.immutableId, run.immutableId);
    EXPECT_TRUE(a.immutableId.startsWith(QStringLiteral("fsr:")));
    EXPECT_EQ(a.runId, QStringLiteral("a"));
    EXPECT_EQ(a.lastStep(), 999);
    EXPECT_EQ(a.config, before.config);
    EXPECT_EQ(a.summary, before.summary);
    EXPECT_EQ(a.state, RunState::Finished);
    EXPECT_EQ(historyBytes(store, a.key), all);
    EXPECT_EQ(store.resolve(a.immutableId).key, a.key);
    const auto listed = store.runs(run.projectKey);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].key, run.key);
    EXPECT_EQ(store.projects()[0].runCount, 1);
    EXPECT_EQ(store.runCount(), 1);
}

TEST(RewindStore, LoggingContinuesAtNPlusOneAndTheArchiveStaysAsItWas)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo before = seedRun(store);
    const std::string all = historyBytes(store, before.key);
    const RunInfo run = store.rewind(before.key, 400);
    const std::string kept = historyBytes(store, run.key);
    const RunClaim claim = store.claimRun(run.key, WriterIdentity::thisProcess());
    {
        HistoryWriter w(store, run.key);
        w.setClaim(claim);
        for (qint64 s = 401; s <= 600; ++s)
            w.addNumber("loss", s, 7.0);
        w.flush();
    }
    const auto loss = store.readSeries(run.key, QStringLiteral("loss"));
    ASSERT_EQ(loss.size(), 601u);
    EXPECT_EQ(loss[400].value, 1.0 / 401.0);
    EXPECT_EQ(loss[401].step, 401);
    EXPECT_EQ(loss[401].value, 7.0);
    EXPECT_EQ(store.runInfo(run.key).summary["loss"], 7.0);
    EXPECT_EQ(store.runInfo(run.key).summary["acc"], 0.4);
    // What the run kept is still the start of its history.
    std::string now = historyBytes(store, run.key);
    EXPECT_NE(now, kept);
    EXPECT_EQ(historyBytes(store, store.archivedVersions(run.key)[0].key), all);
}

TEST(RewindStore, ForksAfterTheStepKeepTheirHistoryAndForksAtOrBeforeItAreUnaffected)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo run = seedRun(store);
    const RunInfo early = forkOf(store, QStringLiteral("early"), QStringLiteral("a?_step=300"), 50);
    const RunInfo atStep = forkOf(store, QStringLiteral("at"), QStringLiteral("a?_step=400"), 50);
    const RunInfo late = forkOf(store, QStringLiteral("late"), QStringLiteral("a?_step=700"), 50);
    const RunInfo lateOfLate = forkOf(store, QStringLiteral("late2"), QStringLiteral("late?_step=720"), 10);
    std::map<qint64, std::string> bytes;
    for (const RunInfo &f : {early, atStep, late, lateOfLate})
        bytes[f.key] = historyBytes(store, f.key);

    const RewindPreview preview = store.previewRewind(run.key, 400);
    EXPECT_EQ(preview.lastStep, 999);
    ASSERT_EQ(preview.forksRelinked.size(), 1u);
    EXPECT_EQ(preview.forksRelinked[0].runId, QStringLiteral("late"));

    store.rewind(run.key, 400);
    const RunInfo archive = store.archivedVersions(run.key).at(0);
    for (const RunInfo &f : {early, atStep, late, lateOfLate})
        EXPECT_EQ(historyBytes(store, f.key), bytes[f.key]) << f.runId.toStdString();
    EXPECT_EQ(store.runInfo(early.key).fork->sourceImmutableId, run.immutableId);
    EXPECT_EQ(store.runInfo(atStep.key).fork->sourceImmutableId, run.immutableId);
    EXPECT_EQ(store.runInfo(late.key).fork->sourceImmutableId, archive.immutableId);
    EXPECT_EQ(store.runInfo(late.key).fork->step, 700);
    EXPECT_EQ(store.runInfo(lateOfLate.key).fork->sourceImmutableId, late.immutableId);
    // The run's forks list keeps the ones it still shares history with;
    // the archived version lists the one that moved.
    EXPECT_EQ(store.forksOf(run.immutableId).size(), 2u);
    ASSERT_EQ(store.forksOf(archive.immutableId).size(), 1u);

    // The run logs on with other values: no fork changes.
    {
        HistoryWriter w(store, run.key);
        for (qint64 s = 401; s <= 900; ++s)
            w.addNumber("loss", s, 123.0);
        w.flush();
    }
    for (const RunInfo &f : {early, atStep, late, lateOfLate})
        EXPECT_EQ(historyBytes(store, f.key), bytes[f.key]) << f.runId.toStdString();
}

TEST(RewindStore, ARewoundForkKeepsItsSourceAndRewindsBelowItsForkStep)
{
    test::TempStore tmp;
    Store store(tmp.path());
    seedRun(store);
    const RunInfo fork = forkOf(store, QStringLiteral("f"), QStringLiteral("a?_step=500"), 300); // 501..800
    const std::string all = historyBytes(store, fork.key);
    const auto expectPrefix = [&](qint64 runKey, qint64 upTo) {
        PointVector full = store.readSeries(store.archivedVersions(runKey).back().key, QStringLiteral("loss"));
        PointVector now = store.readSeries(runKey, QStringLiteral("loss"));
        full.erase(std::remove_if(full.begin(), full.end(), [&](const Point &p) { return p.step > upTo; }), full.end());
        ASSERT_EQ(now.size(), full.size());
        for (size_t i = 0; i < now.size(); ++i) {
            EXPECT_EQ(now[i].step, full[i].step);
            EXPECT_EQ(std::memcmp(&now[i].value, &full[i].value, sizeof(double)), 0);
        }
    };
    // After its fork step: still forked from a at 500.
    RunInfo r = store.rewind(fork.key, 600);
    ASSERT_TRUE(r.fork.has_value());
    EXPECT_EQ(r.fork->step, 500);
    EXPECT_EQ(r.lastStep(), 600);
    expectPrefix(fork.key, 600);
    EXPECT_EQ(historyBytes(store, store.archivedVersions(fork.key)[0].key), all);
    // Below its fork step: what it keeps is a's up to 200.
    const std::string at600 = historyBytes(store, fork.key);
    r = store.rewind(fork.key, 200);
    EXPECT_EQ(r.fork->step, 200);
    EXPECT_EQ(r.rewind->step, 200);
    expectPrefix(fork.key, 200);
    EXPECT_EQ(r.summary["loss"], 1.0 / 201.0);
    const auto archived = store.archivedVersions(fork.key);
    ASSERT_EQ(archived.size(), 2u);
    EXPECT_EQ(archived[0].archived->rewindStep, 600);
    EXPECT_EQ(archived[1].archived->rewindStep, 200);
    EXPECT_EQ(historyBytes(store, archived[0].key), all);
    EXPECT_EQ(historyBytes(store, archived[1].key), at600);
}

TEST(RewindStore, CheckpointsAfterTheStepGoWithTheArchivedVersion)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo run = seedRun(store);
    for (qint64 s : {200, 400, 600}) {
        NewCheckpoint c;
        c.step = s;
        c.path = QStringLiteral("s3://bucket/ckpt-%1.pt").arg(s);
        store.addCheckpoint(run.key, c);
    }
    const RunInfo late = forkOf(store, QStringLiteral("late"), QStringLiteral("a?_step=700"), 5);
    store.rewind(run.key, 400);
    const auto steps = [&](qint64 key) {
        std::vector<qint64> out;
        for (const auto &c : store.checkpoints(key))
            out.push_back(c.step);
        return out;
    };
    EXPECT_EQ(steps(run.key), (std::vector<qint64>{200, 400}));
    EXPECT_EQ(steps(store.archivedVersions(run.key)[0].key), (std::vector<qint64>{200, 400, 600}));
    EXPECT_EQ(steps(late.key), (std::vector<qint64>{200, 400, 600}));
    NewCheckpoint before;
    before.step = 300;
    before.path = QStringLiteral("s3://x");
    EXPECT_TRUE(refusal(store, [&] { store.addCheckpoint(run.key, before); }).contains(QStringLiteral("400")));
    before.step = 400;
    store.addCheckpoint(run.key, before);
    EXPECT_EQ(steps(run.key), (std::vector<qint64>{200, 400, 400}));
}

TEST(RewindStore, RefusalsSayWhatWasWrongAndChangeNothing)
{
    test::TempStore tmp;
    const std::string before = [&] {
        Store store(tmp.path());
        const RunInfo run = seedRun(store);
        test::RunSeed(store)
            .project(QStringLiteral("p"))
            .id(QStringLiteral("empty"))
            .state(RunState::Finished)
            .create();
        return historyBytes(store, run.key);
    }();
    Store store(tmp.path());
    const RunInfo run = store.resolve(QStringLiteral("a"), QStringLiteral("p"));
    const auto spec = [](const char *text) { return ForkSpec::parse(QString::fromUtf8(text)); };
    EXPECT_TRUE(refusal(store, [&] {
                    store.rewind(spec("a?_step=1000"), inProject());
                }).contains(QStringLiteral("expected a step from 0 to 998")));
    EXPECT_TRUE(refusal(store, [&] {
                    store.rewind(spec("a?_step=999"), inProject());
                }).contains(QStringLiteral("its last step is 999")));
    EXPECT_TRUE(refusal(store, [&] { store.rewind(run.key, -1); }).contains(QStringLiteral("-1")));
    EXPECT_TRUE(refusal(store, [&] {
                    store.rewind(spec("empty?_step=0"), inProject());
                }).contains(QStringLiteral("logged no steps")));
    EXPECT_TRUE(refusal(
                    store, [&] { store.rewind(spec("nope?_step=3"), inProject()); }, Error::Kind::NotFound)
                    .contains(QStringLiteral("cannot rewind: the run was not found")));
    // The spec parser refuses the same things as for a fork.
    EXPECT_TRUE(refusal(store, [&] {
                    store.rewind(spec("a?epoch=3"), inProject());
                }).contains(QStringLiteral("invalid fork spec")));
    EXPECT_EQ(historyBytes(store, run.key), before);
    EXPECT_TRUE(store.archivedVersions(run.key).empty());

    // A run a live writer logs.
    const RunClaim claim = store.claimRun(run.key, WriterIdentity::thisProcess());
    EXPECT_TRUE(refusal(
                    store, [&] { store.rewind(run.key, 10); }, Error::Kind::Conflict)
                    .contains(QStringLiteral("cannot rewind run 'a'")));
    store.releaseClaim(claim, 0);

    // An archived version: not rewound, not logged to, not deleted alone.
    store.rewind(run.key, 500);
    const RunInfo archive = store.archivedVersions(run.key)[0];
    EXPECT_TRUE(
        refusal(store, [&] { store.rewind(archive.key, 10); }).contains(QStringLiteral("archived version of run 'a'")));
    EXPECT_TRUE(refusal(store, [&] {
                    store.claimRun(archive.key, WriterIdentity::thisProcess());
                }).contains(QStringLiteral("archived version of run 'a'")));
    EXPECT_TRUE(refusal(store, [&] {
                    store.deleteRun(archive.key, DependentForks::Materialize);
                }).contains(QStringLiteral("deleting run 'a' deletes its archived versions too")));
    EXPECT_EQ(historyBytes(store, archive.key), before);

    // A read-only store.
    Store readOnly(tmp.path(), StoreAccess::ReadOnly);
    EXPECT_TRUE(refusal(
                    readOnly, [&] { readOnly.rewind(run.key, 100); }, Error::Kind::Storage)
                    .contains(QStringLiteral("read-only")));
}

TEST(RewindStore, DeletingTheRunDeletesItsArchivedVersionsAndMaterializesForksOfThem)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo run = seedRun(store);
    const RunInfo late = forkOf(store, QStringLiteral("late"), QStringLiteral("a?_step=700"), 50);
    store.rewind(run.key, 400);
    store.rewind(run.key, 100);
    ASSERT_EQ(store.archivedVersions(run.key).size(), 2u);
    const std::string lateBytes = historyBytes(store, late.key);
    const QString refused = refusal(
        store, [&] { store.deleteRun(run.key, DependentForks::Refuse); }, Error::Kind::Conflict);
    EXPECT_TRUE(refused.contains(QStringLiteral("late"))) << refused.toStdString();
    store.deleteRun(run.key, DependentForks::Materialize);
    EXPECT_EQ(historyBytes(store, late.key), lateBytes);
    EXPECT_TRUE(store.runInfo(late.key).fork->materialized);
    EXPECT_EQ(countRows(store, "SELECT count(*) FROM runs"), 1);
    // Only the fork's own series are left, with the copied rows.
    EXPECT_EQ(countRows(store, "SELECT count(*) FROM series WHERE run <> (SELECT id FROM runs)"), 0);
}

TEST(RewindStore, DeletingASourceMaterializesTheArchivedVersionOfARewoundFork)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo source = seedRun(store);
    const RunInfo fork = forkOf(store, QStringLiteral("f"), QStringLiteral("a?_step=500"), 300);
    store.rewind(fork.key, 700);
    const std::string forkBytes = historyBytes(store, fork.key);
    const RunInfo archive = store.archivedVersions(fork.key)[0];
    const std::string archiveBytes = historyBytes(store, archive.key);
    const QString refused = refusal(
        store, [&] { store.deleteRun(source.key, DependentForks::Refuse); }, Error::Kind::Conflict);
    EXPECT_TRUE(refused.contains(QStringLiteral("archived version of f"))) << refused.toStdString();
    store.deleteRun(source.key, DependentForks::Materialize);
    EXPECT_EQ(historyBytes(store, fork.key), forkBytes);
    EXPECT_EQ(historyBytes(store, archive.key), archiveBytes);
}
