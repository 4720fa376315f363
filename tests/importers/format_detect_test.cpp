#include <QTemporaryDir>
#include <gtest/gtest.h>

#include "core/error.h"
#include "importers/format_detect.h"
#include "importers/test_writers.h"
#include "support/temp_store.h"

using fs::ImportFormat;

TEST(FormatDetect, Fixtures)
{
    const auto f = [](const char *p) { return fs::detectImportFormat(fs::test::fixturePath(QLatin1String(p))); };
    EXPECT_EQ(f("wandb/run-20241201_230053-5zwrn21g").format, ImportFormat::WandbRun);
    EXPECT_EQ(f("wandb/run-20241201_230053-5zwrn21g/run-5zwrn21g.wandb").format, ImportFormat::WandbRun);
    EXPECT_EQ(f("wandb").format, ImportFormat::WandbFolder);
    EXPECT_EQ(f("tensorboard/keras-cvp").format, ImportFormat::TensorBoard);
    EXPECT_EQ(f("tensorboard").format, ImportFormat::TensorBoard);
    EXPECT_EQ(f("mlflow/lightgbm-mlruns").format, ImportFormat::Mlflow);
    EXPECT_THROW(f("mlflow"), fs::Error); // a folder holding an mlruns root under another name
}

TEST(FormatDetect, ProjectFolderResolvesToItsWandbOrMlrunsSubfolder)
{
    QTemporaryDir tmp;
    // One record: a .wandb file of nothing but its header has nothing to import.
    fs::test::writeFile(tmp.filePath(QStringLiteral("proj/wandb/run-20240101_000000-x/run-x.wandb")),
                        fs::test::wandbLog({fs::test::runRecord("x", "proj", "name")}));
    const auto d = fs::detectImportFormat(tmp.filePath(QStringLiteral("proj")));
    EXPECT_EQ(d.format, ImportFormat::WandbFolder);
    EXPECT_TRUE(d.path.endsWith(QLatin1String("proj/wandb")));
    EXPECT_EQ(fs::importDetected(d).runs.size(), 1u);

    fs::test::writeFile(tmp.filePath(QStringLiteral("p2/mlruns/0/meta.yaml")), "experiment_id: '0'\nname: D\n");
    const auto m = fs::detectImportFormat(tmp.filePath(QStringLiteral("p2")));
    EXPECT_EQ(m.format, ImportFormat::Mlflow);
    EXPECT_TRUE(m.path.endsWith(QLatin1String("p2/mlruns")));
}

TEST(FormatDetect, ClearErrors)
{
    QTemporaryDir tmp;
    try {
        fs::detectImportFormat(tmp.path());
        FAIL();
    } catch (const fs::Error &e) {
        EXPECT_EQ(e.kind(), fs::Error::Kind::BadInput);
        for (const char *s : {"W&B run folder", "wandb/", "TensorBoard", "mlruns/"})
            EXPECT_TRUE(e.message().contains(QLatin1String(s))) << s;
    }
    try {
        fs::detectImportFormat(tmp.filePath(QStringLiteral("nope")));
        FAIL();
    } catch (const fs::Error &e) {
        EXPECT_EQ(e.kind(), fs::Error::Kind::NotFound);
    }
    fs::test::writeFile(tmp.filePath(QStringLiteral("notes.txt")), "hi");
    EXPECT_THROW(fs::detectImportFormat(tmp.filePath(QStringLiteral("notes.txt"))), fs::Error);
}
