// The seed example of fork-semantics.md ("The seed example, worked through")
// replayed through the real forkscope-cli.
#include <cmath>
#include <gtest/gtest.h>
#include <map>

#include "cli/cli_runner.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

std::map<qint64, Json> byStep(const std::vector<Json> &rows)
{
    std::map<qint64, Json> out;
    for (const auto &r : rows)
        out[r.at("_step").get<qint64>()] = r;
    return out;
}

std::vector<qint64> stepsWith(const std::map<qint64, Json> &rows, const char *key)
{
    std::vector<qint64> out;
    for (const auto &[step, row] : rows) {
        if (row.contains(key))
            out.push_back(step);
    }
    return out;
}

std::vector<qint64> range(qint64 first, qint64 last, qint64 stride = 1)
{
    std::vector<qint64> out;
    for (qint64 s = first; s <= last; s += stride)
        out.push_back(s);
    return out;
}

} // namespace

TEST(CliSeedExample, ForkStepsAreExactlyThoseTheSpecWorksOut)
{
    TempStore store;
    std::vector<Json> run1Lines;
    for (int i = 0; i < 300; ++i)
        run1Lines.push_back({{"metric", i}});
    const auto run1 =
        runCli(store.path(), {"log", "--project", "seed", "--id", "run1", "--json"}, jsonLinesText(run1Lines));
    ASSERT_EQ(run1.exitCode, 0) << run1.err.toStdString();
    EXPECT_EQ(run1.json().at("state"), "finished");

    const auto fork = runCli(store.path(), {"fork", "run1?_step=200", "--project", "seed", "--json"});
    ASSERT_EQ(fork.exitCode, 0) << fork.err.toStdString();
    const Json forkInfo = fork.json();
    EXPECT_EQ(forkInfo.at("state"), "pending");
    EXPECT_EQ(forkInfo.at("fork").at("source_id"), "run1");
    EXPECT_EQ(forkInfo.at("fork").at("step"), 200);
    const QString forkId = QString::fromStdString(forkInfo.at("immutable_id").get<std::string>());

    // The loop of the documentation: two log() calls per iteration.
    std::vector<Json> forkLines;
    for (int i = 200; i < 300; ++i) {
        forkLines.push_back({{"metric", i < 250 ? double(i) : i + 2 * std::sin(i / 3.0)}});
        forkLines.push_back({{"additional_metric", i * 1.1}});
    }
    const auto logged = runCli(store.path(), {"log", forkId}, jsonLinesText(forkLines));
    ASSERT_EQ(logged.exitCode, 0) << logged.err.toStdString();

    const QStringList keys = {"--keys", "metric,additional_metric"};
    const auto own = runCli(store.path(), QStringList{"history", forkId, "--own"} + keys);
    ASSERT_EQ(own.exitCode, 0) << own.err.toStdString();
    const auto ownRows = byStep(own.jsonLines());
    EXPECT_EQ(ownRows.begin()->first, 201);
    EXPECT_EQ(ownRows.rbegin()->first, 400);
    EXPECT_EQ(stepsWith(ownRows, "metric"), range(201, 399, 2));
    EXPECT_EQ(stepsWith(ownRows, "additional_metric"), range(202, 400, 2));
    for (const auto &[step, row] : ownRows)
        EXPECT_EQ(row.size(), 2u) << "one key per row at step " << step;
    // i = (step - 201) / 2 for metric rows; the wiggle starts at i = 250,
    // which is step 301.
    for (qint64 step = 201; step <= 399; step += 2) {
        const int i = int(200 + (step - 201) / 2);
        const double expected = i < 250 ? double(i) : i + 2 * std::sin(i / 3.0);
        EXPECT_DOUBLE_EQ(ownRows.at(step).at("metric").get<double>(), expected) << step;
        EXPECT_DOUBLE_EQ(ownRows.at(step + 1).at("additional_metric").get<double>(), i * 1.1) << step;
    }
    EXPECT_EQ(ownRows.at(299).at("metric").get<double>(), 249.0);
    EXPECT_NE(ownRows.at(301).at("metric").get<double>(), 250.0);

    const auto effective = runCli(store.path(), QStringList{"history", forkId} + keys);
    ASSERT_EQ(effective.exitCode, 0) << effective.err.toStdString();
    const auto rows = byStep(effective.jsonLines());
    EXPECT_EQ(rows.size(), 201u + 200u);
    for (qint64 s = 0; s <= 200; ++s) {
        ASSERT_TRUE(rows.count(s)) << s;
        EXPECT_EQ(rows.at(s), Json({{"_step", s}, {"metric", double(s)}})) << s;
    }
    for (const auto &[step, row] : ownRows)
        EXPECT_EQ(rows.at(step), row);

    // The source is not changed by forking it.
    const auto source = runCli(store.path(), {"history", "local/seed/run1", "--keys", "metric"});
    const auto sourceRows = byStep(source.jsonLines());
    EXPECT_EQ(sourceRows.size(), 300u);
    EXPECT_EQ(sourceRows.rbegin()->second.at("metric"), 299.0);
}

TEST(CliSeedExample, StepAtTheForkPointIsDroppedAndThePlainLogLandsOnNPlusOne)
{
    TempStore store;
    std::vector<Json> lines;
    for (int i = 0; i < 10; ++i)
        lines.push_back({{"metric", i}});
    ASSERT_EQ(runCli(store.path(), {"log", "--project", "p", "--id", "src"}, jsonLinesText(lines)).exitCode, 0);
    ASSERT_EQ(runCli(store.path(), {"fork", "src?_step=5", "--project", "p", "--id", "f"}).exitCode, 0);
    const auto r =
        runCli(store.path(), {"log", "f", "--project", "p"}, "{\"metric\": 100, \"_step\": 5}\n{\"metric\": 101}\n");
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("line 1")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("monoton")) << r.err.toStdString();
    const auto h = runCli(store.path(), {"history", "f", "--project", "p", "--own", "--keys", "metric"});
    EXPECT_EQ(h.jsonLines(), std::vector<Json>{Json({{"_step", 6}, {"metric", 101.0}})});
}
