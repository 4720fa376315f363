#include <cmath>
#include <numeric>
#include <set>

#include <QTemporaryDir>
#include <gtest/gtest.h>

#include "imported_run_probe.h"

#include "core/error.h"
#include "importers/leveldb_log_reader.h"
#include "importers/record_ends.h"
#include "importers/test_writers.h"
#include "importers/wandb_importer.h"
#include "importers/wandb_record_decoder.h"
#include "support/temp_store.h"

using forkscope::ImportedRun;
using forkscope::Json;

using forkscope::test::numberAt;
using forkscope::test::stepsWith;
using forkscope::test::value;

namespace {

ImportedRun importFixture(const char *folder)
{
    return forkscope::importWandbRun(forkscope::test::fixturePath(QStringLiteral("wandb/") + QLatin1String(folder)));
}

qint64 totalRecords(const ImportedRun &run)
{
    qint64 n = 0;
    for (const auto &[kind, count] : run.recordCounts)
        n += count;
    return n;
}

qint64 count(const ImportedRun &run, const char *kind)
{
    const auto it = run.recordCounts.find(QLatin1String(kind));
    return it == run.recordCounts.end() ? 0 : it->second;
}

std::vector<qint64> range(qint64 from, qint64 to)
{
    std::vector<qint64> v;
    for (qint64 i = from; i <= to; ++i)
        v.push_back(i);
    return v;
}

void expectAscendingUnique(const ImportedRun &run)
{
    for (std::size_t i = 1; i < run.rows.size(); ++i)
        ASSERT_LT(run.rows[i - 1].step, run.rows[i].step);
}

} // namespace

TEST(WandbFixtures, OfflineRunWithoutHistory)
{
    const ImportedRun run = importFixture("offline-run-20210216_154407-g9dvvkua");
    EXPECT_EQ(run.format, QLatin1String("wandb"));
    EXPECT_EQ(run.runId, QLatin1String("g9dvvkua"));
    EXPECT_EQ(totalRecords(run), 10);
    for (const char *kind :
         {"header", "run", "files", "artifact", "telemetry", "exit", "stats", "summary", "final", "footer"})
        EXPECT_EQ(count(run, kind), 1) << kind;
    EXPECT_TRUE(run.rows.empty());
    EXPECT_EQ(run.state, QLatin1String("finished"));
    ASSERT_TRUE(run.exitCode.has_value());
    EXPECT_EQ(*run.exitCode, 0);
    EXPECT_TRUE(run.warnings.isEmpty()) << run.warnings.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(run.startTime.isValid());
}

TEST(WandbFixtures, CutRunImportsWholeRowsAndReportsTheCut)
{
    const ImportedRun run = importFixture("run-20220429_201936-3ojed7lz");
    EXPECT_EQ(run.runId, QLatin1String("3ojed7lz"));
    // PROVENANCE's 1107 counts the cut record too: 1106 are whole.
    EXPECT_EQ(totalRecords(run), 1106);
    EXPECT_EQ(count(run, "history"), 862);
    EXPECT_EQ(count(run, "output"), 222);
    EXPECT_EQ(count(run, "stats"), 18);
    EXPECT_EQ(count(run, "exit"), 0);
    ASSERT_EQ(run.rows.size(), 862u);
    expectAscendingUnique(run);
    EXPECT_EQ(run.rows.front().step, 0);
    EXPECT_EQ(run.rows.back().step, 861);
    EXPECT_EQ(stepsWith(run, "Validation/accuracy"), range(0, 861));
    EXPECT_EQ(stepsWith(run, "Validation/step"), range(0, 861));
    for (const char *k : {"Training/loss", "Training/accuracy", "Training/step"})
        EXPECT_EQ(stepsWith(run, k), range(1, 861)) << k;
    EXPECT_EQ(stepsWith(run, "_runtime").size(), 862u);
    EXPECT_EQ(stepsWith(run, "_timestamp").size(), 862u);
    EXPECT_TRUE(stepsWith(run, "_step").empty()); // it is the row's step
    std::set<std::string> keys;
    for (const auto &row : run.rows)
        for (const auto &[k, v] : row.values) {
            keys.insert(k);
            ASSERT_TRUE(v.is_number()) << k;
            // Numbers as the SDK wrote them: the step counters as integers
            // (they stay integers), losses as floats; _runtime/_timestamp
            // are written either way.
            if (k == "Validation/step" || k == "Training/step") {
                EXPECT_TRUE(v.is_number_integer()) << k;
            } else if (k != "_runtime" && k != "_timestamp") {
                EXPECT_TRUE(v.is_number_float()) << k;
            }
        }
    EXPECT_EQ(keys, (std::set<std::string>{"Validation/accuracy", "Validation/step", "Training/loss",
                                           "Training/accuracy", "Training/step", "_runtime", "_timestamp"}));
    EXPECT_NE(run.state, QLatin1String("finished"));
    EXPECT_EQ(run.state, QLatin1String("crashed"));
    ASSERT_FALSE(run.warnings.isEmpty());
    EXPECT_TRUE(run.warnings.join(QLatin1Char('\n')).contains(QLatin1String("mid-record")));
    // files/: config.yaml ({desc, value} form), summary and metadata.
    EXPECT_EQ(run.config.value("Notes", ""), "Default Hyper Parameters, Swish activation.");
    EXPECT_FALSE(run.config.contains("wandb_version"));
    EXPECT_FALSE(run.config.contains("_wandb"));
    EXPECT_EQ(run.metadata["_wandb"]["cli_version"], "0.12.15");
    EXPECT_EQ(run.summary.value("_step", 0), 863);
    EXPECT_FALSE(run.host.isEmpty());
}

TEST(WandbFixtures, FinishedRunWithSpacesInKeys)
{
    const ImportedRun run = importFixture("run-20241201_230053-5zwrn21g");
    EXPECT_EQ(totalRecords(run), 151);
    EXPECT_EQ(count(run, "history"), 10);
    EXPECT_EQ(count(run, "output_raw"), 126); // PROVENANCE's "output": field 13, output_raw
    EXPECT_EQ(count(run, "stats"), 5);
    EXPECT_GE(count(run, "artifact"), 1);
    EXPECT_GE(count(run, "summary"), 1);
    for (const char *kind : {"exit", "final", "footer"})
        EXPECT_EQ(count(run, kind), 1) << kind;
    ASSERT_EQ(run.rows.size(), 10u);
    expectAscendingUnique(run);
    EXPECT_EQ(run.rows.front().step, 0); // no step on the wire for step 0
    EXPECT_EQ(run.rows.back().step, 9);
    for (const char *k : {"loss", "validation loss", "learning rate"})
        EXPECT_EQ(stepsWith(run, k), range(0, 9)) << k;
    EXPECT_EQ(run.state, QLatin1String("finished"));
    EXPECT_EQ(run.exitCode, 0);
    ASSERT_TRUE(run.runtimeSeconds.has_value());
    EXPECT_GT(*run.runtimeSeconds, 100);
    EXPECT_TRUE(run.warnings.isEmpty()) << run.warnings.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(run.config.value("grid", ""), "equiangular");
    EXPECT_EQ(run.config["img_size"], Json::array({256, 512}));
    EXPECT_EQ(run.metadata["git"]["commit"], "663bea1f9fc8be933e8716e7046c2a7f0b4b62f3");
    EXPECT_EQ(run.host, QLatin1String("eu-g6-060"));
    EXPECT_DOUBLE_EQ(run.summary.value("learning rate", 0.0), 0.003);
}

TEST(WandbFixtures, GoCoreRunWithNestedKeys)
{
    const ImportedRun run = importFixture("run-20250412_190102-oxtz69dy");
    EXPECT_EQ(totalRecords(run), 1830);
    EXPECT_EQ(count(run, "history"), 12);
    EXPECT_EQ(count(run, "summary"), 30);
    EXPECT_EQ(count(run, "metric"), 10);
    EXPECT_EQ(count(run, "config"), 2);
    EXPECT_EQ(count(run, "stats"), 240);
    EXPECT_EQ(count(run, "output_raw"), 1523);
    EXPECT_EQ(count(run, "exit"), 1);
    EXPECT_EQ(count(run, "final"), 0);
    EXPECT_EQ(count(run, "footer"), 0);
    ASSERT_EQ(run.rows.size(), 12u);
    expectAscendingUnique(run);
    EXPECT_EQ(run.rows.front().step, 0);
    EXPECT_EQ(run.rows.back().step, 11);
    for (const char *k : {"train/epoch", "train/global_step"})
        EXPECT_EQ(stepsWith(run, k).size(), 12u) << k;
    for (const char *k : {"train/loss", "train/grad_norm", "train/learning_rate"}) {
        const auto s = stepsWith(run, k);
        ASSERT_EQ(s.size(), 8u) << k;
        EXPECT_EQ(s.front(), 0);
        EXPECT_EQ(s.back(), 9);
    }
    for (const char *k : {"eval/loss", "eval/runtime", "eval/samples_per_second", "eval/steps_per_second"}) {
        const auto s = stepsWith(run, k);
        ASSERT_EQ(s.size(), 3u) << k;
        EXPECT_EQ(s.front(), 2);
        EXPECT_EQ(s.back(), 10);
    }
    EXPECT_EQ(run.state, QLatin1String("finished"));
    EXPECT_TRUE(run.warnings.isEmpty()) << run.warnings.join(QLatin1Char('\n')).toStdString();
    // Nested summary keys land nested, as in wandb-summary.json.
    EXPECT_TRUE(run.summary["_wandb"].contains("runtime"));
    EXPECT_EQ(run.config.value("_name_or_path", ""), "Qwen/Qwen2.5-0.5B"); // {value} form
    EXPECT_EQ(run.metadata["_wandb"]["cli_version"], "0.19.9");
}

TEST(WandbFolder, FindsAndImportsEveryFixtureRun)
{
    const QString dir = forkscope::test::fixturePath(QStringLiteral("wandb"));
    const QStringList folders = forkscope::findWandbRunFolders(dir);
    ASSERT_EQ(folders.size(), 4);
    const forkscope::ImportBatch batch = forkscope::importWandbFolder(dir);
    EXPECT_EQ(batch.runs.size(), 4u);
    EXPECT_EQ(batch.skippedRuns, 0);
}

namespace {

struct GeneratedRun {
    QTemporaryDir dir;
    QString folder;
    GeneratedRun(const std::vector<std::string> &records, const std::string &id = "abc123")
    {
        folder = dir.filePath(QStringLiteral("run-20240102_030405-") + QString::fromStdString(id));
        forkscope::test::writeFile(folder + QStringLiteral("/run-") + QString::fromStdString(id) +
                                       QStringLiteral(".wandb"),
                                   forkscope::test::wandbLog(records));
    }
};

} // namespace

TEST(WandbGenerated, RecordsSpanningBlocksAndBothKeyForms)
{
    std::vector<std::string> records = {forkscope::test::runRecord("abc123", "proj", "my run")};
    // A history record far larger than a block (FIRST/MIDDLE/LAST chunks).
    std::vector<forkscope::test::Item> many;
    for (int i = 0; i < 3000; ++i)
        many.push_back({"metric_" + std::to_string(i), std::to_string(i) + ".5"});
    many.push_back({"_step", "0"});
    records.push_back(forkscope::test::historyRecord(many));
    records.push_back(forkscope::test::historyRecord({{"a.b", "1"}, {"_step", "1"}}, 1, true));       // nested_key
    records.push_back(forkscope::test::historyRecord({{"key with spaces", "2"}, {"x/y", "NaN"}}, 2)); // step.num only
    records.push_back(
        forkscope::test::historyRecord({{"inf", "-Infinity"}, {"obj", "{\"v\": NaN, \"s\": \"NaN\"}"}}, 3));
    records.push_back(forkscope::test::exitRecord(1, 42));
    GeneratedRun g(records);
    ASSERT_GT(forkscope::test::wandbLog(records).size(), 65536u);
    const ImportedRun run = forkscope::importWandbRun(g.folder);
    EXPECT_EQ(run.runId, QLatin1String("abc123"));
    EXPECT_EQ(run.project, QLatin1String("proj"));
    EXPECT_EQ(run.name, QLatin1String("my run"));
    ASSERT_EQ(run.rows.size(), 4u);
    EXPECT_EQ(run.rows[0].values.size(), 3000u);
    EXPECT_DOUBLE_EQ(numberAt(run.rows[0], "metric_2999"), 2999.5);
    EXPECT_EQ(run.rows[1].step, 1);
    ASSERT_TRUE(value(run.rows[1], "a.b"));
    EXPECT_EQ(run.rows[2].step, 2);
    EXPECT_DOUBLE_EQ(numberAt(run.rows[2], "key with spaces"), 2.0);
    EXPECT_TRUE(std::isnan(numberAt(run.rows[2], "x/y")));
    EXPECT_EQ(numberAt(run.rows[3], "inf"), -INFINITY);
    EXPECT_TRUE(std::isnan((*value(run.rows[3], "obj"))["v"].get<double>()));
    EXPECT_EQ((*value(run.rows[3], "obj"))["s"], "NaN"); // a real string stays one
    EXPECT_EQ(run.state, QLatin1String("failed"));
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.runtimeSeconds, 42.0);
    EXPECT_EQ(run.startTime, QDateTime::fromMSecsSinceEpoch(1700000000500LL, Qt::UTC));
}

TEST(WandbGenerated, SummaryUpdatesConfigRecordsAndRemovals)
{
    GeneratedRun g({forkscope::test::runRecord("abc123", "p", "n"),
                    forkscope::test::configRecord({{"lr", "0.1"}, {"_wandb", "{\"cli_version\": \"9\"}"}}),
                    forkscope::test::summaryRecord({{"loss", "1.0"}, {"_wandb.runtime", "5"}}, true),
                    forkscope::test::summaryRecord({{"loss", "0.5"}}),
                    forkscope::test::historyRecord({{"loss", "0.5"}, {"_runtime", "7.5"}, {"_step", "0"}})});
    const ImportedRun run = forkscope::importWandbRun(g.folder);
    EXPECT_EQ(run.config, (Json{{"lr", 0.1}}));
    EXPECT_EQ(run.metadata["_wandb"]["cli_version"], "9");
    EXPECT_EQ(run.summary["loss"], 0.5);
    EXPECT_EQ(run.summary["_wandb"]["runtime"], 5);
    EXPECT_EQ(run.state, QLatin1String("running")); // clean end, no exit record
    EXPECT_EQ(run.runtimeSeconds, 5.0);
}

TEST(WandbGenerated, ForkAndRewind)
{
    {
        GeneratedRun g({forkscope::test::runRecord("child", "p", "n", "parent", 120, "_step")}, "child");
        const ImportedRun run = forkscope::importWandbRun(g.folder);
        ASSERT_TRUE(run.branch.has_value());
        EXPECT_EQ(run.branch->run, QLatin1String("parent"));
        EXPECT_EQ(run.branch->metric, QLatin1String("_step"));
        EXPECT_EQ(run.branch->value, 120);
        EXPECT_FALSE(run.branch->rewind);
    }
    {
        GeneratedRun g({forkscope::test::runRecord("self", "p", "n", "self", 50, "_step")}, "self");
        const ImportedRun run = forkscope::importWandbRun(g.folder);
        ASSERT_TRUE(run.branch.has_value());
        EXPECT_TRUE(run.branch->rewind);
    }
}

TEST(WandbGenerated, BadRecordsAreSkippedNotFatal)
{
    std::vector<std::string> records = {std::string("\x12\x05"
                                                    "ab",
                                                    4), // history field runs past the record
                                        forkscope::test::historyRecord({{"k", "not json"}, {"_step", "0"}}),
                                        forkscope::test::historyRecord({{"k", "1"}, {"_step", "1"}})};
    GeneratedRun g(records);
    const ImportedRun run = forkscope::importWandbRun(g.folder);
    ASSERT_EQ(run.rows.size(), 2u);
    EXPECT_TRUE(run.rows[0].values.empty());
    EXPECT_EQ(run.skipped, 2);
    EXPECT_EQ(run.warnings.size(), 2);
    EXPECT_TRUE(run.warnings[0].contains(QLatin1String("byte 7"))) << run.warnings[0].toStdString();
}

TEST(WandbGenerated, BadChecksumKeepsEarlierRecordsAndMarksCrashed)
{
    std::string file = forkscope::test::wandbLog({forkscope::test::historyRecord({{"k", "1"}, {"_step", "0"}}),
                                                  forkscope::test::historyRecord({{"k", "2"}, {"_step", "1"}})});
    file[file.size() - 2] ^= 1;
    const ImportedRun run = forkscope::importWandbLog(file, QStringLiteral("mem.wandb"));
    EXPECT_EQ(run.rows.size(), 1u);
    EXPECT_EQ(run.state, QLatin1String("crashed"));
    ASSERT_EQ(run.warnings.size(), 1);
    EXPECT_TRUE(run.warnings[0].contains(QLatin1String("checksum")));
}

TEST(WandbGenerated, WrongMagicThrowsFormatError)
{
    try {
        forkscope::importWandbLog("not a wandb file", QStringLiteral("x.wandb"));
        FAIL();
    } catch (const forkscope::Error &e) {
        EXPECT_EQ(e.kind(), forkscope::Error::Kind::Format);
        EXPECT_TRUE(e.message().contains(QLatin1String("x.wandb")));
        EXPECT_TRUE(e.message().contains(QLatin1String(":W&B")));
    }
}

namespace {

// A run's rows as comparable text: step, then key=value in order.
std::vector<std::string> rowsText(const ImportedRun &run)
{
    std::vector<std::string> out;
    for (const auto &row : run.rows) {
        std::string line = std::to_string(row.step);
        for (const auto &[key, v] : row.values)
            line += ' ' + key + '=' + forkscope::dumpJson(v);
        out.push_back(std::move(line));
    }
    return out;
}

// Imports every prefix length in `lengths` of a real .wandb file and requires
// exactly the rows of its first k whole records (k from the record end
// offsets), as the record decoder makes them from the whole file's records.
void checkImportedPrefixes(const std::string &file, const std::vector<std::size_t> &lengths)
{
    std::vector<std::string> records;
    std::vector<qint64> offsets;
    forkscope::LevelDbLogReader reader(file);
    std::string_view record;
    qint64 offset = 0;
    while (reader.next(record, &offset)) {
        records.emplace_back(record);
        offsets.push_back(offset);
    }
    const auto ends = forkscope::test::wandbRecordEnds(file);
    ASSERT_EQ(ends.size(), records.size());
    // The lengths ascend, so one decoder is fed record by record; the rows of
    // the first k records are its rows then, ordered as finish() orders them.
    ImportedRun decoded;
    forkscope::WandbRecordDecoder decoder(decoded);
    std::size_t fed = 0;
    std::optional<std::size_t> expectedFor;
    std::vector<std::string> expected;
    const auto rowsOfFirst = [&](std::size_t k) -> const std::vector<std::string> & {
        EXPECT_GE(k, fed) << "lengths must ascend";
        if (expectedFor != k) {
            for (; fed < k; ++fed)
                decoder.addRecord(records[fed], offsets[fed]);
            ImportedRun ordered;
            ordered.rows = decoded.rows;
            forkscope::sortAndMergeRows(ordered.rows);
            expected = rowsText(ordered);
            expectedFor = k;
        }
        return expected;
    };
    for (const std::size_t n : lengths) {
        const std::size_t k = forkscope::test::wholeRecordsIn(ends, n);
        const std::string_view prefix = std::string_view(file).substr(0, n);
        if (k == 0) { // nothing readable: an error, never an empty run
            ASSERT_THROW(forkscope::importWandbLog(prefix, QStringLiteral("prefix")), forkscope::Error) << n;
            continue;
        }
        const ImportedRun run = forkscope::importWandbLog(prefix, QStringLiteral("prefix"));
        ASSERT_EQ(rowsText(run), rowsOfFirst(k)) << "prefix " << n << " holds " << k << " whole records";
        if (!run.recordCounts.count(QStringLiteral("exit"))) {
            ASSERT_NE(run.state, QLatin1String("finished")) << n;
        }
    }
}

} // namespace

TEST(WandbGenerated, ImportingEveryPrefixOfARealFileGivesTheRowsOfItsWholeRecords)
{
    const std::string file = forkscope::test::readFile(
        forkscope::test::fixturePath(QStringLiteral("wandb/run-20241201_230053-5zwrn21g/run-5zwrn21g.wandb")));
    std::vector<std::size_t> every(file.size() + 1);
    std::iota(every.begin(), every.end(), std::size_t(0));
    checkImportedPrefixes(file, every);
    EXPECT_EQ(rowsText(forkscope::importWandbLog(file, QStringLiteral("whole"))).size(), 10u);
}

TEST(WandbGenerated, ImportingTheBigRealFileCutAtEveryRecordEndAndOneByteEitherSide)
{
    const std::string file = forkscope::test::readFile(
        forkscope::test::fixturePath(QStringLiteral("wandb/run-20220429_201936-3ojed7lz/run-3ojed7lz.wandb")));
    std::vector<std::size_t> lengths;
    for (const std::size_t end : forkscope::test::wandbRecordEnds(file))
        for (std::size_t n = end - 1; n <= std::min(end + 1, file.size()); ++n)
            lengths.push_back(n);
    ASSERT_GT(lengths.size(), 3000u);
    checkImportedPrefixes(file, lengths);
}

TEST(WandbLegacy, Sdk09HistoryJsonl)
{
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("run-20200101_120000-old09"));
    forkscope::test::writeFile(
        run + QStringLiteral("/wandb-history.jsonl"),
        "{\"_step\": 0, \"_runtime\": 1.5, \"_timestamp\": 1577880000, \"acc\": 0.5}\n"
        "{\"_step\": 1, \"_runtime\": 2.5, \"_timestamp\": 1577880001, \"acc\": NaN, \"loss k\": 3}\n"
        "{\"_step\": 2, \"acc\": 0.");
    forkscope::test::writeFile(run + QStringLiteral("/config.yaml"),
                               "wandb_version: 1\nlr:\n  desc: null\n  value: 0.01\nname:\n  value: '007'\n");
    forkscope::test::writeFile(run + QStringLiteral("/wandb-summary.json"), "{\"acc\": 0.75}");
    forkscope::test::writeFile(run + QStringLiteral("/wandb-metadata.json"),
                               "{\"host\": \"box\", \"state\": \"finished\", \"exitcode\": 0, \"startedAt\": "
                               "\"2020-01-01T12:00:00.123456\"}");
    EXPECT_TRUE(forkscope::isWandbRunFolder(run));
    const ImportedRun r = forkscope::importWandbRun(run);
    EXPECT_EQ(r.runId, QLatin1String("old09"));
    ASSERT_EQ(r.rows.size(), 2u);
    EXPECT_EQ(r.rows[1].step, 1);
    EXPECT_TRUE(std::isnan(numberAt(r.rows[1], "acc")));
    EXPECT_DOUBLE_EQ(numberAt(r.rows[1], "loss k"), 3.0);
    EXPECT_EQ(r.config, (Json{{"lr", 0.01}, {"name", "007"}}));
    EXPECT_EQ(r.summary["acc"], 0.75);
    EXPECT_EQ(r.host, QLatin1String("box"));
    EXPECT_EQ(r.state, QLatin1String("finished"));
    EXPECT_EQ(r.startTime, QDateTime(QDate(2020, 1, 1), QTime(12, 0, 0, 123), Qt::UTC));
    ASSERT_EQ(r.warnings.size(), 1);
    EXPECT_TRUE(r.warnings[0].contains(QLatin1String("line 3")));
    EXPECT_EQ(r.runtimeSeconds, 2.5);
}

TEST(WandbErrors, NotARunFolder)
{
    QTemporaryDir dir;
    EXPECT_THROW(forkscope::importWandbRun(dir.path()), forkscope::Error);
    EXPECT_THROW(forkscope::importWandbRun(dir.filePath(QStringLiteral("missing"))), forkscope::Error);
    EXPECT_FALSE(forkscope::isWandbRunFolder(dir.path()));
}
