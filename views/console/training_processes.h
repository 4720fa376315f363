#pragma once

#include <QObject>
#include <map>

#include "launch/launch_command.h"
#include "launch/training_process.h"

namespace forkscope {

// The training processes this app started, one per run at most: started from
// the fork dialog, stopped from the Console tab or when the window closes.
// Their output goes to the store (TrainingProcess); the Console tab reads it
// from there, so what it shows is the same before and after a restart.
class TrainingProcesses : public QObject {
    Q_OBJECT
public:
    explicit TrainingProcesses(const QString &storePath, QObject *parent = nullptr);
    ~TrainingProcesses() override;

    // Starts `command` attached to `run`. Throws forkscope::Error (BadInput)
    // for an empty command or a working folder that is not a folder; a
    // program that cannot start ends through exited() like any other.
    void start(const RunInfo &run, const LaunchCommand &command);
    bool isRunning(qint64 runKey) const;
    int runningCount() const;
    // SIGTERM, then SIGKILL after the grace period.
    void stop(qint64 runKey);
    void stopAll();
    void setStopGraceMs(int ms) { graceMs_ = ms; }

signals:
    void started(qint64 runKey);
    void exited(qint64 runKey, const forkscope::ProcessOutcome &outcome);

private:
    QString storePath_;
    std::map<qint64, TrainingProcess *> processes_;
    int graceMs_ = 10000;
};

} // namespace forkscope
