// launch RUN -- PROGRAM ARGS...: training started for a run that exists (a
// new fork), as the app's relay does: attached, output mirrored and kept,
// the end recorded, SIGTERM passed on, the exit code the process's; and the
// runs it refuses (missing, being logged, ended) and empty commands.
#include <QFile>
#include <QProcess>
#include <csignal>
#include <gtest/gtest.h>

#include "cli/cli_runner.h"
#include "launch/command_split.h"
#include "support/poll.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

const QString kCli = QStringLiteral(FORKSCOPE_CLI_PATH);

// A finished source local/p/src (steps 0..2) and a pending fork local/p/f of it at step 1.
void makeFork(const TempStore &store)
{
    ASSERT_EQ(
        runCli(store.path(), {"log", "--project", "p", "--id", "src"}, "{\"a\": 1}\n{\"a\": 2}\n{\"a\": 3}\n").exitCode,
        0);
    ASSERT_EQ(runCli(store.path(), {"fork", "local/p/src?_step=1", "--id", "f"}).exitCode, 0);
}

QString consoleCount(const TempStore &store)
{
    return queryStore(store.path(), "SELECT count(*) FROM console_output");
}

} // namespace

TEST(CliLaunchRun, TheProcessRunsAttachedToThePendingRunAndItsExitCodeIsPassedThrough)
{
    TempStore store;
    makeFork(store);
    const CliResult r =
        runCli(store.path(), {"launch", "local/p/f", "--cwd", store.dir(), "--json", "--", "/bin/sh", "-c",
                              "echo \"run $FORKSCOPE_RUN_ID in $(pwd)\"; echo to-stderr >&2; exit 7"});
    EXPECT_EQ(r.exitCode, 7) << r.err.toStdString();
    const Json shown = runCli(store.path(), {"show", "local/p/f", "--json"}).json();
    const QString immutableId = QString::fromStdString(shown["immutable_id"].get<std::string>());
    EXPECT_TRUE(r.out.contains(QStringLiteral("run ") + immutableId + QStringLiteral(" in ") + store.dir()))
        << r.out.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("to-stderr"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("Starting: /bin/sh -c"))) << r.err.toStdString();
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_FALSE(lines.isEmpty());
    const Json last = parseJson(lines.last().toStdString(), QStringLiteral("last line"));
    EXPECT_EQ(last["state"], "failed");
    EXPECT_EQ(last["process"]["exit_code"], 7);
    EXPECT_EQ(shown["state"], "failed");
    EXPECT_EQ(shown["exit_code"], 7);

    const CliResult logs = runCli(store.path(), {"logs", "local/p/f"});
    EXPECT_TRUE(logs.out.contains(QStringLiteral("run ") + immutableId)) << logs.out.toStdString();
    EXPECT_TRUE(logs.out.contains(QStringLiteral("to-stderr"))) << logs.out.toStdString();

    // Exit code 0 finishes the run.
    ASSERT_EQ(runCli(store.path(), {"fork", "local/p/src?_step=1", "--id", "g"}).exitCode, 0);
    EXPECT_EQ(runCli(store.path(), {"launch", "local/p/g", "--", "/bin/true"}).exitCode, 0);
    EXPECT_EQ(runState(store.path(), QStringLiteral("local/p/g")), "finished");
}

TEST(CliLaunchRun, TerminateIsPassedOnAndTheProcessEndsAsItChooses)
{
    TempStore store;
    makeFork(store);
    QProcess cli;
    ASSERT_TRUE(startCli(cli, store.path(),
                         {"launch", "local/p/f", "--new-session", "--", "/bin/sh", "-c",
                          "trap 'echo got-term; exit 8' TERM; echo ready; while :; do sleep 0.05; done"}));
    QByteArray out;
    ASSERT_TRUE(pollUntil([&] {
        cli.waitForReadyRead(50);
        out += cli.readAllStandardOutput();
        return out.contains("ready");
    }));
    ::kill(pid_t(cli.processId()), SIGTERM);
    CliResult r = finishCli(cli, QStringLiteral("launch"), 20000);
    r.out = QString::fromUtf8(out) + r.out;
    EXPECT_EQ(r.exitCode, 8) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("got-term"))) << r.out.toStdString();
    EXPECT_EQ(runState(store.path(), QStringLiteral("local/p/f")), "failed");
    EXPECT_TRUE(runCli(store.path(), {"logs", "local/p/f"}).out.contains(QStringLiteral("got-term")));
}

TEST(CliLaunchRun, MissingRunsEndedRunsAndEmptyCommandsAreRefusedBeforeAnythingStarts)
{
    TempStore store;
    makeFork(store);
    const QString marker = store.dir() + QStringLiteral("/started");
    const QStringList touch{QStringLiteral("--"), QStringLiteral("/usr/bin/touch"), marker};

    CliResult r = runCli(store.path(), QStringList{"launch", "local/p/nosuch"} + touch);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("no run at path 'local/p/nosuch'"))) << r.err.toStdString();

    r = runCli(store.path(), QStringList{"launch", "local/p/src"} + touch);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("run 'src' is finished"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("fork it"))) << r.err.toStdString();

    r = runCli(store.path(), {"launch", "local/p/f"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("'launch' needs PROGRAM"))) << r.err.toStdString();
    r = runCli(store.path(), {"launch", "local/p/f", "--", ""});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("there is no program to start"))) << r.err.toStdString();
    r = runCli(store.path(), {"launch", "local/p/f", "--cwd", store.dir() + QStringLiteral("/nowhere"), "--", "true"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("nowhere"))) << r.err.toStdString();

    EXPECT_FALSE(QFile::exists(marker)) << "a refused launch started its program";
    EXPECT_EQ(runState(store.path(), QStringLiteral("local/p/f")), "pending");
    EXPECT_EQ(consoleCount(store), "0");
}

TEST(CliLaunchRun, ARunAnotherProcessIsLoggingIsRefused)
{
    TempStore store;
    makeFork(store);
    // `log` holds the fork (attached through a first launch) while its input stays open.
    QProcess first;
    ASSERT_TRUE(
        startCli(first, store.path(),
                 {"launch", "local/p/f", "--", "/bin/sh", "-c",
                  QStringLiteral("sleep 30 | ") +
                      joinCommand({kCli, QStringLiteral("log"), QStringLiteral("--project"), QStringLiteral("x")})}));
    ASSERT_TRUE(pollUntil([&] { return runState(store.path(), QStringLiteral("local/p/f")) == "running"; }))
        << "the first process did not claim the run";
    const QString writerPid = queryStore(store.path(), "SELECT writer_pid FROM runs WHERE run_id = 'f'");

    const QString marker = store.dir() + QStringLiteral("/started");
    const CliResult r = runCli(store.path(), {"launch", "local/p/f", "--", "/usr/bin/touch", marker});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("run 'f' is being logged by process ") + writerPid))
        << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(marker));

    ::kill(pid_t(first.processId()), SIGTERM);
    finishCli(first, QStringLiteral("the first launch"), 20000);
    EXPECT_NE(runState(store.path(), QStringLiteral("local/p/f")), "running");
}
