#include <QTemporaryDir>
#include <gtest/gtest.h>

#include "core/error.h"
#include "importers/format_detect.h"
#include "importers/test_writers.h"
#include "support/temp_store.h"

using forkscope::ImportFormat;

TEST(FormatDetect, Fixtures)
{
    const auto f = [](const char *p) {
        return forkscope::detectImportFormat(forkscope::test::fixturePath(QLatin1String(p)));
    };
    EXPECT_EQ(f("wandb/run-20241201_230053-5zwrn21g").format, ImportFormat::WandbRun);
    EXPECT_EQ(f("wandb/run-20241201_230053-5zwrn21g/run-5zwrn21g.wandb").format, ImportFormat::WandbRun);
    EXPECT_EQ(f("wandb").format, ImportFormat::WandbFolder);
    EXPECT_EQ(f("tensorboard/keras-cvp").format, ImportFormat::TensorBoard);
    EXPECT_EQ(f("tensorboard").format, ImportFormat::TensorBoard);
    EXPECT_EQ(f("mlflow/lightgbm-mlruns").format, ImportFormat::Mlflow);
    EXPECT_THROW(f("mlflow"), forkscope::Error); // a folder holding an mlruns root under another name
}

TEST(FormatDetect, ProjectFolderResolvesToItsWandbOrMlrunsSubfolder)
{
    QTemporaryDir tmp;
    // One record: a .wandb file of nothing but its header has nothing to import.
    forkscope::test::writeFile(tmp.filePath(QStringLiteral("proj/wandb/run-20240101_000000-x/run-x.wandb")),
                               forkscope::test::wandbLog({forkscope::test::runRecord("x", "proj", "name")}));
    const auto d = forkscope::detectImportFormat(tmp.filePath(QStringLiteral("proj")));
    EXPECT_EQ(d.format, ImportFormat::WandbFolder);
    EXPECT_TRUE(d.path.endsWith(QLatin1String("proj/wandb")));
    EXPECT_EQ(forkscope::importDetected(d).runs.size(), 1u);

    forkscope::test::writeFile(tmp.filePath(QStringLiteral("p2/mlruns/0/meta.yaml")), "experiment_id: '0'\nname: D\n");
    const auto m = forkscope::detectImportFormat(tmp.filePath(QStringLiteral("p2")));
    EXPECT_EQ(m.format, ImportFormat::Mlflow);
    EXPECT_TRUE(m.path.endsWith(QLatin1String("p2/mlruns")));
}

TEST(FormatDetect, ClearErrors)
{
    QTemporaryDir tmp;
    try {
        forkscope::detectImportFormat(tmp.path());
        FAIL();
    } catch (const forkscope::Error &e) {
        EXPECT_EQ(e.kind(), forkscope::Error::Kind::BadInput);
        for (const char *s : {"W&B run folder", "wandb/", "TensorBoard", "mlruns/"})
            EXPECT_TRUE(e.message().contains(QLatin1String(s))) << s;
    }
    try {
        forkscope::detectImportFormat(tmp.filePath(QStringLiteral("nope")));
        FAIL();
    } catch (const forkscope::Error &e) {
        EXPECT_EQ(e.kind(), forkscope::Error::Kind::NotFound);
    }
    forkscope::test::writeFile(tmp.filePath(QStringLiteral("notes.txt")), "hi");
    EXPECT_THROW(forkscope::detectImportFormat(tmp.filePath(QStringLiteral("notes.txt"))), forkscope::Error);
}
