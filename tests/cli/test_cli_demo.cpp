// `demo`: the project a newcomer sees first.
#include <gtest/gtest.h>
#include <map>

#include "cli/cli_runner.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

TEST(CliDemo, CreatesTheSeedExampleATrainingRunAndAForkOfAFork)
{
    TempStore store;
    const auto demo = runCli(store.path(), {"demo", "--json"});
    ASSERT_EQ(demo.exitCode, 0) << demo.err.toStdString();
    const Json out = demo.json();
    EXPECT_EQ(out.at("project"), "fork-demo");
    const Json runs = out.at("runs");
    ASSERT_EQ(runs.size(), 5u);
    std::map<std::string, Json> byName;
    for (const auto &r : runs) {
        byName[r.at("name").get<std::string>()] = r;
        EXPECT_EQ(r.at("state"), "finished");
    }

    const Json run1 = byName.at("run1");
    const Json run2 = byName.at("run2");
    EXPECT_EQ(run1.at("last_step"), 299);
    EXPECT_EQ(run2.at("fork").at("source"), run1.at("immutable_id"));
    EXPECT_EQ(run2.at("fork").at("step"), 200);
    EXPECT_EQ(run2.at("last_step"), 400);
    const QString run2Path = QString::fromStdString(run2.at("path").get<std::string>());
    const auto own = runCli(store.path(), {"history", run2Path, "--own", "--keys", "metric"});
    const auto ownRows = own.jsonLines();
    ASSERT_EQ(ownRows.size(), 100u);
    EXPECT_EQ(ownRows.front().at("_step"), 201);
    EXPECT_EQ(ownRows.back().at("_step"), 399);
    const auto extra = runCli(store.path(), {"history", run2Path, "--keys", "additional_metric"}).jsonLines();
    ASSERT_EQ(extra.size(), 100u);
    EXPECT_EQ(extra.front().at("_step"), 202);
    EXPECT_EQ(extra.back().at("_step"), 400);

    // The training run, a fork of it, and a fork of that fork.
    int forksOfForks = 0;
    for (const auto &[name, r] : byName) {
        if (name == "run1" || name == "run2")
            continue;
        EXPECT_EQ(r.at("last_step"), 99999) << name;
        if (r.at("fork").is_null())
            continue;
        for (const auto &[otherName, other] : byName) {
            if (other.at("immutable_id") == r.at("fork").at("source") && !other.at("fork").is_null())
                ++forksOfForks;
        }
    }
    EXPECT_EQ(forksOfForks, 1);

    const auto baseline = byName.at("resnet50-baseline");
    const QString basePath = QString::fromStdString(baseline.at("path").get<std::string>());
    const auto show = runCli(store.path(), {"show", basePath, "--json"}).json();
    for (const char *key : {"train/loss", "train/accuracy", "lr", "grad_norm", "eval/loss", "eval/accuracy"})
        EXPECT_TRUE(show.at("summary").contains(key)) << key;
    const auto evals = runCli(store.path(), {"history", basePath, "--keys", "eval/loss"}).jsonLines();
    EXPECT_EQ(evals.size(), 100u); // every 1000 steps

    // Checkpoint marks every 10 000 steps; the fork at 60 000 resumes from one
    // and then saves its own.
    const auto baseCheckpoints = runCli(store.path(), {"checkpoints", basePath, "--json"}).json().at("checkpoints");
    ASSERT_EQ(baseCheckpoints.size(), 9u);
    EXPECT_EQ(baseCheckpoints.front().at("step"), 10000);
    EXPECT_EQ(baseCheckpoints.back().at("step"), 90000);
    EXPECT_TRUE(baseCheckpoints.front().at("path").get<std::string>().starts_with("demo://fork-demo/"));
    EXPECT_EQ(baseCheckpoints.front().at("exists"), true); // a demo:// URI, not a missing file
    const auto fork = byName.at("lr-drop-at-60k");
    const auto forkCheckpoints =
        runCli(store.path(), {"checkpoints", QString::fromStdString(fork.at("path").get<std::string>()), "--json"})
            .json()
            .at("checkpoints");
    std::vector<std::pair<qint64, std::string>> seen;
    for (const auto &c : forkCheckpoints)
        seen.emplace_back(c.at("step").get<qint64>(), c.at("run").get<std::string>());
    ASSERT_EQ(seen.size(), 9u);
    EXPECT_EQ(seen[5], (std::pair<qint64, std::string>{60000, baseline.at("path").get<std::string>()}));
    EXPECT_EQ(seen[6], (std::pair<qint64, std::string>{70000, fork.at("path").get<std::string>()}));

    const auto again = runCli(store.path(), {"demo"});
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_TRUE(again.err.contains("fork-demo")) << again.err.toStdString();
}
