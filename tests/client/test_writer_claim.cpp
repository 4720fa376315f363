// forkscope::Run as a run's one writer: the claim is atomic, a live run refuses a
// second writer and deletion, a stale claim is taken over, and a writer that
// lost its run stops cleanly. Separate Run objects are separate connections.
#include <QCoreApplication>
#include <QSysInfo>
#include <atomic>
#include <gtest/gtest.h>
#include <latch>
#include <thread>

#include "client/run.h"
#include "core/error.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "support/poll.h"
#include "support/temp_store.h"

using namespace forkscope;

namespace {

QString thisWriter()
{
    return QStringLiteral("process %1 on host %2")
        .arg(QCoreApplication::applicationPid())
        .arg(QSysInfo::machineHostName());
}

InitOptions optionsFor(const test::TempStore &tmp)
{
    InitOptions o;
    o.storePath = tmp.path();
    o.project = QStringLiteral("p");
    return o;
}

struct Attempt {
    std::unique_ptr<forkscope::Run> run;
    std::optional<Error> error;
};

// Two threads call Run::init(options) at one moment; the one that gets the
// run keeps it until both attempts are over, so they always overlap.
std::pair<Attempt, Attempt> raceInit(const InitOptions &options)
{
    std::latch start(2);
    std::atomic<int> attempted = 0;
    Attempt results[2];
    const auto attempt = [&](Attempt &out) {
        start.arrive_and_wait();
        try {
            out.run = Run::init(options);
        } catch (const Error &e) {
            out.error = e;
        }
        ++attempted;
        test::pollUntil([&] { return attempted.load() == 2; });
    };
    std::thread a(attempt, std::ref(results[0]));
    std::thread b(attempt, std::ref(results[1]));
    a.join();
    b.join();
    return {std::move(results[0]), std::move(results[1])};
}

void expectOneWinner(std::pair<Attempt, Attempt> &race, const QString &refusal)
{
    Attempt &winner = race.first.run ? race.first : race.second;
    Attempt &loser = race.first.run ? race.second : race.first;
    ASSERT_TRUE(winner.run) << "neither writer got the run";
    ASSERT_FALSE(loser.run) << "both writers got the run";
    ASSERT_TRUE(loser.error);
    EXPECT_EQ(loser.error->kind(), Error::Kind::Conflict);
    EXPECT_TRUE(loser.error->message().contains(refusal)) << loser.error->message().toStdString();
    for (int i = 0; i < 50; ++i)
        winner.run->log({{"x", double(i)}});
    winner.run->finish();
    EXPECT_EQ(winner.run->info().state, RunState::Finished);
    EXPECT_EQ(winner.run->info().ownLastStep, 49);
}

qint64 count(Store &store, const char *sql)
{
    auto st = store.db().prepare(sql);
    return st.step() ? st.int64(0) : -1;
}

} // namespace

TEST(WriterClaim, TwoWritersResumingOneRunGetItOnce)
{
    test::TempStore tmp;
    Store store(tmp.path());
    for (int trial = 0; trial < 20; ++trial) {
        NewRun spec;
        spec.project = QStringLiteral("p");
        spec.state = RunState::Pending;
        const RunInfo run = store.createRun(spec);
        InitOptions o = optionsFor(tmp);
        o.resume = run.path().toString();
        auto race = raceInit(o);
        expectOneWinner(
            race,
            QStringLiteral("cannot log to run '%1': run '%1' is being logged by %2").arg(run.runId, thisWriter()));
    }
}

// Every rank of a distributed job calling init with one run ID.
TEST(WriterClaim, TwoWritersCreatingOneCustomIdGetItOnce)
{
    test::TempStore tmp;
    for (int trial = 0; trial < 20; ++trial) {
        InitOptions o = optionsFor(tmp);
        o.id = QStringLiteral("rank-run-%1").arg(trial);
        auto race = raceInit(o);
        expectOneWinner(
            race, QStringLiteral("cannot create run '%1': run '%1' is being logged by %2").arg(o.id, thisWriter()));
    }
}

TEST(WriterClaim, StatesFollowWandb)
{
    test::TempStore tmp;
    Store store(tmp.path());
    auto run = Run::init(optionsFor(tmp));
    const qint64 key = run->info().key;
    EXPECT_EQ(run->info().state, RunState::Running);
    EXPECT_EQ(store.runInfo(key).state, RunState::Running);
    ASSERT_TRUE(store.runInfo(key).writer);
    EXPECT_EQ(store.runInfo(key).writer->pid, QCoreApplication::applicationPid());
    run->log({{"x", 1.0}});
    run->finish();
    EXPECT_EQ(store.runInfo(key).state, RunState::Finished);
    EXPECT_EQ(store.runInfo(key).exitCode, 0);
    EXPECT_FALSE(store.runInfo(key).writer);

    // Resuming an ended run makes it running again; a non-zero exit fails it.
    InitOptions resume = optionsFor(tmp);
    resume.resume = store.runInfo(key).path().toString();
    run = Run::init(resume);
    EXPECT_EQ(store.runInfo(key).state, RunState::Running);
    EXPECT_EQ(run->currentStep(), 1);
    run->log({{"x", 2.0}});
    run->finish(3);
    EXPECT_EQ(store.runInfo(key).state, RunState::Failed);
    EXPECT_EQ(store.runInfo(key).exitCode, 3);

    // A fork is running while its Run lives; the destructor finishes it.
    InitOptions fork = optionsFor(tmp);
    fork.forkFrom = store.runInfo(key).runId + QStringLiteral("?_step=0");
    qint64 forkKey = 0;
    {
        auto child = Run::init(fork);
        forkKey = child->info().key;
        EXPECT_EQ(store.runInfo(forkKey).state, RunState::Running);
    }
    EXPECT_EQ(store.runInfo(forkKey).state, RunState::Finished);
}

TEST(WriterClaim, ALiveRunRefusesAnotherWriterAStaleOneIsTakenOver)
{
    test::TempStore tmp;
    Store store(tmp.path());
    NewRun spec;
    spec.project = QStringLiteral("p");
    spec.runId = QStringLiteral("r");
    spec.state = RunState::Pending;
    const RunInfo run = store.createRun(spec);
    // A writer in another process, as that process would claim the run.
    store.claimRun(run.key, WriterIdentity{QStringLiteral("other-token"), 4242, QStringLiteral("elsewhere")});

    InitOptions resume = optionsFor(tmp);
    resume.resume = QStringLiteral("local/p/r");
    try {
        Run::init(resume);
        FAIL() << "a second writer got a live run";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::Conflict);
        EXPECT_TRUE(e.message().contains("run 'r' is being logged by process 4242 on host elsewhere"))
            << e.message().toStdString();
    }
    // That writer dies: its heartbeat ages past the timeout.
    store.db().exec("UPDATE runs SET heartbeat_ms = heartbeat_ms - 60000");
    EXPECT_EQ(store.runInfo(run.key).state, RunState::Crashed);
    auto taker = Run::init(resume);
    EXPECT_EQ(store.runInfo(run.key).state, RunState::Running);
    EXPECT_EQ(store.runInfo(run.key).writer->pid, QCoreApplication::applicationPid());
    taker->finish();
    EXPECT_EQ(store.runInfo(run.key).state, RunState::Finished);
}

TEST(WriterClaim, DeleteAndEndAreRefusedWhileARunIsLogged)
{
    test::TempStore tmp;
    auto run = Run::init(optionsFor(tmp));
    run->log({{"x", 1.0}});
    run->flush();
    Store other(tmp.path());
    const qint64 key = run->info().key;
    for (const auto &act : {std::function<void()>([&] { other.deleteRun(key, DependentForks::Refuse); }),
                            std::function<void()>([&] { other.endRun(key, 0); })}) {
        try {
            act();
            ADD_FAILURE() << "a live run was changed under its writer";
        } catch (const Error &e) {
            EXPECT_EQ(e.kind(), Error::Kind::Conflict);
            EXPECT_TRUE(e.message().contains("is being logged by " + thisWriter())) << e.message().toStdString();
        }
    }
    run->log({{"x", 2.0}});
    run->finish();
    EXPECT_EQ(other.readSeries(key, QStringLiteral("x")).size(), 2u);
    EXPECT_EQ(other.runInfo(key).state, RunState::Finished);
}

// A writer taken for crashed (here: a 1 ms timeout) whose run is deleted
// stops with a clear error, and its later flushes write nothing.
TEST(WriterClaim, AWriterWhoseRunWasDeletedStopsCleanly)
{
    test::TempStore tmp;
    auto run = Run::init(optionsFor(tmp));
    run->log({{"x", 1.0}});
    run->flush();
    Store other(tmp.path());
    other.setHeartbeatTimeoutMs(1);
    const qint64 key = run->info().key;
    ASSERT_TRUE(test::pollUntil([&] {
        try {
            other.deleteRun(key, DependentForks::Refuse);
            return true;
        } catch (const Error &) {
            return false;
        }
    }));
    try {
        // The writer thread may have met the deletion already; then log() says so.
        run->log({{"x", 2.0}});
        run->flush();
        FAIL() << "a writer kept writing to a deleted run";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::Conflict);
        EXPECT_TRUE(e.message().contains("was deleted while this process was logging it")) << e.message().toStdString();
    }
    EXPECT_THROW(run->log({{"x", 3.0}}), Error);
    EXPECT_THROW(run->finish(), Error);
    EXPECT_EQ(count(other, "SELECT count(*) FROM series"), 0);
    EXPECT_EQ(count(other, "SELECT count(*) FROM chunks"), 0);
    EXPECT_EQ(count(other, "SELECT count(*) FROM runs"), 0);
}

TEST(WriterClaim, AWriterTakenOverStopsAndTheNewOneContinues)
{
    test::TempStore tmp;
    auto first = Run::init(optionsFor(tmp));
    for (int i = 0; i < 10; ++i)
        first->log({{"x", double(i)}});
    first->flush();
    InitOptions resume = optionsFor(tmp);
    resume.resume = first->info().path().toString();
    resume.heartbeatTimeoutMs = 1;
    std::unique_ptr<forkscope::Run> second;
    ASSERT_TRUE(test::pollUntil([&] {
        try {
            second = Run::init(resume);
            return true;
        } catch (const Error &) {
            return false;
        }
    }));
    EXPECT_EQ(second->currentStep(), 10);
    try {
        first->log({{"x", -1.0}});
        first->flush();
        FAIL() << "two writers on one run";
    } catch (const Error &e) {
        EXPECT_TRUE(e.message().contains("was taken over by " + thisWriter())) << e.message().toStdString();
    }
    for (int i = 10; i < 20; ++i)
        second->log({{"x", double(i)}});
    second->finish();
    Store store(tmp.path());
    const auto points = store.readSeries(first->info().key, QStringLiteral("x"));
    ASSERT_EQ(points.size(), 20u);
    for (size_t i = 0; i < points.size(); ++i) {
        EXPECT_EQ(points[i].step, qint64(i));
        EXPECT_EQ(points[i].value, double(i));
    }
}
