// Checkpoints taken from what importers read: MLflow logged models.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include "importers/store_import.h"
#include "store/store.h"
#include "support/temp_store.h"

using namespace forkscope;

namespace {

constexpr const char *kRunDir = "/0/12026047ea1b4d18b809871910343336";

std::vector<Checkpoint> importedCheckpoints(Store &store, const ImportReport &report)
{
    EXPECT_EQ(report.runs.size(), 1u);
    if (report.runs.empty())
        return {};
    return store.checkpoints(store.resolve(report.runs[0].runPath).key);
}

} // namespace

// The fixture's run logged its LightGBM model once training was done; the
// artifacts were left out, so the file is where the run's machine had it.
TEST(ImportedCheckpoints, AnMlflowLoggedModelIsACheckpointAtTheStepTrainingHadReached)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const ImportReport report = importPath(store, test::fixturePath(QStringLiteral("mlflow/lightgbm-mlruns")));
    const auto list = importedCheckpoints(store, report);
    ASSERT_EQ(list.size(), 1u);
    const Checkpoint &c = list[0];
    // Created at 10:45:15.419 UTC: after steps 1-9 of train-multi_logloss
    // (10:45:14.9), before accuracy and log_loss at step 0 (10:45:17.067).
    EXPECT_EQ(c.step, 9);
    EXPECT_EQ(c.path, QStringLiteral("/home/tungn197-2/code/demo_vtsserving/examples/mlflow/lightgbm/mlruns/0/"
                                     "12026047ea1b4d18b809871910343336/artifacts/model/model.lgb"));
    EXPECT_EQ(c.createdAt, QDateTime(QDate(2022, 12, 1), QTime(10, 45, 15, 419), Qt::UTC));
    EXPECT_FALSE(c.size.has_value()); // not on this machine
    EXPECT_EQ(c.metadata["model_uuid"], "043da232079b488f908c317d1dc54a6f");
    EXPECT_EQ(c.metadata["flavors"], Json({"lightgbm", "python_function"}));
    EXPECT_FALSE(checkCheckpointFile(c).exists);

    // Importing again adds no second checkpoint.
    const ImportReport again = importPath(store, test::fixturePath(QStringLiteral("mlflow/lightgbm-mlruns")));
    EXPECT_EQ(importedCheckpoints(store, again).size(), 1u);
    EXPECT_EQ(again.runs[0].status, ImportOutcome::Status::Unchanged);
}

TEST(ImportedCheckpoints, AModelInACopiedMlrunsFolderIsFoundThereWithItsSizeAndHash)
{
    QTemporaryDir copy;
    ASSERT_TRUE(test::copyTree(test::fixturePath(QStringLiteral("mlflow/lightgbm-mlruns")), copy.path()));
    const QString modelDir = copy.path() + QLatin1String(kRunDir) + QStringLiteral("/artifacts/model");
    ASSERT_TRUE(QDir().mkpath(modelDir));
    QFile model(modelDir + QStringLiteral("/model.lgb"));
    ASSERT_TRUE(model.open(QIODevice::WriteOnly));
    model.write("tree\n");
    model.close();

    test::TempStore tmp;
    Store store(tmp.path());
    const auto list = importedCheckpoints(store, importPath(store, copy.path()));
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].path, QDir::cleanPath(modelDir + QStringLiteral("/model.lgb")));
    EXPECT_EQ(list[0].size, 5);
    EXPECT_EQ(list[0].sha256,
              QString::fromLatin1(QCryptographicHash::hash("tree\n", QCryptographicHash::Sha256).toHex()));
    const auto state = checkCheckpointFile(list[0]);
    EXPECT_TRUE(state.exists && state.matches);
}

TEST(ImportedCheckpoints, ABrokenModelHistoryIsAWarningAndTheRunStillImports)
{
    QTemporaryDir copy;
    ASSERT_TRUE(test::copyTree(test::fixturePath(QStringLiteral("mlflow/lightgbm-mlruns")), copy.path()));
    QFile tag(copy.path() + QLatin1String(kRunDir) + QStringLiteral("/tags/mlflow.log-model.history"));
    ASSERT_TRUE(tag.open(QIODevice::WriteOnly | QIODevice::Truncate));
    tag.write("[{\"artifact_path\": ");
    tag.close();

    test::TempStore tmp;
    Store store(tmp.path());
    const ImportReport report = importPath(store, copy.path());
    ASSERT_EQ(report.runs.size(), 1u);
    EXPECT_EQ(report.runs[0].status, ImportOutcome::Status::Created);
    EXPECT_TRUE(importedCheckpoints(store, report).empty());
    EXPECT_TRUE(report.runs[0].warnings.join(QLatin1Char('\n')).contains(QStringLiteral("mlflow.log-model.history")))
        << report.runs[0].warnings.join(QLatin1Char('\n')).toStdString();
}
