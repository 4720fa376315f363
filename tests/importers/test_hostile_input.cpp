// Every importer under the same rules as `log` (issue 16): steps are whole
// numbers from 0 to 2^53 (refused per row, the rest imported), nesting past
// 512 levels is refused without a crash, and integers stay integers.
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include "imported_run_probe.h"

#include "core/error.h"
#include "importers/lenient_json.h"
#include "importers/mlflow_metric_line.h"
#include "importers/store_import.h"
#include "importers/tensorboard_importer.h"
#include "importers/test_writers.h"
#include "importers/wandb_importer.h"
#include "importers/yaml_json.h"
#include "store/store.h"
#include "support/temp_store.h"

using forkscope::ImportedRun;
using forkscope::Json;
using forkscope::test::stepsWith;
using forkscope::test::value;

namespace {

bool anyWarning(const ImportedRun &run, const QString &text)
{
    for (const QString &w : run.warnings)
        if (w.contains(text))
            return true;
    return false;
}

std::string nested(int depth)
{
    return std::string(size_t(depth), '[') + std::string(size_t(depth), ']');
}

} // namespace

TEST(ImportRules, WandbRecordsWithBadStepsAreSkippedOneByOne)
{
    const std::string file = forkscope::test::wandbLog({
        forkscope::test::historyRecord({{"a", "1"}, {"_step", "0"}}),
        forkscope::test::historyRecord({{"a", "2"}, {"_step", "1.5"}}),
        forkscope::test::historyRecord({{"a", "3"}, {"_step", "-1"}}),
        forkscope::test::historyRecord({{"a", "4"}}, std::int64_t(1) << 60), // HistoryStep.num only
        forkscope::test::historyRecord({{"a", "5"}, {"_step", "9223372036854775807"}}),
        forkscope::test::historyRecord({{"a", "6"}, {"_step", "2"}}),
    });
    const ImportedRun run = forkscope::importWandbLog(file, QStringLiteral("mem.wandb"));
    EXPECT_EQ(stepsWith(run, "a"), (std::vector<qint64>{0, 2}));
    EXPECT_EQ(run.skipped, 4);
    for (const char *step : {"step 1.5 is refused", "step -1 is refused", "step 1152921504606846976 is refused",
                             "step 9223372036854775807 is refused"})
        EXPECT_TRUE(anyWarning(run, QLatin1String(step))) << step << run.warnings.join('\n').toStdString();
    // Integers stay integers on the way to the store.
    EXPECT_TRUE(value(run.rows[0], "a")->is_number_integer());
}

TEST(ImportRules, TensorBoardEventsWithBadStepsAreSkipped)
{
    QTemporaryDir dir;
    std::string events = forkscope::test::tfRecord(forkscope::test::fileVersionEvent(1000));
    events += forkscope::test::tfRecord(forkscope::test::scalarEvent(1001, 0, "loss", 1.0f));
    events += forkscope::test::tfRecord(forkscope::test::scalarEvent(1002, -5, "loss", 2.0f));
    events += forkscope::test::tfRecord(forkscope::test::scalarEvent(1003, std::int64_t(1) << 62, "loss", 3.0f));
    events += forkscope::test::tfRecord(forkscope::test::scalarEvent(1004, 1, "loss", 4.0f));
    forkscope::test::writeFile(dir.filePath(QStringLiteral("events.out.tfevents.1.host")), events);
    const forkscope::ImportBatch batch = forkscope::importTensorBoardDir(dir.path());
    ASSERT_EQ(batch.runs.size(), 1u);
    const ImportedRun &run = batch.runs[0];
    EXPECT_EQ(stepsWith(run, "loss"), (std::vector<qint64>{0, 1}));
    EXPECT_TRUE(anyWarning(run, QStringLiteral("step -5 is refused"))) << run.warnings.join('\n').toStdString();
    EXPECT_TRUE(anyWarning(run, QStringLiteral("step 4611686018427387904 is refused")));
}

TEST(ImportRules, MlflowMetricLinesWithBadStepsSayWhy)
{
    QString error;
    for (const char *line : {"1 0.5 -1", "1 0.5 9007199254740993", "1 0.5 9223372036854775807"}) {
        EXPECT_FALSE(forkscope::parseMlflowMetricLine(line, &error)) << line;
        EXPECT_TRUE(error.contains(QStringLiteral("is refused; expected a whole number from 0 to 2^53")))
            << error.toStdString();
    }
    EXPECT_EQ(forkscope::parseMlflowMetricLine("1 0.5 9007199254740992")->step, 9007199254740992LL);
}

TEST(ImportRules, DeepNestingIsRefusedByEveryParser)
{
    QString problem;
    EXPECT_FALSE(forkscope::parseLenientJson(nested(75000), &problem));
    EXPECT_TRUE(problem.contains(QStringLiteral("nested more than 512 levels deep"))) << problem.toStdString();
    EXPECT_TRUE(forkscope::parseLenientJson(nested(512)));
    problem.clear();
    EXPECT_FALSE(forkscope::parseLenientJson(std::string("[1,\0 2]", 7), &problem));
    EXPECT_TRUE(problem.contains(QStringLiteral("NUL byte at byte 3")));

    std::string blockSequences;
    for (int i = 0; i < 600; ++i)
        blockSequences += "- ";
    for (const std::string &yaml : {"a: " + nested(600) + "\n", blockSequences + "x\n"}) {
        try {
            forkscope::yamlTextToJson(yaml, QStringLiteral("config.yaml"));
            ADD_FAILURE() << "accepted";
        } catch (const forkscope::Error &e) {
            EXPECT_EQ(e.kind(), forkscope::Error::Kind::Format);
            EXPECT_TRUE(e.message().contains(QStringLiteral("config.yaml is refused: nested more than 500 levels")))
                << e.message().toStdString();
        }
    }
    // Aliases nest without nesting in the text: only the conversion sees it.
    std::string chain = "l0: &l0 [x]\n";
    for (int i = 1; i <= 600; ++i)
        chain += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [*l" + std::to_string(i - 1) + "]\n";
    try {
        forkscope::yamlTextToJson(chain, QStringLiteral("config.yaml"));
        ADD_FAILURE() << "accepted";
    } catch (const forkscope::Error &e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("config.yaml is refused: arrays/objects nested more than 512")))
            << e.message().toStdString();
    }
    // Aliases repeating nodes would expand to 10^9 values.
    std::string laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'j'; ++c)
        laughs += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) +
                  ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" +
                  char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
    try {
        forkscope::yamlTextToJson(laughs, QStringLiteral("config.yaml"));
        ADD_FAILURE() << "accepted";
    } catch (const forkscope::Error &e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("expands to more than"))) << e.message().toStdString();
    }

    // .wandb: a deep history value and a summary key of 600 nested parts are
    // skipped with a warning; the records around them are imported.
    std::string manyParts = "k";
    for (int i = 0; i < 600; ++i)
        manyParts += ".k";
    const std::string file = forkscope::test::wandbLog({
        forkscope::test::historyRecord({{"a", "1"}, {"_step", "0"}}),
        forkscope::test::historyRecord({{"deep", nested(75000)}, {"a", "2"}, {"_step", "1"}}),
        forkscope::test::summaryRecord({{manyParts, "1"}}, true),
        forkscope::test::summaryRecord({{"s", "3"}}),
    });
    const ImportedRun run = forkscope::importWandbLog(file, QStringLiteral("mem.wandb"));
    EXPECT_EQ(stepsWith(run, "a"), (std::vector<qint64>{0, 1}));
    EXPECT_TRUE(stepsWith(run, "deep").empty());
    EXPECT_EQ(run.summary, (Json{{"s", 3}}));
    EXPECT_EQ(run.warnings.size(), 2) << run.warnings.join('\n').toStdString();
    EXPECT_TRUE(anyWarning(run, QStringLiteral("value of \"deep\" is not JSON (arrays/objects nested more than 512")));
    EXPECT_TRUE(anyWarning(run, QStringLiteral("summary record at byte")));
}

TEST(ImportRules, ImportedIntegersReadBackAsIntegers)
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("run-20240102_030405-ints"));
    forkscope::test::writeFile(
        folder + QStringLiteral("/run-ints.wandb"),
        forkscope::test::wandbLog({forkscope::test::runRecord("ints", "p", "n"),
                                   forkscope::test::historyRecord({{"epoch", "1"}, {"loss", "1.0"}, {"_step", "0"}}),
                                   forkscope::test::historyRecord({{"epoch", "2"}, {"loss", "0.5"}, {"_step", "1"}})}));
    forkscope::test::TempStore tmp;
    forkscope::Store store(tmp.path());
    const forkscope::ImportReport report = forkscope::importPath(store, folder);
    ASSERT_EQ(report.runs.size(), 1u);
    ASSERT_TRUE(report.runs[0].error.isEmpty()) << report.runs[0].error.toStdString();
    const forkscope::RunInfo run = store.resolve(report.runs[0].immutableId);
    std::vector<std::string> lines;
    store.forEachRow(run.key, {QStringLiteral("epoch"), QStringLiteral("loss")}, forkscope::History::Effective,
                     [&](qint64, const Json &row) { lines.push_back(forkscope::dumpJson(row)); });
    EXPECT_EQ(lines, (std::vector<std::string>{R"({"epoch":1,"loss":1.0})", R"({"epoch":2,"loss":0.5})"}));
    EXPECT_TRUE(store.runInfo(run.key).summary["epoch"].is_number_integer());
}
