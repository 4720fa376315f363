// A process started for a run (FORKSCOPE_RUN_ID, FORKSCOPE_STORE) attaches
// to that run instead of creating one, whatever its own options name.
#include <gtest/gtest.h>

#include <QFileInfo>

#include "client/init_error.h"
#include "client/run.h"
#include "core/error.h"
#include "core/run_environment.h"
#include "identity/fork_spec.h"
#include "store/store.h"
#include "support/run_seed.h"
#include "support/store_runs.h"
#include "support/temp_store.h"

using namespace forkscope;
using forkscope::test::initError;

namespace {

// Sets the attach variables for one test and restores them after.
class AttachEnvironment {
public:
    AttachEnvironment(const QString &runId, const QString &store)
    {
        qputenv(kRunIdVariable, runId.toUtf8());
        if (store.isEmpty())
            qunsetenv(kStoreVariable);
        else
            qputenv(kStoreVariable, store.toUtf8());
    }
    ~AttachEnvironment()
    {
        qunsetenv(kRunIdVariable);
        qunsetenv(kStoreVariable);
    }
};

// A source with loss at steps 0..99 and config {lr 0.1, batch 32}, and a
// pending fork of it at step 49 with lr 0.01.
RunInfo seedPendingFork(Store &store)
{
    test::RunSeed(store)
        .project(QStringLiteral("p"))
        .id(QStringLiteral("src"))
        .config({{"lr", 0.1}, {"batch", 32}})
        .values("loss", 0, 100, [](qint64 s) { return 1.0 / double(s + 1); })
        .finishedAfterHistory()
        .create();
    ForkOptions options;
    options.project = QStringLiteral("p");
    options.runId = QStringLiteral("fork");
    options.configOverrides = {{"lr", 0.01}};
    return store.createFork(ForkSpec::parse(QStringLiteral("src?_step=49")), options);
}

// What a training script would pass: none of it names the fork.
InitOptions scriptOptions(const QString &storePath)
{
    InitOptions o;
    o.storePath = storePath;
    o.project = QStringLiteral("elsewhere");
    o.id = QStringLiteral("my-own-id");
    o.config = {{"lr", 1.0}};
    return o;
}

} // namespace

TEST(Attach, APendingForkIsClaimedWithItsConfigAndContinuesAfterTheForkStep)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo fork = seedPendingFork(store);
    ASSERT_EQ(fork.state, RunState::Pending);
    AttachEnvironment env(fork.immutableId, tmp.path());

    InitOptions o = scriptOptions(tmp.path());
    o.forkFrom = QStringLiteral("src?_step=10"); // ignored: the process is attached
    auto run = Run::init(o);
    EXPECT_EQ(run->info().key, fork.key);
    EXPECT_EQ(run->currentStep(), 50);
    EXPECT_EQ(run->info().config.value("lr", 0.0), 0.01);
    EXPECT_EQ(run->info().config.value("batch", 0), 32);
    EXPECT_EQ(store.runInfo(fork.key).state, RunState::Running);
    run->log({{"loss", 0.5}});
    run->log({{"loss", 0.25}});
    run->finish();

    EXPECT_EQ(test::allRuns(store).size(), 2u); // nothing was created
    const RunInfo after = store.runInfo(fork.key);
    EXPECT_EQ(after.state, RunState::Finished);
    const PointVector own = store.readSeries(fork.key, QStringLiteral("loss"), {}, History::Own);
    ASSERT_EQ(own.size(), 2u);
    EXPECT_EQ(own[0].step, 50);
    EXPECT_EQ(own[1].step, 51);
    EXPECT_EQ(store.readSeries(fork.key, QStringLiteral("loss")).size(), 52u); // 0..49 inherited
}

TEST(Attach, TheStoreVariableWinsOverTheScriptsStore)
{
    test::TempStore tmp;
    test::TempStore other;
    Store store(tmp.path());
    const RunInfo fork = seedPendingFork(store);
    AttachEnvironment env(fork.immutableId, tmp.path());
    auto run = Run::init(scriptOptions(other.path()));
    EXPECT_EQ(run->info().immutableId, fork.immutableId);
    run->finish();
    EXPECT_FALSE(QFileInfo::exists(other.path()));
}

TEST(Attach, RecordsHowTheProcessWasStartedWhereTheRunDoesNotSay)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo fork = seedPendingFork(store);
    AttachEnvironment env(fork.immutableId, tmp.path());
    InitOptions o = scriptOptions(tmp.path());
    o.metadata = {{"program", "train.py"}, {"args", {"--epochs", "3"}}};
    o.recordCommand = false; // a binding records its own command in metadata
    Run::init(o)->finish();
    const Json metadata = store.runInfo(fork.key).metadata;
    EXPECT_EQ(metadata.value("program", ""), "train.py");
    EXPECT_EQ(metadata["args"], Json({"--epochs", "3"}));
}

TEST(Attach, ARunIdNotInTheStoreIsNamedAndNothingIsCreated)
{
    test::TempStore tmp;
    Store store(tmp.path());
    seedPendingFork(store);
    const QString missing = QStringLiteral("fsr:00000000000000000000000000");
    AttachEnvironment env(missing, tmp.path());
    QString message;
    EXPECT_EQ(initError(scriptOptions(tmp.path()), &message), Error::Kind::NotFound);
    EXPECT_TRUE(message.contains(missing)) << message.toStdString();
    EXPECT_TRUE(message.contains(tmp.path())) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("FORKSCOPE_RUN_ID"))) << message.toStdString();
    EXPECT_EQ(test::allRuns(store).size(), 2u);
}

TEST(Attach, ARunIdThatIsNoImmutableIdIsRefused)
{
    test::TempStore tmp;
    AttachEnvironment env(QStringLiteral("my-run"), tmp.path());
    QString message;
    EXPECT_EQ(initError(scriptOptions(tmp.path()), &message), Error::Kind::BadInput);
    EXPECT_TRUE(message.contains(QStringLiteral("'my-run'"))) << message.toStdString();
    EXPECT_FALSE(QFileInfo::exists(tmp.path())); // refused before the store was made
}

TEST(Attach, ARunAnotherWriterHoldsIsRefused)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo fork = seedPendingFork(store);
    AttachEnvironment env(fork.immutableId, tmp.path());
    auto first = Run::init(scriptOptions(tmp.path()));
    QString message;
    EXPECT_EQ(initError(scriptOptions(tmp.path()), &message), Error::Kind::Conflict);
    first->finish();
}

TEST(Attach, AnAttachedForkResumesFromItsSourcesCheckpoint)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo fork = seedPendingFork(store);
    const RunInfo source = store.resolve(QStringLiteral("local/p/src"));
    NewCheckpoint saved;
    saved.step = 40;
    saved.path = tmp.dir() + QStringLiteral("/step40.pt");
    store.addCheckpoint(source.key, saved);
    AttachEnvironment env(fork.immutableId, tmp.path());
    auto run = Run::init(scriptOptions(tmp.path()));
    const auto resume = run->resumeCheckpoint();
    ASSERT_TRUE(resume);
    EXPECT_EQ(resume->step, 40);
    EXPECT_EQ(resume->path, saved.path);
    run->finish();
}
