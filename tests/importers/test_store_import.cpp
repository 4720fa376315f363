#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <stdexcept>

#include "core/error.h"
#include "importers/store_import.h"
#include "importers/wandb_importer.h"
#include "store/store.h"
#include "support/temp_store.h"

using namespace forkscope;

using forkscope::test::copyTree;

namespace {

// The one run of a report; throws (the test fails, not crashes) otherwise.
const ImportOutcome &only(const ImportReport &r)
{
    if (r.runs.size() != 1)
        throw std::runtime_error("expected one imported run, got " + std::to_string(r.runs.size()));
    return r.runs.front();
}

ImportedRun syntheticRun(const QString &id, qint64 steps, std::optional<qint64> forkStep = {},
                         const QString &source = {})
{
    ImportedRun run;
    run.format = QStringLiteral("wandb");
    run.sourcePath = QStringLiteral("/synthetic/") + id;
    run.runId = id;
    run.name = id;
    run.project = QStringLiteral("synth");
    run.state = QStringLiteral("finished");
    run.exitCode = 0;
    const qint64 first = forkStep ? *forkStep + 1 : 0;
    for (qint64 s = first; s < first + steps; ++s)
        run.rows.push_back({s, {{"loss", Json(double(s))}}});
    if (forkStep)
        run.branch = ImportedRun::BranchPoint{source, QStringLiteral("_step"), double(*forkStep), false};
    return run;
}

} // namespace

TEST(StoreImport, EveryFixtureLandsInTheStore)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const ImportReport wandb = importPath(store, test::fixturePath(QStringLiteral("wandb")));
    EXPECT_EQ(wandb.format, QStringLiteral("wandb"));
    ASSERT_EQ(wandb.runs.size(), 4u);
    for (const auto &o : wandb.runs)
        EXPECT_EQ(o.status, ImportOutcome::Status::Created) << o.error.toStdString();

    const RunInfo cut = store.resolve(QStringLiteral("adeeplearners/kwt-improvements/3ojed7lz"));
    EXPECT_NE(cut.state, RunState::Finished);
    EXPECT_EQ(store.readSeries(cut.key, QStringLiteral("Validation/accuracy")).size(), 862u);
    const PointVector loss = store.readSeries(cut.key, QStringLiteral("Training/loss"));
    ASSERT_EQ(loss.size(), 861u);
    EXPECT_EQ(loss.front().step, 1);
    EXPECT_EQ(loss.back().step, 861);

    const ImportReport tb = importPath(store, test::fixturePath(QStringLiteral("tensorboard/keras-cvp")));
    ASSERT_EQ(only(tb).status, ImportOutcome::Status::Created) << only(tb).error.toStdString();
    const RunInfo tbRun = store.resolve(only(tb).runPath);
    for (const char *key : {"batch_loss", "batch_acc", "epoch_acc", "epoch_loss", "epoch_val_acc", "epoch_val_loss"})
        EXPECT_EQ(store.readSeries(tbRun.key, QString::fromLatin1(key)).size(), 17u) << key;

    const ImportReport ml = importPath(store, test::fixturePath(QStringLiteral("mlflow/lightgbm-mlruns")));
    ASSERT_EQ(only(ml).status, ImportOutcome::Status::Created) << only(ml).error.toStdString();
    const RunInfo mlRun = store.resolve(only(ml).immutableId);
    EXPECT_EQ(store.readSeries(mlRun.key, QStringLiteral("train-multi_logloss")).size(), 10u);
    EXPECT_EQ(mlRun.state, RunState::Finished);
    EXPECT_EQ(mlRun.config.size(), 14u);
}

TEST(StoreImport, ImportingAgainAddsNothing)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const QString folder = test::fixturePath(QStringLiteral("wandb/run-20241201_230053-5zwrn21g"));
    EXPECT_EQ(only(importPath(store, folder)).status, ImportOutcome::Status::Created);
    const ImportReport again = importPath(store, folder);
    EXPECT_EQ(only(again).status, ImportOutcome::Status::Unchanged);
    EXPECT_EQ(only(again).rowsAdded, 0);
    EXPECT_EQ(store.runCount(), 1);
    const RunInfo run = store.resolve(only(again).immutableId);
    EXPECT_EQ(store.readSeries(run.key, QStringLiteral("validation loss")).size(), 10u);
}

TEST(StoreImport, AGrowingLiveRunGainsOnlyTheNewRows)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const QString live = tmp.dir() + QStringLiteral("/run-live");
    const QString src = test::fixturePath(QStringLiteral("wandb/run-20220429_201936-3ojed7lz"));
    ASSERT_TRUE(copyTree(src, live));
    const QString file = live + QStringLiteral("/run-3ojed7lz.wandb");
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray all = f.readAll();
    f.close();
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(all.left(all.size() / 2));
    f.close();

    const ImportOutcome first = only(importPath(store, live));
    ASSERT_EQ(first.status, ImportOutcome::Status::Created) << first.error.toStdString();
    const RunInfo run = store.resolve(first.immutableId);
    const size_t half = store.readSeries(run.key, QStringLiteral("Validation/accuracy")).size();
    EXPECT_GT(half, 100u);
    EXPECT_LT(half, 862u);

    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(all);
    f.close();
    const ImportOutcome second = only(importPath(store, live));
    EXPECT_EQ(second.status, ImportOutcome::Status::Updated);
    EXPECT_EQ(second.immutableId, first.immutableId);
    const PointVector grown = store.readSeries(run.key, QStringLiteral("Validation/accuracy"));
    ASSERT_EQ(grown.size(), 862u);
    for (size_t i = 0; i < grown.size(); ++i)
        EXPECT_EQ(grown[i].step, qint64(i));
}

// A live source writes its keys one after another (MLflow: one file per
// metric; TensorBoard: one event per tag). An import that found `acc` one
// step behind `loss` adds that value on the next import instead of dropping it.
TEST(StoreImport, AKeyThatLagsBehindGainsItsValuesOnTheNextImport)
{
    test::TempStore tmp;
    Store store(tmp.path());
    ImportedRun run = syntheticRun(QStringLiteral("lag"), 5); // loss at 0..4
    for (qint64 s = 0; s < 4; ++s)
        run.rows[size_t(s)].values.emplace_back("acc", Json(s * 10.0));
    const ImportOutcome first = writeImportedRun(store, run);
    ASSERT_EQ(first.status, ImportOutcome::Status::Created) << first.error.toStdString();

    run.rows[4].values.emplace_back("acc", Json(40.0));
    run.rows.push_back({5, {{"loss", Json(5.0)}, {"acc", Json(50.0)}}});
    const ImportOutcome second = writeImportedRun(store, run);
    EXPECT_EQ(second.status, ImportOutcome::Status::Updated);
    EXPECT_EQ(second.rowsAdded, 2);
    const RunInfo info = store.resolve(first.immutableId);
    for (const char *key : {"acc", "loss"}) {
        const PointVector points = store.readSeries(info.key, QString::fromLatin1(key));
        ASSERT_EQ(points.size(), 6u) << key;
        for (size_t i = 0; i < points.size(); ++i)
            EXPECT_EQ(points[i].step, qint64(i)) << key;
    }
    EXPECT_EQ(store.readSeries(info.key, QStringLiteral("acc"))[4].value, 40.0);
    EXPECT_EQ(writeImportedRun(store, run).status, ImportOutcome::Status::Unchanged);
}

TEST(StoreImport, ImportedForksLinkWhenTheirSourceArrives)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const ImportOutcome fork =
        writeImportedRun(store, syntheticRun(QStringLiteral("child"), 5, 9, QStringLiteral("parent")));
    ASSERT_EQ(fork.status, ImportOutcome::Status::Created) << fork.error.toStdString();
    EXPECT_FALSE(store.resolve(fork.immutableId).fork);
    EXPECT_EQ(linkPendingForks(store), 0);

    writeImportedRun(store, syntheticRun(QStringLiteral("parent"), 20));
    EXPECT_EQ(linkPendingForks(store), 1);
    const RunInfo child = store.resolve(fork.immutableId);
    ASSERT_TRUE(child.fork);
    EXPECT_EQ(child.fork->sourceRunId, QStringLiteral("parent"));
    EXPECT_EQ(child.fork->step, 9);
    const PointVector eff = store.readSeries(child.key, QStringLiteral("loss"));
    ASSERT_EQ(eff.size(), 15u); // 0..9 inherited, 10..14 own
    EXPECT_EQ(eff[9].step, 9);
    EXPECT_EQ(eff[10].step, 10);
    EXPECT_FALSE(child.metadata["import"].contains("pending_fork"));
    EXPECT_EQ(linkPendingForks(store), 0);
}

TEST(StoreImport, AFailedRunLeavesNothingBehind)
{
    test::TempStore tmp;
    Store store(tmp.path());
    ImportedRun run = syntheticRun(QStringLiteral("taken"), 3);
    // The ID was used by a deleted run: never reused, so the import fails whole.
    NewRun spec;
    spec.project = QStringLiteral("synth");
    spec.runId = QStringLiteral("taken");
    spec.state = RunState::Finished;
    store.deleteRun(store.createRun(spec).key, DependentForks::Refuse);
    const ImportOutcome out = writeImportedRun(store, run);
    EXPECT_EQ(out.status, ImportOutcome::Status::Failed);
    EXPECT_TRUE(out.error.contains(QStringLiteral("never reused"))) << out.error.toStdString();
    EXPECT_EQ(store.runCount(), 0);
}

TEST(StoreImport, CancellingRollsBackTheRunInProgress)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const QString dir = tmp.dir() + QStringLiteral("/wandb");
    ASSERT_TRUE(copyTree(test::fixturePath(QStringLiteral("wandb")), dir));
    ImportOptions options;
    int calls = 0;
    options.progress = [&](qint64, qint64, const QString &) { return ++calls < 2; };
    const ImportReport report = importPath(store, dir, options);
    EXPECT_TRUE(report.cancelled);
    EXPECT_LE(store.runCount(), 1);
}

TEST(StoreImport, UnusablePathsAreClearErrors)
{
    test::TempStore tmp;
    Store store(tmp.path());
    try {
        importPath(store, tmp.dir() + QStringLiteral("/missing"));
        FAIL();
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::NotFound);
    }
    try {
        importPath(store, tmp.dir());
        FAIL();
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::BadInput);
        EXPECT_FALSE(e.message().isEmpty());
    }
}

// The source's own tool writing a running run is what re-import follows; a
// Forkscope writer that resumed the imported run holds it until it ends.
TEST(StoreImport, ARunningRunIsReimportedUnlessAForkscopeWriterHoldsIt)
{
    test::TempStore tmp;
    Store store(tmp.path());
    ImportedRun run = syntheticRun(QStringLiteral("live"), 3);
    run.state = QStringLiteral("running");
    const ImportOutcome first = writeImportedRun(store, run);
    ASSERT_EQ(first.status, ImportOutcome::Status::Created) << first.error.toStdString();
    const RunInfo info = store.resolve(first.immutableId);
    ASSERT_EQ(info.state, RunState::Running);

    run.rows.push_back({3, {{"loss", Json(3.0)}}});
    run.state = QStringLiteral("finished"); // and now done at its source
    const ImportOutcome grown = writeImportedRun(store, run);
    EXPECT_EQ(grown.status, ImportOutcome::Status::Updated) << grown.error.toStdString();
    EXPECT_EQ(store.readSeries(info.key, QStringLiteral("loss")).size(), 4u);
    ASSERT_EQ(store.runInfo(info.key).state, RunState::Finished);

    // Someone continues it from Forkscope.
    const RunClaim claim = store.claimRun(info.key, WriterIdentity::thisProcess());
    run.rows.push_back({4, {{"loss", Json(4.0)}}});
    const ImportOutcome refused = writeImportedRun(store, run);
    EXPECT_EQ(refused.status, ImportOutcome::Status::Failed);
    EXPECT_TRUE(refused.error.contains(QStringLiteral("cannot import into run 'live'"))) << refused.error.toStdString();
    EXPECT_TRUE(refused.error.contains(QStringLiteral("process %1").arg(QCoreApplication::applicationPid())))
        << refused.error.toStdString();
    EXPECT_EQ(store.readSeries(info.key, QStringLiteral("loss")).size(), 4u); // nothing written

    store.releaseClaim(claim, 0);
    const ImportOutcome after = writeImportedRun(store, run);
    EXPECT_EQ(after.status, ImportOutcome::Status::Updated) << after.error.toStdString();
    EXPECT_EQ(store.readSeries(info.key, QStringLiteral("loss")).size(), 5u);
}
