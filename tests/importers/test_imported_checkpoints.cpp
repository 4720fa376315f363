// Checkpoints taken from what importers read: MLflow logged models.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include "importers/store_import.h"
#include "importers/test_writers.h"
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

namespace {

// wandb_internal.ArtifactRecord of `type` with one manifest entry.
std::string artifactRecord(const std::string &type, const std::string &name, const std::string &entryPath,
                           const std::string &localPath, const std::string &ref, std::uint64_t size)
{
    test::ProtoWriter entry;
    entry.bytes(1, entryPath).varint(4, size);
    if (!ref.empty())
        entry.bytes(3, ref);
    if (!localPath.empty())
        entry.bytes(7, localPath);
    test::ProtoWriter manifest;
    manifest.varint(1, 1).message(4, entry);
    test::ProtoWriter artifact;
    artifact.bytes(4, type).bytes(5, name).bytes(6, "digest==").bytes(11, "latest").message(12, manifest);
    return test::ProtoWriter().message(8, artifact).data();
}

} // namespace

// A model artifact logged after step 4 is a checkpoint at step 4; code and
// job artifacts are not checkpoints.
TEST(ImportedCheckpoints, AWandbModelArtifactIsACheckpointAtTheStepItWasLoggedAfter)
{
    QTemporaryDir tmp;
    const QString weights = tmp.filePath(QStringLiteral("model.pt"));
    QFile file(weights);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("weights");
    file.close();
    std::vector<std::string> records = {test::runRecord("abc123", "proj", "my run")};
    for (int step = 0; step < 5; ++step)
        records.push_back(test::historyRecord({{"loss", "0.5"}, {"_step", std::to_string(step)}}));
    records.push_back(artifactRecord("code", "source-abc123", "train.py", "/tmp/staging/train.py", "", 100));
    records.push_back(artifactRecord("model", "mnist-cnn", "model.pt", weights.toStdString(), "", 7));
    for (int step = 5; step < 8; ++step)
        records.push_back(test::historyRecord({{"loss", "0.4"}, {"_step", std::to_string(step)}}));
    records.push_back(artifactRecord("model", "mnist-cnn", "model.pt", "", "s3://bucket/mnist/model.pt", 7));
    records.push_back(test::exitRecord(0, 10));
    const QString folder = tmp.filePath(QStringLiteral("run-20250101_000000-abc123"));
    ASSERT_TRUE(QDir().mkpath(folder));
    test::writeFile(folder + QStringLiteral("/run-abc123.wandb"), test::wandbLog(records));

    test::TempStore storeFile;
    Store store(storeFile.path());
    const ImportReport report = importPath(store, folder);
    ASSERT_EQ(report.runs.size(), 1u);
    EXPECT_TRUE(report.runs[0].warnings.isEmpty()) << report.runs[0].warnings.join(QLatin1Char('\n')).toStdString();
    const auto list = importedCheckpoints(store, report);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].step, 4);
    EXPECT_EQ(list[0].path, weights);
    EXPECT_EQ(list[0].size, 7);
    EXPECT_EQ(list[0].sha256,
              QString::fromLatin1(QCryptographicHash::hash("weights", QCryptographicHash::Sha256).toHex()));
    EXPECT_EQ(list[0].metadata["artifact"], "mnist-cnn");
    EXPECT_EQ(list[0].metadata["aliases"], Json({"latest"}));
    EXPECT_EQ(list[1].step, 7);
    EXPECT_EQ(list[1].path, QStringLiteral("s3://bucket/mnist/model.pt"));
    EXPECT_FALSE(list[1].size.has_value());
}
