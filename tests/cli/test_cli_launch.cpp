// fork --launch: the fork is created, its training started attached to it
// (no shell), its output mirrored and kept, signals passed on, and the exit
// code is the process's. logs prints what was kept.
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <csignal>
#include <gtest/gtest.h>

#include "cli/cli_runner.h"
#include "launch/command_split.h"
#include "store/store.h"
#include "support/poll.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

const QString kCli = QStringLiteral(FORKSCOPE_CLI_PATH);

// A source run "src" in project p with loss at steps 0..5 and lr 0.1.
void makeSource(const TempStore &store)
{
    QByteArray rows;
    for (int i = 0; i < 6; ++i)
        rows += QByteArray("{\"loss\": ") + QByteArray::number(10 - i) + "}\n";
    ASSERT_EQ(
        runCli(store.path(), {"log", "--project", "p", "--id", "src", "--config", "{\"lr\": 0.1}"}, rows).exitCode, 0);
}

QString sh(const QString &script)
{
    return joinCommand({QStringLiteral("/bin/sh"), QStringLiteral("-c"), script});
}

int runCount(const TempStore &store)
{
    return queryStore(store.path(), "SELECT count(*) FROM runs").toInt();
}

// The last line of stdout: the JSON identity --json prints once the process ended.
Json lastJsonLine(const CliResult &r)
{
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? Json() : parseJson(lines.last().toStdString(), QStringLiteral("last line"));
}

} // namespace

TEST(CliLaunch, TheStartedProcessLogsToTheForkFromTheStepAfterTheForkPoint)
{
    TempStore store;
    makeSource(store);
    const QString rows = store.dir() + QStringLiteral("/more.jsonl");
    ASSERT_TRUE(writeFile(rows, "{\"loss\": 100}\n{\"loss\": 101}\n"));
    // The child is the CLI itself logging "to a new run": attached, it logs to the fork.
    const CliResult r =
        runCli(store.path(), {"fork", "src?_step=3", "--project", "p", "--set", "lr=0.5", "--launch", "--command",
                              joinCommand({kCli, "log", "--project", "elsewhere", "--file", rows}), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("Logged 2 line(s)"))) << r.out.toStdString();
    const Json fork = lastJsonLine(r);
    EXPECT_EQ(fork["state"], "finished");
    EXPECT_EQ(fork["fork"]["step"], 3);
    EXPECT_EQ(fork["process"]["exit_code"], 0);
    const QString path = QString::fromStdString(fork["path"].get<std::string>());
    EXPECT_EQ(runCount(store), 2); // the child made no run of its own

    const CliResult own = runCli(store.path(), {"history", path, "--own", "--keys", "loss"});
    const auto points = own.jsonLines();
    ASSERT_EQ(points.size(), 2u) << own.out.toStdString();
    EXPECT_EQ(points[0]["_step"], 4);
    EXPECT_EQ(points[0]["loss"], 100);
    EXPECT_EQ(points[1]["_step"], 5);
    EXPECT_EQ(runCli(store.path(), {"show", path, "--json"}).json()["config"]["lr"], 0.5);

    const CliResult logs = runCli(store.path(), {"logs", path});
    EXPECT_EQ(logs.exitCode, 0);
    EXPECT_TRUE(logs.out.contains(QStringLiteral("Logged 2 line(s)"))) << logs.out.toStdString();
}

TEST(CliLaunch, ExitCodeAndBothStreamsAreThoseOfTheProcess)
{
    TempStore store;
    makeSource(store);
    const CliResult r =
        runCli(store.path(), {"fork", "local/p/src?_step=2", "--launch", "--json", "--command",
                              sh("echo \"run=$FORKSCOPE_RUN_ID\"; echo to-err >&2; printf '\\033[31mred\\n'; exit 3")});
    EXPECT_EQ(r.exitCode, 3) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("to-err\n")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("\033[31mred"))); // the live mirror is the process's own output
    const Json fork = lastJsonLine(r);
    EXPECT_TRUE(
        r.out.contains(QStringLiteral("run=") + QString::fromStdString(fork["immutable_id"].get<std::string>())));
    EXPECT_EQ(fork["state"], "failed");
    EXPECT_EQ(fork["process"]["exit_code"], 3);
    const QString path = QString::fromStdString(fork["path"].get<std::string>());

    const CliResult logs = runCli(store.path(), {"logs", path});
    EXPECT_TRUE(logs.out.contains(QStringLiteral("to-err\n")));
    EXPECT_TRUE(logs.out.contains(QStringLiteral("\\x1b[31mred\n"))) << logs.out.toStdString(); // escaped
    EXPECT_FALSE(logs.out.contains(QChar(0x1b)));
    const auto chunks = runCli(store.path(), {"logs", path, "--json"}).jsonLines();
    bool sawStderr = false;
    for (const Json &c : chunks)
        sawStderr = sawStderr || (c["stream"] == "stderr" && c["text"] == "to-err\n");
    EXPECT_TRUE(sawStderr);
}

TEST(CliLaunch, TheSourcesRecordedCommandIsStartedInItsFolder)
{
    TempStore store;
    makeSource(store);
    QTemporaryDir folder;
    {
        Store s(store.path());
        const RunInfo src = s.resolve(QStringLiteral("local/p/src"));
        s.setMetadata(src.key, {{"program", "/bin/sh"},
                                {"args", {"-c", "echo \"recorded $1 in $(pwd -P)\"", "sh", "$HOME; rm -rf ."}},
                                {"root", folder.path().toStdString()}});
    }
    const CliResult r = runCli(store.path(), {"fork", "local/p/src?_step=5", "--launch"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(
        r.out.contains(QStringLiteral("recorded $HOME; rm -rf . in %1").arg(QDir(folder.path()).canonicalPath())))
        << r.out.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("Starting: /bin/sh -c"))) << r.err.toStdString();
}

TEST(CliLaunch, RefusalsLeaveNoForkBehind)
{
    TempStore store;
    makeSource(store);
    {
        // As an imported run or one logged by an older client: no program.
        Store s(store.path());
        s.setMetadata(s.resolve(QStringLiteral("local/p/src")).key, Json::object());
    }
    const CliResult none = runCli(store.path(), {"fork", "local/p/src?_step=1", "--launch"});
    EXPECT_EQ(none.exitCode, 2);
    EXPECT_TRUE(none.err.contains(QStringLiteral("recorded no command"))) << none.err.toStdString();
    EXPECT_TRUE(none.err.contains(QStringLiteral("--command")));
    const CliResult unclosed =
        runCli(store.path(), {"fork", "local/p/src?_step=1", "--launch", "--command", "python 'x"});
    EXPECT_EQ(unclosed.exitCode, 2);
    EXPECT_TRUE(unclosed.err.contains(QStringLiteral("never closed"))) << unclosed.err.toStdString();
    const CliResult noLaunch = runCli(store.path(), {"fork", "local/p/src?_step=1", "--command", "true"});
    EXPECT_EQ(noLaunch.exitCode, 2);
    EXPECT_TRUE(noLaunch.err.contains(QStringLiteral("--launch"))) << noLaunch.err.toStdString();
    const CliResult missing = runCli(store.path(), {"fork", "local/p/nosuch?_step=1", "--launch", "--command", "true"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("nosuch"))) << missing.err.toStdString();
    EXPECT_EQ(runCount(store), 1);
}

TEST(CliLaunch, AProgramThatIsNotThereIsRefusedBeforeTheForkIsCreated)
{
    TempStore store;
    makeSource(store);
    const CliResult r = runCli(
        store.path(), {"fork", "local/p/src?_step=1", "--launch", "--json", "--command", "/nonexistent/trainer --x"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("/nonexistent/trainer"))) << r.err.toStdString();
    EXPECT_EQ(runCount(store), 1);
}

TEST(CliLaunch, InterruptAndTerminateArePassedOnToTheProcess)
{
    for (const int sig : {SIGINT, SIGTERM}) {
        TempStore store;
        makeSource(store);
        QProcess cli;
        // The trap says which signal came, then exits with a code of its own.
        ASSERT_TRUE(startCli(cli, store.path(),
                             {"fork", "local/p/src?_step=1", "--launch", "--json", "--command",
                              sh("trap 'echo got-int; exit 7' INT; trap 'echo got-term; exit 8' TERM; echo ready; "
                                 "while :; do sleep 0.05; done")}));
        QByteArray out;
        ASSERT_TRUE(pollUntil([&] {
            cli.waitForReadyRead(50);
            out += cli.readAllStandardOutput();
            return out.contains("ready");
        }));
        ::kill(pid_t(cli.processId()), sig);
        CliResult r = finishCli(cli, QStringLiteral("fork --launch"), 20000);
        r.out = QString::fromUtf8(out) + r.out;
        EXPECT_EQ(r.exitCode, sig == SIGINT ? 7 : 8) << r.err.toStdString();
        EXPECT_TRUE(r.out.contains(sig == SIGINT ? QStringLiteral("got-int") : QStringLiteral("got-term")))
            << r.out.toStdString();
        EXPECT_EQ(lastJsonLine(r)["state"], "failed");
    }
}

TEST(CliLaunch, LogsOfARunWithoutConsoleOutputSaySo)
{
    TempStore store;
    makeSource(store);
    const CliResult r = runCli(store.path(), {"logs", "local/p/src"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.isEmpty());
    EXPECT_TRUE(r.err.contains(QStringLiteral("no console output"))) << r.err.toStdString();
    EXPECT_EQ(runCli(store.path(), {"logs", "local/p/nosuch"}).exitCode, 2);
}
