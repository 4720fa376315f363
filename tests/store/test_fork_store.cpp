#include <gtest/gtest.h>

#include "core/error.h"
#include "identity/fork_spec.h"
#include "store/history_writer.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "support/run_seed.h"
#include "support/temp_store.h"

using namespace forkscope;

namespace {

RunInfo makeRun(Store &store, const QString &id, qint64 steps, const QString &key = QStringLiteral("m"),
                double scale = 1.0)
{
    return test::RunSeed(store)
        .project(QStringLiteral("p"))
        .id(id)
        .config({{"lr", 0.1}, {"layers", 4}})
        .state(RunState::Finished) // logged by no live writer: it may be deleted
        .values(key.toStdString(), 0, steps, [scale](qint64 s) { return double(s) * scale; })
        .create();
}

QString refusal(Store &store, const QString &spec, const ForkOptions &opts = {})
{
    try {
        store.createFork(ForkSpec::parse(spec), opts);
    } catch (const Error &e) {
        EXPECT_TRUE(e.isUserError()) << e.what();
        return e.message();
    }
    ADD_FAILURE() << "fork accepted: " << spec.toStdString();
    return {};
}

ForkOptions inProject()
{
    ForkOptions o;
    o.project = QStringLiteral("p");
    return o;
}

} // namespace

TEST(ForkStore, ForkIsConstantTimeAndInheritsUpToTheStep)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo src = makeRun(store, QStringLiteral("src"), 10000);
    ForkOptions o = inProject();
    o.configOverrides = {{"lr", 0.01}};
    const RunInfo fork = store.createFork(ForkSpec::parse(QStringLiteral("src?_step=5000")), o);
    EXPECT_EQ(fork.state, RunState::Pending);
    EXPECT_EQ(fork.nextStep(), 5001);
    EXPECT_EQ(fork.config["lr"], 0.01);
    EXPECT_EQ(fork.config["layers"], 4);
    EXPECT_EQ(fork.summary["m"], 5000.0);
    ASSERT_TRUE(fork.fork);
    EXPECT_EQ(fork.fork->sourcePath, QStringLiteral("local/p/src"));
    // No history was copied.
    EXPECT_TRUE(store.keys(fork.key, History::Own).isEmpty());
    const PointVector eff = store.readSeries(fork.key, QStringLiteral("m"));
    ASSERT_EQ(eff.size(), 5001u);
    EXPECT_EQ(eff.back().step, 5000);
    // Chunk refs: the chunk holding step 5000 is cut by the fork point.
    const auto refs = store.chunkRefs(fork.key, QStringLiteral("m"));
    ASSERT_EQ(refs.size(), 2u);
    EXPECT_TRUE(refs[0].whole);
    EXPECT_FALSE(refs[1].whole);
    // The source is untouched.
    EXPECT_EQ(store.readSeries(src.key, QStringLiteral("m")).size(), 10000u);
    EXPECT_EQ(store.runInfo(src.key).config["lr"], 0.1);
}

TEST(ForkStore, ChainsCompose)
{
    test::TempStore tmp;
    Store store(tmp.path());
    makeRun(store, QStringLiteral("a"), 300);
    const RunInfo b = store.createFork(ForkSpec::parse(QStringLiteral("a?_step=200")), inProject());
    {
        HistoryWriter w(store, b.key);
        for (qint64 s = 201; s <= 400; ++s)
            w.addNumber("m", s, -double(s));
        w.flush();
    }
    const RunInfo c = store.createFork(ForkSpec::parse(b.immutableId + QStringLiteral("?_step=250")), {});
    EXPECT_EQ(c.project, QStringLiteral("p"));
    const PointVector eff = store.readSeries(c.key, QStringLiteral("m"));
    ASSERT_EQ(eff.size(), 251u);
    EXPECT_EQ(eff[200].value, 200.0);  // from a
    EXPECT_EQ(eff[201].value, -201.0); // from b
    EXPECT_EQ(eff.back().step, 250);
    // Forking c at a step inside a's part skips b's rows entirely.
    const RunInfo d =
        store.createFork(ForkSpec::parse(QStringLiteral("local/p/") + c.runId + QStringLiteral("?_step=100")), {});
    const auto segs = store.segments(d.key);
    ASSERT_EQ(segs.size(), 2u); // a up to 100, then d itself
    EXPECT_EQ(store.readSeries(d.key, QStringLiteral("m")).size(), 101u);
    EXPECT_EQ(store.lastValues(c.key, 250)["m"], -250.0);
}

TEST(ForkStore, EveryRefusalSaysWhatWasWrong)
{
    test::TempStore tmp;
    Store store(tmp.path());
    makeRun(store, QStringLiteral("src"), 300);
    NewRun empty;
    empty.project = QStringLiteral("p");
    empty.runId = QStringLiteral("empty");
    store.createRun(empty);

    EXPECT_TRUE(refusal(store, QStringLiteral("nope?_step=1"), inProject())
                    .contains(QStringLiteral("no run 'nope' in project local/p")));
    EXPECT_TRUE(refusal(store, QStringLiteral("src?_step=300"), inProject())
                    .contains(QStringLiteral("its last step is 299; expected a step from 0 to 299")));
    EXPECT_TRUE(refusal(store, QStringLiteral("empty?_step=0"), inProject())
                    .contains(QStringLiteral("has logged no steps yet")));
    EXPECT_TRUE(refusal(store, QStringLiteral("src?_step=1")).contains(QStringLiteral("needs a project")));
    ForkOptions same = inProject();
    same.runId = QStringLiteral("src");
    EXPECT_TRUE(
        refusal(store, QStringLiteral("src?_step=1"), same).contains(QStringLiteral("must differ from its source's")));
    EXPECT_TRUE(refusal(store, QStringLiteral("x/y/z?_step=1")).contains(QStringLiteral("no run at path 'x/y/z'")));
    EXPECT_TRUE(refusal(store, QStringLiteral("fsr:0000000000000000000000000a?_step=1"))
                    .contains(QStringLiteral("no run with immutable ID")));
    ForkOptions badId = inProject();
    badId.runId = QStringLiteral("a/b");
    EXPECT_TRUE(refusal(store, QStringLiteral("src?_step=1"), badId).contains(QStringLiteral("may not contain")));
    // Nothing was created by the refused forks.
    EXPECT_EQ(store.runCount(), 2);
}

TEST(ForkStore, DeletingASourceIsRefusedUnlessForksAreMaterialized)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo a = makeRun(store, QStringLiteral("a"), 5000);
    const RunInfo b = store.createFork(ForkSpec::parse(QStringLiteral("a?_step=4500")), inProject());
    {
        HistoryWriter w(store, b.key);
        w.addNumber("m", 4501, 1.0);
        w.addText("note", 4502, "\"hi\"");
        w.flush();
    }
    const RunInfo c =
        store.createFork(ForkSpec::parse(QStringLiteral("local/p/") + b.runId + QStringLiteral("?_step=4501")), {});
    const PointVector before = store.readSeries(c.key, QStringLiteral("m"));
    try {
        store.deleteRun(a.key, DependentForks::Refuse);
        FAIL();
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::Conflict);
        EXPECT_TRUE(e.message().contains(b.runId));
        EXPECT_TRUE(e.message().contains(QStringLiteral("--materialize-forks")));
    }
    EXPECT_EQ(store.readSeries(a.key, QStringLiteral("m")).size(), 5000u); // untouched
    store.deleteRun(a.key, DependentForks::Materialize);
    const PointVector after = store.readSeries(c.key, QStringLiteral("m"));
    ASSERT_EQ(after.size(), before.size());
    for (size_t i = 0; i < after.size(); ++i) {
        EXPECT_EQ(after[i].step, before[i].step);
        EXPECT_EQ(after[i].value, before[i].value);
    }
    const RunInfo bAfter = store.runInfo(b.key);
    ASSERT_TRUE(bAfter.fork);
    EXPECT_TRUE(bAfter.fork->materialized);
    EXPECT_EQ(bAfter.fork->sourceImmutableId, a.immutableId); // the link is permanent
    EXPECT_EQ(bAfter.nextStep(), 4503);
    EXPECT_THROW(store.runInfo(a.key), Error);
    // The ID is never reused.
    NewRun again;
    again.project = QStringLiteral("p");
    again.runId = QStringLiteral("a");
    try {
        store.createRun(again);
        FAIL();
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::Conflict);
        EXPECT_TRUE(e.message().contains(QStringLiteral("never reused")));
    }
}

TEST(ForkStore, LinkingAfterTheFactRefusesCycles)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo a = makeRun(store, QStringLiteral("a"), 10);
    const RunInfo b = makeRun(store, QStringLiteral("b"), 10);
    store.linkFork(b.key, {a.immutableId, a.runId, a.path().toString(), 4, false});
    EXPECT_EQ(store.readSeries(b.key, QStringLiteral("m")).size(), 10u); // 0..4 from a, then own rows past 4
    try {
        store.linkFork(a.key, {b.immutableId, b.runId, b.path().toString(), 2, false});
        FAIL();
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::Conflict);
        EXPECT_TRUE(e.message().contains(QStringLiteral("descends from it")));
    }
}

TEST(ForkStore, NestedTransactionsRollBackAsOneUnit)
{
    test::TempStore tmp;
    Store store(tmp.path());
    try {
        WriteTransaction outer(store.db());
        NewRun spec;
        spec.project = QStringLiteral("p");
        store.createRun(spec); // its own transaction becomes a savepoint
        throw Error(Error::Kind::Format, QStringLiteral("reader gave up"));
    } catch (const Error &) {
    }
    EXPECT_EQ(store.runCount(), 0);
    EXPECT_TRUE(store.projects().empty());
}
