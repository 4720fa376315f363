#include "views/console/training_processes.h"

#include "core/error.h"

namespace forkscope {

TrainingProcesses::TrainingProcesses(const QString &storePath, QObject *parent) : QObject(parent), storePath_(storePath)
{
}

// The processes are children: destroying one that still runs kills it and
// records its run crashed, so closing the app never leaves a run "running".
TrainingProcesses::~TrainingProcesses() = default;

void TrainingProcesses::start(const RunInfo &run, const LaunchCommand &command)
{
    if (isRunning(run.key))
        return;
    auto *process = new TrainingProcess(storePath_, run, this);
    process->setStopGraceMs(graceMs_);
    const qint64 key = run.key;
    // Listed before it starts: a program that cannot start may end at once.
    processes_[key] = process;
    connect(process, &TrainingProcess::exited, this, [this, key, process](const ProcessOutcome &outcome) {
        if (auto it = processes_.find(key); it != processes_.end() && it->second == process)
            processes_.erase(it);
        process->deleteLater();
        emit exited(key, outcome);
    });
    try {
        process->start(command);
    } catch (const Error &) {
        processes_.erase(key);
        delete process;
        throw; // refused before anything started: the caller says why
    }
    emit started(key);
}

bool TrainingProcesses::isRunning(qint64 runKey) const
{
    const auto it = processes_.find(runKey);
    return it != processes_.end() && it->second->isRunning();
}

int TrainingProcesses::runningCount() const
{
    int n = 0;
    for (const auto &[key, process] : processes_)
        n += process->isRunning() ? 1 : 0;
    return n;
}

void TrainingProcesses::stop(qint64 runKey)
{
    if (const auto it = processes_.find(runKey); it != processes_.end())
        it->second->stop();
}

void TrainingProcesses::stopAll()
{
    for (const auto &[key, process] : processes_)
        process->stop();
}

} // namespace forkscope
