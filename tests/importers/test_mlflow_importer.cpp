#include <cmath>

#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include "imported_run_probe.h"

#include "core/error.h"
#include "importers/mlflow_importer.h"
#include "importers/mlflow_metric_line.h"
#include "importers/test_writers.h"
#include "support/temp_store.h"

using forkscope::ImportedRun;
using forkscope::Json;

using forkscope::test::numberAt;
using forkscope::test::stepsWith;
using forkscope::test::value;

namespace {

void writeExperiment(const QString &root, const QString &id, const QString &name, bool deleted = false)
{
    forkscope::test::writeFile(root + QLatin1Char('/') + id + QStringLiteral("/meta.yaml"),
                               QStringLiteral("experiment_id: '%1'\nname: %2\nlifecycle_stage: %3\n")
                                   .arg(id, name, deleted ? QStringLiteral("deleted") : QStringLiteral("active"))
                                   .toStdString());
}

QString writeRun(const QString &root, const QString &exp, const QString &id, int status, bool deleted = false)
{
    const QString dir = root + QLatin1Char('/') + exp + QLatin1Char('/') + id;
    forkscope::test::writeFile(
        dir + QStringLiteral("/meta.yaml"),
        QStringLiteral("run_id: %1\nrun_name: meta-name\nexperiment_id: '%2'\nstatus: %3\n"
                       "start_time: 1000000\nend_time: 1005500\nlifecycle_stage: %4\nuser_id: me\n")
            .arg(id, exp)
            .arg(status)
            .arg(deleted ? QStringLiteral("deleted") : QStringLiteral("active"))
            .toStdString());
    return dir;
}

} // namespace

TEST(MlflowMetricLine, ThreeAndTwoFields)
{
    auto v = forkscope::parseMlflowMetricLine("1669891514905 0.9381327297912289 7");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->timestampMs, 1669891514905);
    EXPECT_DOUBLE_EQ(v->value, 0.9381327297912289);
    EXPECT_EQ(v->step, 7);
    v = forkscope::parseMlflowMetricLine("1669891514905 -1e-3\r");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->step, 0);
    EXPECT_DOUBLE_EQ(v->value, -1e-3);
    for (const char *s : {"1 nan 0", "1 NaN 0", "1 inf 0", "1 -inf 0", "1 Infinity 0"})
        EXPECT_TRUE(forkscope::parseMlflowMetricLine(s)) << s;
    EXPECT_TRUE(std::isnan(forkscope::parseMlflowMetricLine("1 nan 2")->value));
}

TEST(MlflowMetricLine, ErrorsSayWhatWasExpected)
{
    QString error;
    EXPECT_FALSE(forkscope::parseMlflowMetricLine("12", &error));
    EXPECT_TRUE(error.contains(QLatin1String("<timestamp_ms> <value> <step>"))) << error.toStdString();
    EXPECT_FALSE(forkscope::parseMlflowMetricLine("1 2 3 4", &error));
    EXPECT_FALSE(forkscope::parseMlflowMetricLine("x 2 3", &error));
    EXPECT_TRUE(error.contains(QLatin1String("timestamp")));
    EXPECT_FALSE(forkscope::parseMlflowMetricLine("1 abc 3", &error));
    EXPECT_TRUE(error.contains(QLatin1String("value \"abc\"")));
    EXPECT_FALSE(forkscope::parseMlflowMetricLine("1 2 3.5", &error));
    EXPECT_TRUE(error.contains(QLatin1String("step")));
    EXPECT_FALSE(forkscope::parseMlflowMetricLine("", &error));
}

TEST(MlflowFixture, LightGbmRun)
{
    const forkscope::ImportBatch batch =
        forkscope::importMlflowRoot(forkscope::test::fixturePath(QStringLiteral("mlflow/lightgbm-mlruns")));
    ASSERT_EQ(batch.runs.size(), 1u);
    EXPECT_EQ(batch.skippedRuns, 0);
    const ImportedRun &run = batch.runs[0];
    EXPECT_EQ(run.format, QLatin1String("mlflow"));
    EXPECT_EQ(run.runId, QLatin1String("12026047ea1b4d18b809871910343336"));
    EXPECT_EQ(run.name, QLatin1String("fun-turtle-168"));
    EXPECT_EQ(run.project, QLatin1String("Default"));
    EXPECT_EQ(run.state, QLatin1String("finished"));
    EXPECT_EQ(run.config.size(), 14u);
    EXPECT_EQ(run.config["objective"].get<std::string>().back() != '\n', true);
    EXPECT_EQ(run.metadata["tags"].size(), 5u);
    EXPECT_TRUE(run.metadata["tags"].contains("mlflow.log-model.history"));
    EXPECT_EQ(run.startTime, QDateTime::fromMSecsSinceEpoch(1669891514861LL, Qt::UTC));
    ASSERT_TRUE(run.runtimeSeconds.has_value());
    EXPECT_DOUBLE_EQ(*run.runtimeSeconds, (1669891517155.0 - 1669891514861.0) / 1000);
    ASSERT_EQ(run.rows.size(), 10u);
    for (qint64 i = 0; i < 10; ++i) {
        EXPECT_EQ(run.rows[size_t(i)].step, i);
        EXPECT_NE(value(run.rows[size_t(i)], "train-multi_logloss"), nullptr);
    }
    EXPECT_NE(value(run.rows[0], "accuracy"), nullptr);
    EXPECT_NE(value(run.rows[0], "log_loss"), nullptr);
    EXPECT_DOUBLE_EQ(numberAt(run.rows[0], "train-multi_logloss"), 0.9381327297912289);
    EXPECT_TRUE(run.warnings.isEmpty()) << run.warnings.join(QLatin1Char('\n')).toStdString();
}

TEST(MlflowGenerated, TwoFieldLinesSlashKeysParentAndDeletedRuns)
{
    QTemporaryDir tmp;
    const QString root = tmp.filePath(QStringLiteral("mlruns"));
    writeExperiment(root, QStringLiteral("0"), QStringLiteral("Default"));
    writeExperiment(root, QStringLiteral("1"), QStringLiteral("gone"), true);
    writeRun(root, QStringLiteral("1"), QStringLiteral("r_in_deleted_exp"), 3);
    const QString run = writeRun(root, QStringLiteral("0"), QStringLiteral("r1"), 5);
    writeRun(root, QStringLiteral("0"), QStringLiteral("r_deleted"), 3, true);
    forkscope::test::writeFile(root + QStringLiteral("/.trash/7/meta.yaml"), "experiment_id: '7'\nname: x\n");
    writeRun(root + QStringLiteral("/.trash"), QStringLiteral("7"), QStringLiteral("t1"), 3);
    forkscope::test::writeFile(root + QStringLiteral("/0/tags/experiment.tag"), "not a run"); // no meta.yaml

    forkscope::test::writeFile(run + QStringLiteral("/metrics/old"), "1000 0.5\n1001 0.25\n"); // 2 fields: step 0
    forkscope::test::writeFile(run + QStringLiteral("/metrics/train/loss"), "1000 1.0 0\n2000 0.5 1\n3000 nan 2\n");
    forkscope::test::writeFile(run + QStringLiteral("/metrics/with space"), "1000 3 0\ngarbage line\n");
    forkscope::test::writeFile(run + QStringLiteral("/params/model/depth"), "12");
    forkscope::test::writeFile(run + QStringLiteral("/params/lr"), "0.1");
    forkscope::test::writeFile(run + QStringLiteral("/tags/mlflow.runName"), "nice name");
    forkscope::test::writeFile(run + QStringLiteral("/tags/mlflow.parentRunId"), "parent123");
    forkscope::test::writeFile(run + QStringLiteral("/tags/mlflow.note.content"), "a note");
    forkscope::test::writeFile(run + QStringLiteral("/tags/team/owner"), "ml");

    const forkscope::ImportBatch batch = forkscope::importMlflowRoot(root);
    ASSERT_EQ(batch.runs.size(), 1u);
    EXPECT_EQ(batch.skippedRuns, 3); // deleted run, run of deleted experiment, run in .trash
    EXPECT_EQ(batch.warnings.size(), 3) << batch.warnings.join(QLatin1Char('\n')).toStdString();
    const ImportedRun &r = batch.runs[0];
    EXPECT_EQ(r.name, QLatin1String("nice name"));
    EXPECT_EQ(r.notes, QLatin1String("a note"));
    EXPECT_EQ(r.metadata["parentRunId"], "parent123");
    EXPECT_EQ(r.metadata["tags"]["team/owner"], "ml");
    EXPECT_EQ(r.metadata["mlflowStatus"], "KILLED");
    EXPECT_EQ(r.state, QLatin1String("failed"));
    EXPECT_EQ(r.config, (Json{{"lr", "0.1"}, {"model/depth", "12"}}));
    ASSERT_EQ(r.rows.size(), 3u);
    // Both step-0 lines are kept: steps 0 and 1 in the order written.
    EXPECT_EQ(numberAt(r.rows[0], "old"), 0.5);
    EXPECT_EQ(numberAt(r.rows[1], "old"), 0.25);
    EXPECT_EQ(numberAt(r.rows[1], "old/mlflow_step"), 0);
    EXPECT_EQ(numberAt(r.rows[1], "train/loss"), 0.5);
    EXPECT_TRUE(std::isnan(numberAt(r.rows[2], "train/loss")));
    EXPECT_EQ(numberAt(r.rows[0], "with space"), 3);
    EXPECT_DOUBLE_EQ(numberAt(r.rows[1], "_timestamp"), 2.0);
    EXPECT_EQ(r.skipped, 1);
    const QString warnings = r.warnings.join(QLatin1Char('\n'));
    EXPECT_TRUE(warnings.contains(QLatin1String("line 2"))) << warnings.toStdString();
    EXPECT_TRUE(warnings.contains(QLatin1String("several values share a step")));
    ASSERT_TRUE(r.runtimeSeconds.has_value());
    EXPECT_DOUBLE_EQ(*r.runtimeSeconds, 5.5);
}

TEST(MlflowGenerated, NotAnMlrunsFolder)
{
    QTemporaryDir tmp;
    EXPECT_FALSE(forkscope::isMlflowRoot(tmp.path()));
    try {
        forkscope::importMlflowRoot(tmp.path());
        FAIL();
    } catch (const forkscope::Error &e) {
        EXPECT_EQ(e.kind(), forkscope::Error::Kind::Format);
        EXPECT_TRUE(e.message().contains(QLatin1String("meta.yaml")));
    }
}

// MLflow allows several values at one step: a real mlruns/ folder logs 100
// values of `loss` all at step 0. Every one is kept, in the order written.
TEST(MlflowGenerated, SeveralValuesAtOneStepAreAllKept)
{
    QTemporaryDir tmp;
    const QString root = tmp.filePath(QStringLiteral("mlruns"));
    writeExperiment(root, QStringLiteral("0"), QStringLiteral("Default"));
    const QString run = writeRun(root, QStringLiteral("0"), QStringLiteral("r1"), 3);
    std::string lines;
    for (int i = 0; i < 100; ++i)
        lines += std::to_string(1000 + i) + " " + std::to_string(100 - i) + " 0\n";
    forkscope::test::writeFile(run + QStringLiteral("/metrics/loss"), lines);
    forkscope::test::writeFile(run + QStringLiteral("/metrics/acc"), "1000 0.1 0\n1001 0.2 5\n");

    const ImportedRun r = forkscope::importMlflowRun(run, QStringLiteral("Default"));
    std::vector<qint64> expected(100);
    for (qint64 i = 0; i < 100; ++i)
        expected[size_t(i)] = i;
    EXPECT_EQ(stepsWith(r, "loss"), expected);
    EXPECT_EQ(stepsWith(r, "loss/mlflow_step"), expected);
    for (size_t i = 0; i < r.rows.size(); ++i) {
        if (const Json *v = value(r.rows[i], "loss")) {
            EXPECT_EQ(v->get<double>(), double(100 - r.rows[i].step));
            EXPECT_EQ(numberAt(r.rows[i], "loss/mlflow_step"), 0);
        }
    }
    // A file without repeated steps keeps its own steps.
    EXPECT_EQ(stepsWith(r, "acc"), (std::vector<qint64>{0, 5}));
    EXPECT_TRUE(stepsWith(r, "acc/mlflow_step").empty());
    const QString warnings = r.warnings.join(QLatin1Char('\n'));
    EXPECT_TRUE(warnings.contains(QLatin1String("all 100 are kept at steps 0-99"))) << warnings.toStdString();
    EXPECT_TRUE(warnings.contains(QLatin1String("loss/mlflow_step")));
    EXPECT_EQ(r.skipped, 0);
}

// The real fixture with a value logged again at a step it already has, as
// MLflow allows: the file is renumbered, the other files keep their steps.
TEST(MlflowFixture, AValueLoggedAgainAtAStepIsKept)
{
    QTemporaryDir tmp;
    ASSERT_TRUE(
        forkscope::test::copyTree(forkscope::test::fixturePath(QStringLiteral("mlflow/lightgbm-mlruns")), tmp.path()));
    const QString metrics = tmp.path() + QStringLiteral("/0/12026047ea1b4d18b809871910343336/metrics/");
    QFile accuracy(metrics + QStringLiteral("accuracy"));
    ASSERT_TRUE(accuracy.open(QIODevice::Append));
    accuracy.write("1669891517099 0.5 0\n");
    accuracy.close();

    const forkscope::ImportBatch batch = forkscope::importMlflowRoot(tmp.path());
    ASSERT_EQ(batch.runs.size(), 1u);
    const ImportedRun &run = batch.runs[0];
    EXPECT_EQ(stepsWith(run, "accuracy"), (std::vector<qint64>{0, 1}));
    EXPECT_EQ(numberAt(run.rows[0], "accuracy"), 1.0);
    EXPECT_EQ(numberAt(run.rows[1], "accuracy"), 0.5);
    EXPECT_EQ(numberAt(run.rows[1], "accuracy/mlflow_step"), 0);
    EXPECT_EQ(stepsWith(run, "train-multi_logloss").size(), 10u);
    EXPECT_EQ(stepsWith(run, "log_loss"), (std::vector<qint64>{0}));
    ASSERT_EQ(run.warnings.size(), 1) << run.warnings.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(run.warnings[0].contains(QLatin1String("accuracy: several values share a step")));
}

// MLflow ends every line with a newline: a last line without one is being
// written (or was cut) and is not guessed at.
TEST(MlflowGenerated, ALastLineWithoutItsEndIsNotImported)
{
    QTemporaryDir tmp;
    const QString root = tmp.filePath(QStringLiteral("mlruns"));
    writeExperiment(root, QStringLiteral("0"), QStringLiteral("Default"));
    const QString run = writeRun(root, QStringLiteral("0"), QStringLiteral("r1"), 1);
    // Cut before its step, the last line would read as an old two-field line at step 0.
    forkscope::test::writeFile(run + QStringLiteral("/metrics/loss"), "1000 1.0 0\n1001 2.0 1\n1002 3.0");

    const ImportedRun r = forkscope::importMlflowRun(run, QStringLiteral("Default"));
    EXPECT_EQ(stepsWith(r, "loss"), (std::vector<qint64>{0, 1}));
    EXPECT_EQ(numberAt(r.rows[0], "loss"), 1.0);
    EXPECT_EQ(r.skipped, 1);
    ASSERT_EQ(r.tailWarnings.size(), 1);
    EXPECT_TRUE(r.warnings.contains(r.tailWarnings[0]));
    EXPECT_TRUE(r.tailWarnings[0].contains(QLatin1String("ends mid-line at byte 22 (line 3")))
        << r.tailWarnings[0].toStdString();
}
