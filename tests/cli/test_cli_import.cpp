// forkscope-cli import: the real binary on the real fixtures.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "cli/cli_runner.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

const char *const kCutRun = "run-20220429_201936-3ojed7lz";
const char *const kCleanRun = "run-20241201_230053-5zwrn21g";

const Json *runFrom(const Json &report, const std::string &sourceEnd)
{
    for (const Json &r : report.at("runs")) {
        const std::string source = r.at("source").get<std::string>();
        if (source.size() >= sourceEnd.size() &&
            source.compare(source.size() - sourceEnd.size(), sourceEnd.size(), sourceEnd) == 0)
            return &r;
    }
    return nullptr;
}

bool anyContains(const Json &list, const QString &text)
{
    for (const Json &w : list)
        if (QString::fromStdString(w.get<std::string>()).contains(text))
            return true;
    return false;
}

qint64 runCount(const TempStore &store, const QString &project)
{
    const auto r = runCli(store.path(), {"runs", "--project", project, "--entity", "e", "--json"});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    return r.exitCode == 0 ? qint64(r.json().at("runs").size()) : -1;
}

} // namespace

TEST(CliImport, WandbFolderReportsEveryRunAndTheCutFile)
{
    TempStore store;
    const auto r = runCli(store.path(), {"import", fixturePath("wandb"), "--project", "fx", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const Json report = r.json();
    EXPECT_EQ(report.at("format"), "wandb");
    ASSERT_EQ(report.at("runs").size(), 4u);
    for (const Json &run : report.at("runs")) {
        EXPECT_EQ(run.at("status"), "created");
        EXPECT_TRUE(run.at("error").is_null());
        EXPECT_TRUE(run.at("warnings").is_array());
        EXPECT_TRUE(QString::fromStdString(run.at("immutable_id").get<std::string>()).startsWith("fsr:"));
        EXPECT_TRUE(QString::fromStdString(run.at("path").get<std::string>()).contains("/fx/"));
    }
    EXPECT_TRUE(report.at("warnings").is_array());
    EXPECT_EQ(report.at("skipped_runs"), 0);
    EXPECT_EQ(report.at("forks_linked"), 0);

    const Json *cut = runFrom(report, kCutRun);
    ASSERT_TRUE(cut);
    EXPECT_EQ(cut->at("rows_added"), 862);
    EXPECT_EQ(cut->at("path").get<std::string>(), "adeeplearners/fx/3ojed7lz");
    // The file ends 7 bytes into a chunk header whose payload is missing: the
    // warning names where reading stopped.
    const qint64 size = QFileInfo(fixturePath("wandb/") + kCutRun + "/run-3ojed7lz.wandb").size();
    EXPECT_TRUE(anyContains(cut->at("warnings"), QString::number(size - 7))) << dumpJson(cut->at("warnings"));

    const Json *clean = runFrom(report, kCleanRun);
    ASSERT_TRUE(clean);
    EXPECT_EQ(clean->at("rows_added"), 10);
    EXPECT_EQ(runFrom(report, "run-20250412_190102-oxtz69dy")->at("rows_added"), 12);
    EXPECT_EQ(runFrom(report, "offline-run-20210216_154407-g9dvvkua")->at("rows_added"), 0);
}

TEST(CliImport, TensorBoardAndMlflowFolders)
{
    TempStore store;
    auto r = runCli(store.path(), {"import", fixturePath("tensorboard/keras-cvp"), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    Json report = r.json();
    EXPECT_EQ(report.at("format"), "tensorboard");
    ASSERT_EQ(report.at("runs").size(), 1u);
    EXPECT_EQ(report.at("runs")[0].at("status"), "created");
    EXPECT_EQ(report.at("runs")[0].at("rows_added"), 17);

    r = runCli(store.path(), {"import", fixturePath("mlflow/lightgbm-mlruns"), "--entity", "team", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    report = r.json();
    EXPECT_EQ(report.at("format"), "mlflow");
    ASSERT_EQ(report.at("runs").size(), 1u);
    const Json &run = report.at("runs")[0];
    EXPECT_EQ(run.at("status"), "created");
    EXPECT_EQ(run.at("rows_added"), 10);
    EXPECT_TRUE(QString::fromStdString(run.at("path").get<std::string>()).startsWith("team/"));

    // The imported run is a normal run: `show` finds it by its immutable ID.
    const auto show = runCli(store.path(), {"show", QString::fromStdString(run.at("immutable_id")), "--json"});
    ASSERT_EQ(show.exitCode, 0) << show.err.toStdString();
    EXPECT_EQ(show.json().at("path"), run.at("path"));
}

TEST(CliImport, ImportingAgainChangesNothing)
{
    TempStore store;
    auto first = runCli(store.path(), {"import", fixturePath("wandb"), "--project", "fx", "--entity", "e"});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_TRUE(first.out.contains("4 created, 0 updated, 0 unchanged, 0 failed")) << first.out.toStdString();
    EXPECT_TRUE(first.out.contains("STATUS")) << first.out.toStdString();
    EXPECT_EQ(runCount(store, "fx"), 4);

    const auto again =
        runCli(store.path(), {"import", fixturePath("wandb"), "--project", "fx", "--entity", "e", "--json"});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    const Json report = again.json();
    ASSERT_EQ(report.at("runs").size(), 4u);
    for (const Json &run : report.at("runs")) {
        EXPECT_EQ(run.at("status"), "unchanged");
        EXPECT_EQ(run.at("rows_added"), 0);
    }
    EXPECT_EQ(runCount(store, "fx"), 4);

    const auto text = runCli(store.path(), {"import", fixturePath("wandb"), "--project", "fx", "--entity", "e"});
    ASSERT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains("0 created, 0 updated, 4 unchanged, 0 failed")) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains("Nothing new")) << text.out.toStdString();
    EXPECT_EQ(runCount(store, "fx"), 4);
}

TEST(CliImport, UnusablePathsExitWithTwo)
{
    TempStore store;
    const QString missing = store.dir() + "/no-such-folder";
    auto r = runCli(store.path(), {"import", missing});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(missing)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("does not exist")) << r.err.toStdString();

    const QString empty = store.dir() + "/empty";
    ASSERT_TRUE(QDir().mkpath(empty));
    r = runCli(store.path(), {"import", empty, "--json"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.out.isEmpty());
    for (const char *expected : {"expected a W&B run folder", "wandb/", "TensorBoard", "mlruns/"})
        EXPECT_TRUE(r.err.contains(expected)) << expected << " in " << r.err.toStdString();

    r = runCli(store.path(), {"import"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("PATH")) << r.err.toStdString();
}

TEST(CliImport, ACorruptWandbFileImportsWhatIsWhole)
{
    TempStore store;
    const QString run = store.dir() + "/wandb/" + kCleanRun;
    ASSERT_TRUE(copyTree(fixturePath("wandb/") + kCleanRun, run));
    const QString file = run + "/run-5zwrn21g.wandb";
    QByteArray bytes = readFile(file);
    // The 6th of its 10 history rows is the chunk at byte 16681 (a FULL
    // chunk, 183 payload bytes): damage one byte of its payload.
    const qsizetype damagedChunk = 16681;
    ASSERT_EQ(bytes.size(), 38688);
    ASSERT_EQ(bytes[damagedChunk + 6], char(1));
    bytes[damagedChunk + 60] = char(bytes[damagedChunk + 60] ^ 0x5a);
    ASSERT_TRUE(QFile::remove(file));
    ASSERT_TRUE(writeFile(file, bytes));

    const auto r = runCli(store.path(), {"import", run, "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const Json report = r.json();
    ASSERT_EQ(report.at("runs").size(), 1u);
    const Json &out = report.at("runs")[0];
    EXPECT_EQ(out.at("status"), "created");
    EXPECT_EQ(out.at("rows_added"), 4); // the rows before the damage
    EXPECT_TRUE(anyContains(out.at("warnings"), QStringLiteral("byte %1").arg(damagedChunk)))
        << dumpJson(out.at("warnings"));

    const auto show = runCli(store.path(), {"show", QString::fromStdString(out.at("immutable_id")), "--json"});
    ASSERT_EQ(show.exitCode, 0);
    EXPECT_NE(show.json().at("state"), "finished");
}

TEST(CliImport, HelpListsTheCommand)
{
    TempStore store;
    auto r = runCli(store.path(), {"--help"});
    EXPECT_TRUE(r.out.contains("\n  import ")) << r.out.toStdString();
    r = runCli(store.path(), {"import", "--help"});
    EXPECT_EQ(r.exitCode, 0);
    for (const char *text : {"--project", "--entity", "--json", "mlruns/"})
        EXPECT_TRUE(r.out.contains(text)) << text;
}
