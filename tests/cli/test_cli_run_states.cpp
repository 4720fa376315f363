// Run states as W&B has them (pending, running, finished, failed, crashed),
// one test per transition the CLI makes.
#include <QProcess>
#include <gtest/gtest.h>

#include "cli/cli_runner.h"
#include "cli/numbered_lines.h"
#include "support/poll.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

Json show(const QString &store, const QString &runPath)
{
    const CliResult r = runCli(store, {"show", runPath, "--json"});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    return r.exitCode == 0 ? r.json() : Json::object();
}

// Starts `log RUN` on stdin and checks the run reads as running while its
// input is open; then sends `lines`, closes the input and returns the exit code.
int logWhileWatching(const QString &store, const QString &runPath, const QByteArray &lines)
{
    QProcess logger;
    if (!startCli(logger, store, {"log", runPath}))
        return -1;
    EXPECT_TRUE(pollUntil([&] { return runState(store, runPath) == "running"; })) << "never running";
    EXPECT_EQ(runCli(store, {"runs", "--project", "p", "--json"}).json().at("runs").at(0).at("state"), "running");
    logger.write(lines);
    logger.closeWriteChannel();
    if (!logger.waitForFinished(60000))
        return -1;
    return logger.exitStatus() == QProcess::NormalExit ? logger.exitCode() : -1;
}

} // namespace

TEST(CliRunStates, InitIsPendingLogRunIsRunningThenFinished)
{
    TempStore store;
    const auto init = runCli(store.path(), {"init", "--project", "p", "--id", "r", "--json"});
    ASSERT_EQ(init.exitCode, 0);
    EXPECT_EQ(init.json().at("state"), "pending");
    EXPECT_EQ(show(store.path(), "local/p/r").at("state"), "pending");

    ASSERT_EQ(logWhileWatching(store.path(), "local/p/r", numberedLines(10, 1.0)), 0);
    const Json after = show(store.path(), "local/p/r");
    EXPECT_EQ(after.at("state"), "finished");
    EXPECT_EQ(after.at("exit_code"), 0);
    EXPECT_FALSE(after.at("finished_at").is_null());
}

TEST(CliRunStates, AForkIsPendingThenLogRunFinishesIt)
{
    TempStore store;
    ASSERT_EQ(runCli(store.path(), {"log", "--project", "p", "--id", "src"}, numberedLines(10, 1.0)).exitCode, 0);
    const auto fork = runCli(store.path(), {"fork", "local/p/src?_step=4", "--id", "child", "--json"});
    ASSERT_EQ(fork.exitCode, 0);
    EXPECT_EQ(fork.json().at("state"), "pending");
    ASSERT_EQ(runCli(store.path(), {"log", "local/p/child"}, numberedLines(5, 1.0, 5)).exitCode, 0);
    EXPECT_EQ(show(store.path(), "local/p/child").at("state"), "finished");
    EXPECT_EQ(show(store.path(), "local/p/src").at("state"), "finished");
}

TEST(CliRunStates, ABadLineFailsTheRunAndKeepsTheLinesBeforeIt)
{
    TempStore store;
    ASSERT_EQ(runCli(store.path(), {"init", "--project", "p", "--id", "r"}).exitCode, 0);
    const auto log = runCli(store.path(), {"log", "local/p/r"}, numberedLines(3, 1.0) + "{not json\n");
    EXPECT_EQ(log.exitCode, 2);
    EXPECT_TRUE(log.err.contains("line 4")) << log.err.toStdString();
    const Json after = show(store.path(), "local/p/r");
    EXPECT_EQ(after.at("state"), "failed");
    EXPECT_EQ(after.at("exit_code"), 2);
    EXPECT_EQ(runCli(store.path(), {"history", "local/p/r"}).jsonLines().size(), 3u);

    // The same for a run `log --project` creates.
    const auto created = runCli(store.path(), {"log", "--project", "p", "--id", "c"}, "{\"x\": 1}\n[1]\n");
    EXPECT_EQ(created.exitCode, 2);
    EXPECT_EQ(show(store.path(), "local/p/c").at("state"), "failed");
}

TEST(CliRunStates, LogRunResumesAnEndedRunAndEndsItAgain)
{
    TempStore store;
    ASSERT_EQ(runCli(store.path(), {"log", "--project", "p", "--id", "r"}, numberedLines(5, 1.0)).exitCode, 0);
    ASSERT_EQ(runCli(store.path(), {"finish", "local/p/r", "--exit-code", "3"}).exitCode, 0);
    Json ended = show(store.path(), "local/p/r");
    EXPECT_EQ(ended.at("state"), "failed");
    EXPECT_EQ(ended.at("exit_code"), 3);

    ASSERT_EQ(logWhileWatching(store.path(), "local/p/r", numberedLines(5, 1.0, 5)), 0);
    ended = show(store.path(), "local/p/r");
    EXPECT_EQ(ended.at("state"), "finished");
    EXPECT_EQ(ended.at("exit_code"), 0);
    const auto rows = runCli(store.path(), {"history", "local/p/r"}).jsonLines();
    ASSERT_EQ(rows.size(), 10u);
    expectNumberedPrefix(rows, 1.0);

    ASSERT_EQ(runCli(store.path(), {"finish", "local/p/r"}).exitCode, 0);
    EXPECT_EQ(show(store.path(), "local/p/r").at("state"), "finished");
}

TEST(CliRunStates, ACrashedRunIsResumedByLogRun)
{
    TempStore store;
    ASSERT_EQ(runCli(store.path(), {"init", "--project", "p", "--id", "r"}).exitCode, 0);
    QProcess logger;
    ASSERT_TRUE(startCli(logger, store.path(), {"log", "local/p/r"}));
    logger.write(numberedLines(20, 1.0));
    ASSERT_TRUE(logger.waitForBytesWritten(30000));
    ASSERT_TRUE(pollUntil([&] { return runCli(store.path(), {"history", "local/p/r"}).jsonLines().size() == 20u; }));
    logger.kill();
    ASSERT_TRUE(logger.waitForFinished(30000));

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("FORKSCOPE_HEARTBEAT_TIMEOUT_MS", "300");
    ASSERT_TRUE(pollUntil([&] { return runState(store.path(), "local/p/r", env) == "crashed"; }));
    const auto resumed = runCli(store.path(), {"log", "local/p/r"}, numberedLines(10, 1.0, 20), env);
    ASSERT_EQ(resumed.exitCode, 0) << resumed.err.toStdString();
    EXPECT_EQ(runState(store.path(), "local/p/r"), "finished");
    const auto rows = runCli(store.path(), {"history", "local/p/r"}).jsonLines();
    ASSERT_EQ(rows.size(), 30u);
    expectNumberedPrefix(rows, 1.0);
}
