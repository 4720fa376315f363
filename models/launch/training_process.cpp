#include "launch/training_process.h"

#include <QFileInfo>
#include <QProcessEnvironment>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>

#include "core/error.h"
#include "core/run_environment.h"
#include "launch/console_recorder.h"
#include "launch/launch_text.h"

namespace forkscope {

namespace {
// A partial line is shown (and kept) once the child has been quiet this long.
constexpr int kQuietMs = 300;
// How long the destructor waits for a child it killed.
constexpr int kKillWaitMs = 5000;
} // namespace

TrainingProcess::TrainingProcess(const QString &storePath, const RunInfo &run, QObject *parent)
    : QObject(parent), storePath_(QFileInfo(storePath).absoluteFilePath()), run_(run)
{
    recorder_ = new ConsoleRecorder(storePath_, run_.key);
    recorder_->moveToThread(&storeThread_);
    connect(&storeThread_, &QThread::finished, recorder_, &QObject::deleteLater);
    connect(recorder_, &ConsoleRecorder::problem, this, &TrainingProcess::storeProblem);
    storeThread_.setObjectName(QStringLiteral("console-recorder"));
    storeThread_.start();

    killTimer_.setSingleShot(true);
    // The grace is a promise to the process: never cut it short (a coarse
    // timer may fire 5% early).
    killTimer_.setTimerType(Qt::PreciseTimer);
    connect(&killTimer_, &QTimer::timeout, this, [this] {
        sentSignal_ = SIGKILL;
        sendSignal(SIGKILL);
    });
    quietTimer_.setSingleShot(true);
    connect(&quietTimer_, &QTimer::timeout, this, &TrainingProcess::flushPartial);

    connect(&process_, &QProcess::readyReadStandardOutput, this, [this] { read(ConsoleStream::Stdout); });
    connect(&process_, &QProcess::readyReadStandardError, this, [this] { read(ConsoleStream::Stderr); });
    connect(&process_, &QProcess::started, this, &TrainingProcess::started);
    connect(&process_, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        read(ConsoleStream::Stdout);
        read(ConsoleStream::Stderr);
        ProcessOutcome outcome;
        if (status == QProcess::NormalExit) {
            outcome.end = ProcessEnd::Exited;
            outcome.exitCode = exitCode;
        } else {
            outcome.end = ProcessEnd::Killed;
            // Qt passes the terminating signal as the exit code of a crash.
            outcome.signal = exitCode > 0 ? exitCode : sentSignal_;
        }
        finishWith(outcome);
    });
    connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // crashes and the rest end in finished()
        ProcessOutcome outcome;
        outcome.end = ProcessEnd::NotStarted;
        outcome.error = LaunchText::tr("could not start '%1': %2").arg(process_.program(), process_.errorString());
        emitText(ConsoleStream::Stderr, LaunchText::tr("forkscope: %1").arg(outcome.error) + QLatin1Char('\n'));
        finishWith(outcome);
    });
}

TrainingProcess::~TrainingProcess()
{
    if (isRunning()) {
        sendSignal(SIGKILL);
        process_.waitForFinished(kKillWaitMs);
    }
    // QProcess's own destructor may still wait for a child that would not
    // die; nothing it emits then may reach this half-destroyed object.
    QObject::disconnect(&process_, nullptr, this, nullptr);
    // Everything asked of the recorder so far is done before its thread ends.
    QMetaObject::invokeMethod(
        recorder_, [] {}, Qt::BlockingQueuedConnection);
    storeThread_.quit();
    storeThread_.wait();
}

void TrainingProcess::start(const LaunchCommand &command)
{
    // A program that cannot be found is reported as the end it is
    // (NotStarted); what is wrong before any start is refused here.
    if (command.arguments.isEmpty() || command.arguments.first().isEmpty() ||
        (!command.workingFolder.isEmpty() && !QFileInfo(command.workingFolder).isDir()))
        throw Error(Error::Kind::BadInput, launchCommandProblem(command));
    if (process_.state() != QProcess::NotRunning || ended_)
        throw Error(Error::Kind::Conflict,
                    LaunchText::tr("this process for run '%1' was already started; start a new one").arg(run_.runId));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kRunIdVariable), run_.immutableId);
    env.insert(QString::fromLatin1(kStoreVariable), storePath_);
    // Python buffers a pipe's output until exit; the console should be live.
    if (!env.contains(QStringLiteral("PYTHONUNBUFFERED")))
        env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    process_.setProcessEnvironment(env);
    process_.setWorkingDirectory(command.workingFolder);
    process_.setProgram(command.arguments.first());
    process_.setArguments(command.arguments.mid(1));
    // Nothing to read: a script that asks for input gets end-of-file, not a hang.
    process_.setStandardInputFile(QProcess::nullDevice());
    process_.setChildProcessModifier([] {
        // A group of its own, so signals reach the workers the child starts.
        ::setpgid(0, 0);
        // A starter that holds SIGINT/SIGTERM back to forward them (the
        // CLI) must not pass that on: stop() would not reach the child.
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
    });
    process_.start();
}

void TrainingProcess::stop()
{
    if (!isRunning())
        return;
    sentSignal_ = SIGTERM;
    sendSignal(SIGTERM);
    // A second stop() does not push SIGKILL further away.
    if (!killTimer_.isActive())
        killTimer_.start(graceMs_);
}

void TrainingProcess::sendSignal(int signal)
{
    const qint64 pid = processId();
    if (pid <= 0)
        return;
    if (::kill(-pid_t(pid), signal) != 0)
        ::kill(pid_t(pid), signal); // not a group leader (yet): the child alone
}

bool TrainingProcess::isRunning() const
{
    return process_.state() != QProcess::NotRunning;
}

qint64 TrainingProcess::processId() const
{
    return process_.processId();
}

void TrainingProcess::read(ConsoleStream stream)
{
    OutputLines &lines = stream == ConsoleStream::Stdout ? stdout_ : stderr_;
    const QByteArray bytes =
        stream == ConsoleStream::Stdout ? process_.readAllStandardOutput() : process_.readAllStandardError();
    if (bytes.isEmpty())
        return;
    emitText(stream, lines.add(bytes));
    if (stdout_.hasPending() || stderr_.hasPending())
        quietTimer_.start(kQuietMs);
}

void TrainingProcess::flushPartial()
{
    emitText(ConsoleStream::Stdout, stdout_.flush());
    emitText(ConsoleStream::Stderr, stderr_.flush());
}

void TrainingProcess::emitText(ConsoleStream stream, const QString &text)
{
    if (text.isEmpty())
        return;
    emit output(stream, text);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QMetaObject::invokeMethod(recorder_,
                              [recorder = recorder_, stream, now, text] { recorder->append(stream, now, text); });
}

void TrainingProcess::finishWith(ProcessOutcome outcome)
{
    if (ended_)
        return;
    ended_ = true;
    killTimer_.stop();
    quietTimer_.stop();
    emitText(ConsoleStream::Stdout, stdout_.finish());
    emitText(ConsoleStream::Stderr, stderr_.finish());
    QMetaObject::invokeMethod(recorder_, [this, recorder = recorder_, outcome]() mutable {
        const RunInfo recorded = recorder->recordEnd(outcome.end, outcome.exitCode, &outcome.storeError);
        outcome.runState = recorded.key ? recorded.state : RunState::Crashed;
        outcome.runExitCode = recorded.exitCode;
        // Back on the owner's thread; dropped if the owner is gone by then.
        QMetaObject::invokeMethod(
            this, [this, outcome] { emit exited(outcome); }, Qt::QueuedConnection);
    });
}

} // namespace forkscope
