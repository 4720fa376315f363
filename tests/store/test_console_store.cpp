// The console output kept for started processes: order, streams, reading
// from a sequence number on, refusals, and its end with the run.
#include <gtest/gtest.h>

#include <QDateTime>
#include <functional>
#include <optional>

#include "core/error.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "support/run_seed.h"
#include "support/temp_store.h"

using namespace forkscope;

namespace {
const QDateTime kTime = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC);

RunInfo seedRun(Store &store, const QString &id)
{
    return test::RunSeed(store).project(QStringLiteral("p")).id(id).finishedAfterHistory().create();
}

Error::Kind kindOf(const std::function<void()> &call)
{
    try {
        call();
    } catch (const Error &e) {
        return e.kind();
    }
    ADD_FAILURE() << "expected a refusal";
    return Error::Kind::Storage;
}
} // namespace

TEST(ConsoleStore, ChunksComeBackInOrderWithStreamTimeAndText)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo run = seedRun(store, QStringLiteral("a"));
    EXPECT_EQ(store.appendConsole(run.key, ConsoleStream::Stdout, kTime, QStringLiteral("epoch 1\n")), 1);
    EXPECT_EQ(store.appendConsole(run.key, ConsoleStream::Stderr, kTime.addMSecs(5), QStringLiteral("warn \u00e9\n")),
              2);
    EXPECT_EQ(store.appendConsole(run.key, ConsoleStream::Stdout, kTime.addMSecs(9), QStringLiteral("partial")), 3);

    const auto all = store.console(run.key);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].seq, 1);
    EXPECT_EQ(all[0].stream, ConsoleStream::Stdout);
    EXPECT_EQ(all[0].text, QStringLiteral("epoch 1\n"));
    EXPECT_EQ(all[0].time, kTime);
    EXPECT_EQ(all[1].stream, ConsoleStream::Stderr);
    EXPECT_EQ(all[1].text, QStringLiteral("warn \u00e9\n"));
    EXPECT_EQ(all[1].time, kTime.addMSecs(5));
    EXPECT_EQ(all[2].text, QStringLiteral("partial"));

    const auto after = store.console(run.key, 2);
    ASSERT_EQ(after.size(), 1u);
    EXPECT_EQ(after[0].seq, 3);
    EXPECT_TRUE(store.console(run.key, 3).empty());
}

TEST(ConsoleStore, SequenceIsPerRunAndSurvivesReopening)
{
    test::TempStore tmp;
    qint64 a = 0;
    qint64 b = 0;
    {
        Store store(tmp.path());
        a = seedRun(store, QStringLiteral("a")).key;
        b = seedRun(store, QStringLiteral("b")).key;
        store.appendConsole(a, ConsoleStream::Stdout, kTime, QStringLiteral("a1\n"));
        EXPECT_EQ(store.appendConsole(b, ConsoleStream::Stdout, kTime, QStringLiteral("b1\n")), 1);
    }
    Store again(tmp.path());
    // A second process appending to the same run goes on after the last seq.
    Store other(tmp.path());
    EXPECT_EQ(other.appendConsole(a, ConsoleStream::Stderr, kTime, QStringLiteral("a2\n")), 2);
    EXPECT_EQ(again.appendConsole(a, ConsoleStream::Stdout, kTime, QStringLiteral("a3\n")), 3);
    const auto chunks = again.console(a);
    ASSERT_EQ(chunks.size(), 3u);
    EXPECT_EQ(chunks[1].text, QStringLiteral("a2\n"));
    EXPECT_EQ(again.console(b).size(), 1u);
}

TEST(ConsoleStore, RefusesBadInputAndUnknownRuns)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo run = seedRun(store, QStringLiteral("a"));
    EXPECT_EQ(kindOf([&] { store.appendConsole(run.key, ConsoleStream::Stdout, kTime, QString()); }),
              Error::Kind::BadInput);
    EXPECT_EQ(kindOf([&] { store.appendConsole(run.key, ConsoleStream::Stdout, QDateTime(), QStringLiteral("x")); }),
              Error::Kind::BadInput);
    EXPECT_EQ(kindOf([&] { store.appendConsole(run.key, ConsoleStream(7), kTime, QStringLiteral("x")); }),
              Error::Kind::BadInput);
    EXPECT_EQ(kindOf([&] { store.appendConsole(run.key + 100, ConsoleStream::Stdout, kTime, QStringLiteral("x")); }),
              Error::Kind::NotFound);
    EXPECT_EQ(kindOf([&] { store.console(run.key + 100); }), Error::Kind::NotFound);
    EXPECT_TRUE(store.console(run.key).empty()); // nothing was kept from the refusals
}

TEST(ConsoleStore, ReadOnlyStoreRefusesAppendingButReads)
{
    test::TempStore tmp;
    qint64 key = 0;
    {
        Store store(tmp.path());
        key = seedRun(store, QStringLiteral("a")).key;
        store.appendConsole(key, ConsoleStream::Stdout, kTime, QStringLiteral("kept\n"));
    }
    Store reader(tmp.path(), StoreAccess::ReadOnly);
    EXPECT_EQ(kindOf([&] { reader.appendConsole(key, ConsoleStream::Stdout, kTime, QStringLiteral("x")); }),
              Error::Kind::Storage);
    const auto chunks = reader.console(key);
    ASSERT_EQ(chunks.size(), 1u);
    EXPECT_EQ(chunks[0].text, QStringLiteral("kept\n"));
}

TEST(ConsoleStore, DeletingTheRunDeletesItsConsole)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo gone = seedRun(store, QStringLiteral("a"));
    const RunInfo kept = seedRun(store, QStringLiteral("b"));
    store.appendConsole(gone.key, ConsoleStream::Stdout, kTime, QStringLiteral("x\n"));
    store.appendConsole(kept.key, ConsoleStream::Stdout, kTime, QStringLiteral("y\n"));
    store.deleteRun(gone.key, DependentForks::Refuse);
    auto count = store.db().prepare("SELECT count(*) FROM console_output WHERE run = ?1");
    count.bind(1, gone.key);
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.int64(0), 0);
    count.reset();
    EXPECT_EQ(store.console(kept.key).size(), 1u);
}

namespace {
// The state a pending run is left in once its process ended as given,
// after its client (if `clientEnded`) ended it with `clientExit`.
RunInfo endedRun(ProcessEnd end, int exitCode, std::optional<int> clientExit = {})
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo run = test::RunSeed(store).project(QStringLiteral("p")).state(RunState::Pending).create();
    const RunClaim claim = store.claimRun(run.key, WriterIdentity::thisProcess());
    if (clientExit)
        store.releaseClaim(claim, *clientExit);
    return store.recordProcessEnd(run.key, end, exitCode);
}
} // namespace

TEST(ProcessEnd, ExitCodeZeroFinishesOtherCodesFailAndSignalsCrash)
{
    const RunInfo ok = endedRun(ProcessEnd::Exited, 0);
    EXPECT_EQ(ok.state, RunState::Finished);
    EXPECT_EQ(ok.exitCode, 0);
    EXPECT_FALSE(ok.writer.has_value()); // the dead process's claim is released

    const RunInfo failed = endedRun(ProcessEnd::Exited, 3);
    EXPECT_EQ(failed.state, RunState::Failed);
    EXPECT_EQ(failed.exitCode, 3);

    const RunInfo killed = endedRun(ProcessEnd::Killed, 0);
    EXPECT_EQ(killed.state, RunState::Crashed);
    EXPECT_FALSE(killed.writer.has_value());

    EXPECT_EQ(endedRun(ProcessEnd::NotStarted, 0).state, RunState::Crashed);
}

TEST(ProcessEnd, TheClientsOwnEndIsKeptButAFailedExitIsRecorded)
{
    const RunInfo finishedThenKilled = endedRun(ProcessEnd::Killed, 0, 0);
    EXPECT_EQ(finishedThenKilled.state, RunState::Finished);
    EXPECT_EQ(finishedThenKilled.exitCode, 0);

    const RunInfo finishedThenFailed = endedRun(ProcessEnd::Exited, 2, 0);
    EXPECT_EQ(finishedThenFailed.state, RunState::Failed);
    EXPECT_EQ(finishedThenFailed.exitCode, 2);

    const RunInfo failedByClient = endedRun(ProcessEnd::Exited, 0, 5);
    EXPECT_EQ(failedByClient.state, RunState::Failed);
    EXPECT_EQ(failedByClient.exitCode, 5);
}
