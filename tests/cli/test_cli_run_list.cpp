// 'runs' pages, sorts and filters with the store's own queries.
#include <gtest/gtest.h>

#include "cli/cli_runner.h"
#include "store/store.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

void makeRuns(const TempStore &tmp)
{
    Store store(tmp.path());
    const std::vector<std::pair<const char *, double>> runs = {{"a", 0.5}, {"b", 0.1}, {"c", 0.9}, {"d", 0.3}};
    for (const auto &[id, loss] : runs) {
        NewRun spec;
        spec.project = QStringLiteral("p");
        spec.runId = QString::fromLatin1(id);
        spec.name = QStringLiteral("run ") + spec.runId;
        spec.state = RunState::Finished;
        spec.tags = {QString::fromLatin1(id) == QLatin1String("c") ? QStringLiteral("best") : QStringLiteral("sweep")};
        const RunInfo run = store.createRun(spec);
        store.updateSummary(run.key, {{"loss", loss}});
    }
}

QStringList listed(const CliResult &r)
{
    QStringList ids;
    const Json json = r.json();
    for (const auto &run : json["runs"])
        ids << QString::fromStdString(run["id"].get<std::string>());
    return ids;
}

CliResult runs(const TempStore &tmp, QStringList args)
{
    args.prepend(QStringLiteral("p"));
    args.prepend(QStringLiteral("--project"));
    args.prepend(QStringLiteral("runs"));
    args << QStringLiteral("--json");
    return runCli(tmp.path(), args);
}

} // namespace

TEST(CliRunList, SortsPagesAndFilters)
{
    TempStore tmp;
    makeRuns(tmp);
    CliResult r = runs(tmp, {});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(listed(r), QStringList({"a", "b", "c", "d"}));
    EXPECT_FALSE(r.json().contains("total")); // the plain listing is as before

    r = runs(tmp, {"--sort", "summary.loss"});
    EXPECT_EQ(listed(r), QStringList({"b", "d", "a", "c"}));
    EXPECT_EQ(r.json()["total"], 4);
    r = runs(tmp, {"--sort", "summary.loss:desc", "--limit", "2"});
    EXPECT_EQ(listed(r), QStringList({"c", "a"}));
    r = runs(tmp, {"--sort", "summary.loss:desc", "--limit", "2", "--offset", "2"});
    EXPECT_EQ(listed(r), QStringList({"d", "b"}));
    EXPECT_EQ(r.json()["offset"], 2);
    r = runs(tmp, {"--sort", "id:desc", "--offset", "10"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(listed(r).isEmpty());
    r = runs(tmp, {"--filter", "SWEEP", "--sort", "name:desc"});
    EXPECT_EQ(listed(r), QStringList({"d", "b", "a"}));
    EXPECT_EQ(r.json()["total"], 3);

    // The table output pages too.
    r = runCli(tmp.path(), {"runs", "--project", "p", "--filter", "best"});
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains(QStringLiteral("\nc "))) << r.out.toStdString();
    EXPECT_FALSE(r.out.contains(QStringLiteral("\na "))) << r.out.toStdString();
}

TEST(CliRunList, BadValuesAreRefusedNamingTheOption)
{
    TempStore tmp;
    makeRuns(tmp);
    const std::vector<std::pair<QStringList, QString>> cases = {
        {{"--limit", "-1"}, "--limit '-1'"},
        {{"--limit", "ten"}, "--limit 'ten'"},
        {{"--offset", "1.5"}, "--offset '1.5'"},
        {{"--sort", "loss"}, "unknown key 'loss'"},
        {{"--sort", "name:up"}, "'up' is not a direction"},
        {{"--sort", "summary."}, "unknown key 'summary.'"},
    };
    for (const auto &[args, message] : cases) {
        const CliResult r = runs(tmp, args);
        EXPECT_EQ(r.exitCode, 2) << args.join(' ').toStdString();
        EXPECT_TRUE(r.err.contains(message)) << args.join(' ').toStdString() << ": " << r.err.toStdString();
    }
}
