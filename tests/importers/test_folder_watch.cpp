// FolderWatch (models/watch) on growing W&B, TensorBoard and MLflow files:
// each poll reads only what the files gained since the last one, waits for a
// half-written record, and ends with the rows a one-shot import gives.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cstdio>
#include <gtest/gtest.h>

#include "cli/growing_sources.h"
#include "importers/store_import.h"
#include "store/store.h"
#include "support/store_runs.h"
#include "support/temp_store.h"
#include "watch/folder_watch.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

constexpr int kFirstRows = 4000; // the source is large next to what each poll appends

std::size_t pointsOf(Store &store, const QString &key)
{
    std::size_t n = 0;
    for (const RunInfo &r : allRuns(store))
        n += store.readSeries(r.key, key).size();
    return n;
}

qint64 chunksOf(Store &store, const QString &key)
{
    qint64 n = 0;
    for (const RunInfo &r : allRuns(store))
        n += qint64(store.chunkRefs(r.key, key, {}, History::Own).size());
    return n;
}

// Every run's rows as text (run name, step, the row's values), in store order.
std::string rowsOf(Store &store)
{
    std::string out;
    for (const RunInfo &r : allRuns(store)) {
        out += r.runId.toStdString() + ":\n";
        store.forEachRow(r.key, {}, History::Own, [&](qint64 step, const Json &row) {
            out += std::to_string(step) + " " + dumpJson(row) + "\n";
        });
    }
    return out;
}

std::string rowsOfOneShotImport(const QString &path)
{
    TempStore temp;
    Store store(temp.path());
    const ImportReport report = importPath(store, path);
    EXPECT_EQ(report.runs.size(), 1u);
    return rowsOf(store);
}

qint64 rowsAdded(const WatchPass &pass)
{
    qint64 n = 0;
    for (const ImportOutcome &r : pass.report.runs)
        n += r.rowsAdded;
    return n;
}

// What a pass reported as wrong (the note that an MLflow file with repeated
// steps is renumbered says what was done, not that something is wrong).
QStringList warningsOf(const WatchPass &pass)
{
    QStringList out = pass.report.warnings;
    for (const ImportOutcome &r : pass.report.runs)
        out += r.warnings;
    if (!pass.error.isEmpty())
        out << pass.error;
    out.removeIf([](const QString &w) { return w.contains(QLatin1String("/mlflow_step")); });
    return out;
}

// Grows `file` while a FolderWatch follows `watchPath`: every poll must read
// about what was appended (not the file), add exactly the new rows, wait for
// a half-written record, and end with the rows of a one-shot import.
void readsOnlyWhatWasAppended(const QString &watchPath, const QString &filePath, const Content &content)
{
    TempStore temp;
    Store store(temp.path());
    FolderWatch watch(watchPath);
    GrowingFile file(filePath);
    int rows = kFirstRows;
    file.growTo(content(rows, false));
    const WatchPass first = watch.poll(store);
    EXPECT_EQ(first.bytesRead, file.size()) << "the first look reads the whole file";
    EXPECT_EQ(rowsAdded(first), rows);
    EXPECT_EQ(warningsOf(first), QStringList());

    for (int burst = 1; burst <= 5; ++burst) {
        rows += burst;
        const qint64 appended = file.growTo(content(rows, false));
        const WatchPass pass = watch.poll(store);
        EXPECT_EQ(pass.bytesRead, appended)
            << "burst " << burst << ": only the appended bytes are read, not the " << file.size() << "-byte file";
        EXPECT_EQ(rowsAdded(pass), burst) << "burst " << burst;
        EXPECT_EQ(warningsOf(pass), QStringList());
    }

    // Half of the next record: read, waited for (not damage), nothing added.
    ++rows;
    const qint64 half = file.growTo(content(rows - 1, true));
    const WatchPass waiting = watch.poll(store);
    EXPECT_EQ(waiting.bytesRead, half);
    EXPECT_EQ(rowsAdded(waiting), 0);
    EXPECT_EQ(warningsOf(waiting), QStringList()) << "a record being written is not damage";
    for (const RunInfo &r : allRuns(store))
        EXPECT_NE(r.storedState, RunState::Crashed);

    // Its second half arrives: the record is read from its start, once.
    const qint64 rest = file.growTo(content(rows, false));
    const WatchPass completed = watch.poll(store);
    EXPECT_EQ(completed.bytesRead, half + rest);
    EXPECT_EQ(rowsAdded(completed), 1);

    EXPECT_EQ(watch.poll(store).bytesRead, 0) << "nothing changed, nothing read";
    EXPECT_EQ(rowsOf(store), rowsOfOneShotImport(watchPath)) << "the same rows as importing the finished files once";
}

} // namespace

TEST(FolderWatchReads, WandbLogFromTheLastWholeRecord)
{
    QTemporaryDir dir;
    const QString run = dir.filePath("wandb/run-20250101_000000-grow1");
    readsOnlyWhatWasAppended(run, run + "/run-grow1.wandb",
                             [](int rows, bool half) { return wandbContent("grow1", rows, half); });
}

TEST(FolderWatchReads, WandbHistoryJsonlFromTheLastLineEnd)
{
    QTemporaryDir dir;
    const QString run = dir.filePath("wandb/run-20200101_000000-old1");
    readsOnlyWhatWasAppended(run, run + "/wandb-history.jsonl", wandbHistoryJsonlContent);
}

TEST(FolderWatchReads, TensorBoardEventsFromTheLastWholeRecord)
{
    QTemporaryDir dir;
    const QString logs = dir.filePath("logs");
    readsOnlyWhatWasAppended(logs, logs + "/train/events.out.tfevents.1700000000.host", tensorboardContent);
}

TEST(FolderWatchReads, MlflowMetricFromTheLastLineEnd)
{
    QTemporaryDir dir;
    const QString root = dir.filePath("mlruns");
    writeMlflowRun(root, "cccc3333", "grown");
    readsOnlyWhatWasAppended(root, root + "/0/cccc3333/metrics/loss", mlflowContent);
}

TEST(FolderWatchReads, MlflowRepeatedStepsGoOnBeingNumberedAcrossReads)
{
    QTemporaryDir dir;
    const QString root = dir.filePath("mlruns");
    writeMlflowRun(root, "dddd4444", "repeated");
    readsOnlyWhatWasAppended(root, root + "/0/dddd4444/metrics/loss", mlflowRepeatedStepContent);
}

TEST(FolderWatchReads, MlflowFileThatStartsRepeatingLaterIsNumberedFromZero)
{
    // One value at step 0 first; every later one at step 0 too: the file is
    // renumbered once the repeat shows, and its numbering matches a one-shot import.
    QTemporaryDir dir;
    const QString root = dir.filePath("mlruns");
    writeMlflowRun(root, "eeee5555", "late");
    TempStore temp;
    Store store(temp.path());
    FolderWatch watch(root);
    GrowingFile file(root + "/0/eeee5555/metrics/loss");
    for (int rows : {1, 2, 5, 9}) {
        file.growTo(mlflowRepeatedStepContent(rows, false));
        const WatchPass pass = watch.poll(store);
        EXPECT_TRUE(pass.error.isEmpty()) << pass.error.toStdString();
    }
    EXPECT_EQ(pointsOf(store, "loss"), 9u);
    EXPECT_EQ(pointsOf(store, "loss/mlflow_step"), 9u);
    EXPECT_EQ(rowsOf(store), rowsOfOneShotImport(root));
}

TEST(FolderWatchReads, AReplacedFileIsReadAgainFromTheStartWithoutDuplicates)
{
    QTemporaryDir dir;
    const QString run = dir.filePath("wandb/run-20250101_000000-swap1");
    const QString path = run + "/run-swap1.wandb";
    TempStore temp;
    Store store(temp.path());
    FolderWatch watch(run);
    GrowingFile(path).growTo(wandbContent("swap1", 50, false));
    EXPECT_EQ(rowsAdded(watch.poll(store)), 50);

    // Written anew and renamed over the old one (another inode), with more rows.
    GrowingFile again(path + ".new");
    again.growTo(wandbContent("swap1", 60, false));
    ASSERT_EQ(std::rename(QFile::encodeName(path + ".new").constData(), QFile::encodeName(path).constData()), 0);
    const WatchPass pass = watch.poll(store);
    EXPECT_EQ(pass.bytesRead, again.size()) << "read from byte 0";
    EXPECT_EQ(rowsAdded(pass), 10) << "the rows stored already are not added twice";
    EXPECT_EQ(rowsOf(store), rowsOfOneShotImport(run));
}

TEST(FolderWatchReads, EachPassGoesOnFillingTheOpenChunk)
{
    QTemporaryDir dir;
    const QString run = dir.filePath("wandb/run-20250101_000000-chunk1");
    TempStore temp;
    Store store(temp.path());
    GrowingFile file(run + "/run-chunk1.wandb");
    FolderWatch watch(run);
    for (int rows = 10; rows <= 200; rows += 10) {
        file.growTo(wandbContent("chunk1", rows, false));
        EXPECT_EQ(rowsAdded(watch.poll(store)), 10);
    }
    // 200 points of `loss` fit one chunk: twenty passes do not leave twenty chunks.
    EXPECT_EQ(chunksOf(store, "loss"), 1);
    EXPECT_EQ(pointsOf(store, "loss"), 200u);
    EXPECT_EQ(rowsOf(store), rowsOfOneShotImport(run));
}
