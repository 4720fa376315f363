// Real child processes started for a run: their output kept in the run's
// console in order, their end recorded as the run's state, stop() and the
// environment they get. /bin/sh is only ever a child program here, started
// with its arguments; the launcher itself never runs a shell.
#include <gtest/gtest.h>

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>
#include <csignal>
#include <optional>

#include "core/error.h"
#include "launch/training_process.h"
#include "store/store.h"
#include "support/run_seed.h"
#include "support/temp_store.h"

using namespace forkscope;

namespace {

constexpr int kTimeoutMs = 20000;

LaunchCommand sh(const QString &script)
{
    return {{QStringLiteral("/bin/sh"), QStringLiteral("-c"), script}, {}};
}

class TrainingProcessTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store_ = std::make_unique<Store>(tmp_.path());
        run_ = test::RunSeed(*store_)
                   .project(QStringLiteral("p"))
                   .id(QStringLiteral("r"))
                   .state(RunState::Pending)
                   .create();
    }

    // Runs the process to its end (or fails the test after a while).
    std::optional<ProcessOutcome> waitForEnd(TrainingProcess &process)
    {
        std::optional<ProcessOutcome> outcome;
        QEventLoop loop;
        QObject::connect(&process, &TrainingProcess::exited, &loop, [&](const ProcessOutcome &o) {
            outcome = o;
            loop.quit();
        });
        QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        EXPECT_TRUE(outcome) << "the process did not end in time";
        return outcome;
    }

    std::optional<ProcessOutcome> runToEnd(const LaunchCommand &command)
    {
        TrainingProcess process(tmp_.path(), run_);
        process.start(command);
        return waitForEnd(process);
    }

    // The console's text of one stream, all chunks joined.
    QString consoleText(ConsoleStream stream)
    {
        QString text;
        for (const auto &c : store_->console(run_.key))
            if (c.stream == stream)
                text += c.text;
        return text;
    }

    test::TempStore tmp_;
    std::unique_ptr<Store> store_;
    RunInfo run_;
};

} // namespace

TEST_F(TrainingProcessTest, OutputIsKeptInOrderWithItsStreamAndAnnounced)
{
    TrainingProcess process(tmp_.path(), run_);
    QString announced;
    QObject::connect(&process, &TrainingProcess::output, [&](ConsoleStream stream, const QString &text) {
        announced += (stream == ConsoleStream::Stderr ? QStringLiteral("E:") : QStringLiteral("O:")) + text;
    });
    process.start(sh(QStringLiteral("echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three; printf '\\377bad\\n'; "
                                    "printf partial")));
    const auto outcome = waitForEnd(process);
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->end, ProcessEnd::Exited);
    EXPECT_EQ(outcome->exitCode, 0);
    EXPECT_EQ(outcome->runState, RunState::Finished);

    const auto chunks = store_->console(run_.key);
    ASSERT_GE(chunks.size(), 3u);
    QString stored;
    for (size_t i = 0; i < chunks.size(); ++i) {
        EXPECT_EQ(chunks[i].seq, qint64(i + 1));
        EXPECT_TRUE(chunks[i].time.isValid());
        stored +=
            (chunks[i].stream == ConsoleStream::Stderr ? QStringLiteral("E:") : QStringLiteral("O:")) + chunks[i].text;
    }
    EXPECT_EQ(stored, announced);
    EXPECT_TRUE(stored.startsWith(QStringLiteral("O:one\nE:two\nO:three\n"))) << stored.toStdString();
    EXPECT_EQ(consoleText(ConsoleStream::Stdout), QStringLiteral("one\nthree\n\ufffdbad\npartial"));
    EXPECT_EQ(consoleText(ConsoleStream::Stderr), QStringLiteral("two\n"));
    const RunInfo after = store_->runInfo(run_.key);
    EXPECT_EQ(after.state, RunState::Finished);
    EXPECT_EQ(after.exitCode, 0);
}

TEST_F(TrainingProcessTest, ANonZeroExitFailsTheRunWithThatCode)
{
    const auto outcome = runToEnd(sh(QStringLiteral("echo failing >&2; exit 3")));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->end, ProcessEnd::Exited);
    EXPECT_EQ(outcome->exitCode, 3);
    EXPECT_EQ(outcome->runState, RunState::Failed);
    EXPECT_EQ(outcome->runExitCode, 3);
    const RunInfo after = store_->runInfo(run_.key);
    EXPECT_EQ(after.state, RunState::Failed);
    EXPECT_EQ(after.exitCode, 3);
    EXPECT_EQ(consoleText(ConsoleStream::Stderr), QStringLiteral("failing\n"));
}

TEST_F(TrainingProcessTest, AProcessKilledByASignalLeavesTheRunCrashed)
{
    const auto outcome = runToEnd(sh(QStringLiteral("echo before; kill -KILL $$")));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->end, ProcessEnd::Killed);
    EXPECT_EQ(outcome->signal, SIGKILL);
    EXPECT_EQ(outcome->runState, RunState::Crashed);
    EXPECT_EQ(store_->runInfo(run_.key).state, RunState::Crashed);
    EXPECT_EQ(consoleText(ConsoleStream::Stdout), QStringLiteral("before\n"));
}

TEST_F(TrainingProcessTest, StopKillsAProcessThatIgnoresTermAfterTheGrace)
{
    TrainingProcess process(tmp_.path(), run_);
    process.setStopGraceMs(400);
    QElapsedTimer sinceStop;
    QObject::connect(&process, &TrainingProcess::output, [&](ConsoleStream, const QString &text) {
        if (text.contains(QStringLiteral("ready"))) {
            sinceStop.start();
            process.stop();
        }
    });
    // The sleep ignores TERM too (an ignored signal stays ignored across exec).
    process.start(sh(QStringLiteral("trap '' TERM; echo ready; sleep 30; echo not-reached")));
    const auto outcome = waitForEnd(process);
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->end, ProcessEnd::Killed);
    EXPECT_EQ(outcome->signal, SIGKILL);
    EXPECT_GE(sinceStop.elapsed(), 400);
    EXPECT_LT(sinceStop.elapsed(), 10000);
    EXPECT_EQ(outcome->runState, RunState::Crashed);
    EXPECT_FALSE(consoleText(ConsoleStream::Stdout).contains(QStringLiteral("not-reached")));
}

TEST_F(TrainingProcessTest, StopEndsACooperativeProcessWithTermAtOnce)
{
    TrainingProcess process(tmp_.path(), run_);
    process.setStopGraceMs(20000);
    QElapsedTimer sinceStop;
    QObject::connect(&process, &TrainingProcess::output, [&](ConsoleStream, const QString &text) {
        if (text.contains(QStringLiteral("ready"))) {
            sinceStop.start();
            process.stop();
        }
    });
    process.start(sh(QStringLiteral("echo ready; sleep 30")));
    const auto outcome = waitForEnd(process);
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->end, ProcessEnd::Killed);
    EXPECT_EQ(outcome->signal, SIGTERM);
    EXPECT_LT(sinceStop.elapsed(), 5000);
}

TEST_F(TrainingProcessTest, TheChildSeesTheRunAndTheStoreInItsEnvironmentAndItsWorkingFolder)
{
    QTemporaryDir folder;
    LaunchCommand command = sh(QStringLiteral("echo \"$FORKSCOPE_RUN_ID|$FORKSCOPE_STORE|$PYTHONUNBUFFERED\"; pwd -P"));
    command.workingFolder = folder.path();
    const auto outcome = runToEnd(command);
    ASSERT_TRUE(outcome);
    EXPECT_EQ(consoleText(ConsoleStream::Stdout), QStringLiteral("%1|%2|1\n%3\n")
                                                      .arg(run_.immutableId, QFileInfo(tmp_.path()).absoluteFilePath(),
                                                           QFileInfo(folder.path()).canonicalFilePath()));
}

TEST_F(TrainingProcessTest, ArgumentsReachTheProgramAsTheyAreWithoutAShell)
{
    QTemporaryDir folder;
    const QString hostile = QStringLiteral("$HOME; rm -rf . ; touch pwned");
    const QString substitution = QStringLiteral("$(touch pwned2) `touch pwned3` *");
    const auto outcome =
        runToEnd({{QStringLiteral("printf"), QStringLiteral("[%s]\\n"), hostile, substitution}, folder.path()});
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->exitCode, 0);
    EXPECT_EQ(consoleText(ConsoleStream::Stdout), QStringLiteral("[%1]\n[%2]\n").arg(hostile, substitution));
    EXPECT_TRUE(QDir(folder.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
}

TEST_F(TrainingProcessTest, AProgramThatCannotStartIsSaidAndTheRunCrashed)
{
    const auto outcome = runToEnd({{QStringLiteral("/nonexistent/forkscope-trainer"), QStringLiteral("--x")}, {}});
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->end, ProcessEnd::NotStarted);
    EXPECT_TRUE(outcome->error.contains(QStringLiteral("/nonexistent/forkscope-trainer")))
        << outcome->error.toStdString();
    EXPECT_EQ(outcome->runState, RunState::Crashed);
    EXPECT_TRUE(consoleText(ConsoleStream::Stderr).contains(QStringLiteral("could not start")));
}

TEST_F(TrainingProcessTest, RefusesNoProgramAndAWorkingFolderThatIsNone)
{
    TrainingProcess process(tmp_.path(), run_);
    try {
        process.start({});
        ADD_FAILURE() << "an empty command was started";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::BadInput);
    }
    try {
        process.start({{QStringLiteral("true")}, tmp_.dir() + QStringLiteral("/missing")});
        ADD_FAILURE() << "a missing working folder was accepted";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::BadInput);
        EXPECT_TRUE(e.message().contains(QStringLiteral("/missing")));
    }
    EXPECT_FALSE(process.isRunning());
    EXPECT_EQ(store_->runInfo(run_.key).state, RunState::Pending);
}

TEST_F(TrainingProcessTest, AnEndTheClientRecordedIsKeptButAFailedExitWins)
{
    {
        TrainingProcess process(tmp_.path(), run_);
        // The child's own client ends the run (here: the test, as it would).
        QObject::connect(&process, &TrainingProcess::output,
                         [&](ConsoleStream, const QString &) { store_->setState(run_.key, RunState::Finished, 0); });
        process.start(sh(QStringLiteral("echo done; sleep 0.3; kill -KILL $$")));
        const auto outcome = waitForEnd(process);
        ASSERT_TRUE(outcome);
        EXPECT_EQ(outcome->end, ProcessEnd::Killed);
        EXPECT_EQ(outcome->runState, RunState::Finished);
    }
    TrainingProcess again(tmp_.path(), run_);
    again.start(sh(QStringLiteral("exit 4")));
    const auto outcome = waitForEnd(again);
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->runState, RunState::Failed);
    EXPECT_EQ(store_->runInfo(run_.key).exitCode, 4);
}

TEST_F(TrainingProcessTest, DestroyingItKillsTheChildAndRecordsTheRunCrashed)
{
    qint64 pid = 0;
    {
        TrainingProcess process(tmp_.path(), run_);
        QEventLoop loop;
        QObject::connect(&process, &TrainingProcess::output, &loop, &QEventLoop::quit);
        QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
        process.start(sh(QStringLiteral("echo up; sleep 30")));
        loop.exec();
        pid = process.processId();
        ASSERT_GT(pid, 0);
    }
    EXPECT_NE(::kill(pid_t(pid), 0), 0); // gone (and reaped)
    EXPECT_EQ(store_->runInfo(run_.key).state, RunState::Crashed);
}

TEST_F(TrainingProcessTest, ARelativeProgramIsFoundInTheWorkingFolder)
{
    QTemporaryDir folder;
    QFile script(folder.path() + QStringLiteral("/train.sh"));
    ASSERT_TRUE(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\necho \"trained with $1\"\n");
    script.close();
    ASSERT_TRUE(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));
    const LaunchCommand command{{QStringLiteral("./train.sh"), QStringLiteral("lr=0.1")}, folder.path()};
    ASSERT_TRUE(launchCommandProblem(command).isEmpty());
    const auto outcome = runToEnd(command);
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->end, ProcessEnd::Exited) << outcome->error.toStdString();
    EXPECT_EQ(consoleText(ConsoleStream::Stdout), QStringLiteral("trained with lr=0.1\n"));
}
