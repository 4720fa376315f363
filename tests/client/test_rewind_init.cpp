// Run::init with resumeFrom (W&B's rewind): the run keeps its IDs, logs on
// from N + 1 and resumes from the weights at its rewind step.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>

#include "client/run.h"
#include "core/error.h"
#include "store/store.h"
#include "support/temp_store.h"

using namespace forkscope;

namespace {

InitOptions inStore(const QString &storePath)
{
    InitOptions o;
    o.storePath = storePath;
    o.project = QStringLiteral("p");
    return o;
}

} // namespace

TEST(RewindInit, TheRunKeepsItsIdsLogsOnFromNPlusOneAndResumesFromItsCheckpoint)
{
    test::TempStore tmp;
    RunInfo before;
    {
        InitOptions o = inStore(tmp.path());
        o.id = QStringLiteral("a");
        o.config = {{"lr", 0.1}};
        auto run = Run::init(o);
        for (qint64 s = 0; s < 100; ++s) {
            run->log({{"loss", double(s)}});
            if (s == 40) {
                const QString path = QDir(tmp.dir()).filePath(QStringLiteral("w40.pt"));
                QFile f(path);
                ASSERT_TRUE(f.open(QIODevice::WriteOnly));
                f.write("forty");
                f.close();
                run->logCheckpoint(path);
            }
        }
        run->finish();
        before = run->info();
    }
    InitOptions o = inStore(tmp.path());
    o.resumeFrom = QStringLiteral("a?_step=50");
    o.config = {{"lr", 0.01}};
    auto run = Run::init(o);
    EXPECT_EQ(run->info().key, before.key);
    EXPECT_EQ(run->info().runId, QStringLiteral("a"));
    EXPECT_EQ(run->info().immutableId, before.immutableId);
    ASSERT_TRUE(run->resumeCheckpoint().has_value());
    EXPECT_EQ(run->resumeCheckpoint()->step, 40);
    run->log({{"loss", -1.0}});
    run->finish();

    Store store(tmp.path());
    const auto loss = store.readSeries(before.key, QStringLiteral("loss"));
    ASSERT_EQ(loss.size(), 52u);
    EXPECT_EQ(loss[50].value, 50.0);
    EXPECT_EQ(loss[51].step, 51);
    EXPECT_EQ(loss[51].value, -1.0);
    const RunInfo after = store.runInfo(before.key);
    EXPECT_EQ(after.config, (Json{{"lr", 0.01}}));
    EXPECT_EQ(after.state, RunState::Finished);
    ASSERT_EQ(store.archivedVersions(before.key).size(), 1u);
    EXPECT_EQ(store.readSeries(store.archivedVersions(before.key)[0].key, QStringLiteral("loss")).size(), 100u);
}

TEST(RewindInit, ResumeFromWithForkFromOrResumeOrAnotherIdIsRefused)
{
    test::TempStore tmp;
    {
        InitOptions o = inStore(tmp.path());
        o.id = QStringLiteral("a");
        auto run = Run::init(o);
        for (int s = 0; s < 10; ++s)
            run->log({{"loss", double(s)}});
        run->finish();
    }
    const auto refusal = [](const InitOptions &o) {
        try {
            Run::init(o);
        } catch (const Error &e) {
            EXPECT_EQ(e.kind(), Error::Kind::BadInput);
            return e.message();
        }
        ADD_FAILURE() << "accepted";
        return QString();
    };
    InitOptions o = inStore(tmp.path());
    o.resumeFrom = QStringLiteral("a?_step=3");
    o.forkFrom = QStringLiteral("a?_step=3");
    EXPECT_TRUE(refusal(o).contains(QStringLiteral("mutually exclusive")));
    o.forkFrom.clear();
    o.resume = QStringLiteral("a");
    EXPECT_TRUE(refusal(o).contains(QStringLiteral("mutually exclusive")));
    o.resume.clear();
    o.id = QStringLiteral("b");
    EXPECT_TRUE(refusal(o).contains(QStringLiteral("names another run")));
    o.id.clear();
    o.resumeFrom = QStringLiteral("a?_step=-1");
    EXPECT_TRUE(refusal(o).contains(QStringLiteral("invalid fork spec")));
    Store store(tmp.path());
    EXPECT_TRUE(store.archivedVersions(store.resolve(QStringLiteral("a"), QStringLiteral("p")).key).empty());
}
