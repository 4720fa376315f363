// forkscope-cli import --watch: a real process follows W&B, TensorBoard and
// MLflow files that the test grows while it runs.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <algorithm>
#include <csignal>
#include <gtest/gtest.h>

#include "cli/cli_runner.h"
#include "cli/growing_sources.h"
#include "cli/watch_process.h"
#include "store/store.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

constexpr int kArrivalMs = 2000; // the promise: new rows are in the store within 2 s

bool holdsSteps(Store &store, const QString &run, int rows)
{
    const auto series = seriesOf(store, run, "loss");
    if (int(series.size()) != rows)
        return false;
    for (int i = 0; i < rows; ++i)
        if (series[size_t(i)].first != i || series[size_t(i)].second != valueAt(i))
            return false;
    return true;
}

QString warningsIn(const std::vector<Json> &lines)
{
    QString out;
    for (const Json &line : lines) {
        if (line.contains("error"))
            out += QString::fromStdString(line["error"].get<std::string>()) + "\n";
        for (const Json &w : line.value("warnings", Json::array()))
            out += QString::fromStdString(w.get<std::string>()) + "\n";
        for (const Json &r : line.value("runs", Json::array()))
            for (const Json &w : r.value("warnings", Json::array()))
                out += QString::fromStdString(w.get<std::string>()) + "\n";
    }
    return out;
}

// The shared scenario: a run grows in bursts while a real watcher follows it,
// a record is left half-written and then completed, a second run appears,
// and `signal` stops the watcher.
void followGrowingRun(const QString &watchPath, GrowingFile &file, const QString &runName, const Content &content,
                      const std::function<void()> &addSecondRun, const QString &secondRunName, int signal)
{
    TempStore temp;
    Store store(temp.path());
    int rows = 3;
    file.growTo(content(rows, false));
    WatchProcess watch(temp.path(), watchPath);
    ASSERT_TRUE(watch.started());
    ASSERT_GE(waitForStore(
                  store, watch, [&](Store &s) { return holdsSteps(s, runName, rows); }, 60000),
              0)
        << "the first look imports what is there\n"
        << watch.errorText().toStdString();

    qint64 slowest = 0;
    for (int burst = 0; burst < 12; ++burst) {
        rows += 1 + burst % 4;
        file.growTo(content(rows, false));
        const qint64 ms = waitForStore(
            store, watch, [&](Store &s) { return holdsSteps(s, runName, rows); }, kArrivalMs);
        ASSERT_GE(ms, 0) << "rows up to " << rows << " did not arrive within 2 s";
        slowest = std::max(slowest, ms);
    }
    ::testing::Test::RecordProperty("slowest_arrival_ms", int(slowest));

    // Whole rows and half of the next record in one write: once the rows are
    // in, the watcher has read the file ending mid-record.
    ++rows;
    file.growTo(content(rows, true));
    ASSERT_GE(waitForStore(
                  store, watch, [&](Store &s) { return holdsSteps(s, runName, rows); }, kArrivalMs),
              0);
    for (const RunInfo &r : allRuns(store)) {
        if (r.name == runName) {
            EXPECT_NE(r.storedState, RunState::Crashed) << "a record being written is not damage";
        }
    }
    ++rows;
    file.growTo(content(rows, false));
    ASSERT_GE(waitForStore(
                  store, watch, [&](Store &s) { return holdsSteps(s, runName, rows); }, kArrivalMs),
              0)
        << "the completed record arrives, once";

    addSecondRun();
    ASSERT_GE(waitForStore(
                  store, watch, [&](Store &s) { return holdsSteps(s, secondRunName, 2); }, kArrivalMs),
              0)
        << "a new run folder is picked up";

    EXPECT_EQ(watch.stop(signal), 0) << watch.errorText().toStdString();
    EXPECT_EQ(warningsIn(watch.lines()), QString()) << "nothing here is damaged";
    EXPECT_EQ(integrityCheck(temp.path()), "ok");
    EXPECT_TRUE(holdsSteps(store, runName, rows)) << "no row lost or doubled";
    EXPECT_TRUE(holdsSteps(store, secondRunName, 2));
}

} // namespace

TEST(CliWatch, FollowsAGrowingWandbRunAndStopsOnSigterm)
{
    QTemporaryDir dir;
    const QString wandb = dir.filePath("wandb");
    GrowingFile file(wandb + "/run-20250101_000000-live1/run-live1.wandb");
    GrowingFile second(wandb + "/run-20250101_000100-live2/run-live2.wandb");
    followGrowingRun(
        wandb, file, "wandb-live1", [](int rows, bool half) { return wandbContent("live1", rows, half); },
        [&] { second.growTo(wandbContent("live2", 2, false)); }, "wandb-live2", SIGTERM);
}

TEST(CliWatch, FollowsAGrowingTensorBoardRunAndStopsOnSigint)
{
    QTemporaryDir dir;
    const QString logs = dir.filePath("logs");
    GrowingFile file(logs + "/train/events.out.tfevents.1700000000.host");
    GrowingFile second(logs + "/eval/events.out.tfevents.1700000100.host");
    followGrowingRun(
        logs, file, "train", tensorboardContent, [&] { second.growTo(tensorboardContent(2, false)); }, "eval", SIGINT);
}

TEST(CliWatch, FollowsAGrowingMlflowRunAndStopsOnSigterm)
{
    QTemporaryDir dir;
    const QString root = dir.filePath("mlruns");
    writeMlflowRun(root, "aaaa1111", "first");
    GrowingFile file(root + "/0/aaaa1111/metrics/loss");
    followGrowingRun(
        root, file, "first", mlflowContent,
        [&] {
            writeMlflowRun(root, "bbbb2222", "second");
            GrowingFile(root + "/0/bbbb2222/metrics/loss").growTo(mlflowContent(2, false));
        },
        "second", SIGTERM);
}

TEST(CliWatch, AnEmptyFolderIsWaitedForAndAMissingOneRefused)
{
    TempStore temp;
    QTemporaryDir dir;
    const auto missing = runCli(temp.path(), {"import", dir.filePath("nope"), "--watch"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains("does not exist")) << missing.err.toStdString();

    Store store(temp.path());
    WatchProcess watch(temp.path(), dir.path());
    ASSERT_TRUE(watch.started());
    // Training starts after the watcher: its first file appears later.
    GrowingFile file(dir.filePath("train/events.out.tfevents.1700000000.host"));
    file.growTo(tensorboardContent(4, false));
    EXPECT_GE(waitForStore(
                  store, watch, [](Store &s) { return holdsSteps(s, "train", 4); }, 30000),
              0)
        << watch.errorText().toStdString();
    EXPECT_EQ(watch.stop(SIGINT), 0);
}
