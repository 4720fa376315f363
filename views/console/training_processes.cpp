#include "views/console/training_processes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSysInfo>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>

#include "core/error.h"
#include "store/store.h"
#include "views/store_worker.h"

namespace forkscope {

namespace {

constexpr int kWatchMs = 200;

// Whether `pid` still runs. A relay is nobody's child here: once it ended,
// it may stay a zombie until whoever adopted it reaps it, and kill(pid, 0)
// still succeeds on a zombie, so /proc says which it is (where there is one).
bool isAlive(qint64 pid)
{
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    // "pid (name) S ...": the name may hold spaces and ')', the state follows the last ')'.
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || close + 2 >= line.size() || line.at(close + 2) != 'Z';
}

// How the run ended, as the relay recorded it in the store.
ProcessOutcome outcomeOf(const RunInfo &run)
{
    ProcessOutcome outcome;
    outcome.runState = run.key ? run.state : RunState::Crashed;
    outcome.runExitCode = run.exitCode;
    switch (outcome.runState) {
    case RunState::Finished:
    case RunState::Failed:
        outcome.end = ProcessEnd::Exited;
        outcome.exitCode = run.exitCode.value_or(outcome.runState == RunState::Finished ? 0 : 1);
        break;
    case RunState::Crashed: outcome.end = ProcessEnd::Killed; break;
    case RunState::Pending:
    case RunState::Running:
        // The relay itself was killed before it could record the end.
        outcome.end = ProcessEnd::Killed;
        outcome.error = TrainingProcesses::tr("the training relay ended without recording the run's end");
        break;
    }
    return outcome;
}

} // namespace

TrainingProcesses::TrainingProcesses(const QString &storePath, StoreWorker *worker, QObject *parent)
    : QObject(parent), storePath_(QFileInfo(storePath).absoluteFilePath()), worker_(worker),
      relay_(defaultRelayProgram())
{
    watch_.setInterval(kWatchMs);
    connect(&watch_, &QTimer::timeout, this, &TrainingProcesses::watch);
}

TrainingProcesses::~TrainingProcesses()
{
    stopAll();
}

QString TrainingProcesses::defaultRelayProgram()
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("forkscope-cli"));
}

void TrainingProcesses::start(const RunInfo &run, const LaunchCommand &command)
{
    if (isRunning(run.key))
        return;
    // Refused here, where it can be said, rather than by a relay that has
    // nowhere to say it.
    if (const QString problem = launchCommandProblem(command); !problem.isEmpty())
        throw Error(Error::Kind::BadInput, problem);
    const QFileInfo relay(relay_);
    if (!relay.isFile() || !relay.isExecutable())
        throw Error(Error::Kind::NotFound,
                    tr("forkscope-cli, which runs the training for the app, is not at %1; expected it next to the "
                       "forkscope executable, as the package installs it (reinstall Forkscope, or build the "
                       "forkscope-cli target)")
                        .arg(QDir::toNativeSeparators(relay_)));
    QStringList args{QStringLiteral("--store"), storePath_, QStringLiteral("launch"), run.immutableId,
                     QStringLiteral("--new-session")};
    if (!command.workingFolder.isEmpty())
        args << QStringLiteral("--cwd") << command.workingFolder;
    args << QStringLiteral("--") << command.arguments;
    QProcess process;
    process.setProgram(relay_);
    process.setArguments(args);
    // The output is in the store; the relay's own copy goes nowhere (the app
    // may have no terminal, and may be gone).
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    qint64 pid = 0;
    if (!process.startDetached(&pid) || pid <= 0)
        throw Error(Error::Kind::NotFound,
                    tr("could not start %1: %2").arg(QDir::toNativeSeparators(relay_), process.errorString()));
    relays_[run.key] = pid;
    watch_.start();
    emit started(run.key);
}

bool TrainingProcesses::isRunning(qint64 runKey) const
{
    return relays_.count(runKey) != 0;
}

qint64 TrainingProcesses::relayPid(qint64 runKey) const
{
    const auto it = relays_.find(runKey);
    return it == relays_.end() ? 0 : it->second;
}

void TrainingProcesses::stop(qint64 runKey)
{
    if (const qint64 pid = relayPid(runKey); pid > 0 && isAlive(pid))
        ::kill(pid_t(pid), SIGTERM);
}

void TrainingProcesses::stopAll()
{
    for (const auto &[key, pid] : relays_)
        stop(key);
}

void TrainingProcesses::leaveRunning()
{
    relays_.clear();
    watch_.stop();
}

bool TrainingProcesses::isThisHost(const QString &host)
{
    // As WriterIdentity::thisProcess() names it.
    return host == QSysInfo::machineHostName();
}

QString TrainingProcesses::stopWriter(const WriterIdentity &writer)
{
    if (!isThisHost(writer.host))
        return tr("the run is being logged on %1, not on this computer (%2): stop it there")
            .arg(writer.host, QSysInfo::machineHostName());
    if (writer.pid <= 0 || ::kill(pid_t(writer.pid), SIGTERM) != 0)
        return tr("process %1, which logs the run, is not running here any more").arg(writer.pid);
    return {};
}

void TrainingProcesses::watch()
{
    for (auto it = relays_.begin(); it != relays_.end();) {
        if (isAlive(it->second)) {
            ++it;
            continue;
        }
        const qint64 key = it->first;
        it = relays_.erase(it);
        // The relay recorded the end before it exited; the store says how.
        worker_->post(this, [this, key](Store &store) -> StoreWorker::Done {
            ProcessOutcome outcome;
            try {
                outcome = outcomeOf(store.runInfo(key));
            } catch (const Error &e) { // the run was deleted meanwhile
                outcome.end = ProcessEnd::Killed;
                outcome.storeError = e.message();
            }
            return [this, key, outcome] { emit exited(key, outcome); };
        });
    }
    if (relays_.empty())
        watch_.stop();
}

} // namespace forkscope
