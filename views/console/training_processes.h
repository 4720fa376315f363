#pragma once

#include <QObject>
#include <QTimer>
#include <map>

#include "launch/launch_command.h"
#include "launch/training_process.h"

namespace forkscope {

class StoreWorker;

// The training this app started, one process per run at most: started from
// the fork dialog, stopped from the Console tab or when the window closes.
//
// The app does not own the training process: it starts a relay,
// `forkscope-cli launch RUN --new-session -- PROGRAM ARGS...`, detached and
// in a session of its own, and the relay runs it (TrainingProcess: output
// kept in the store, end recorded, SIGTERM passed on with a grace before
// SIGKILL). So training can go on when the app quits ("Leave running"), and
// the Console tab, which reads the store, shows the same before and after a
// restart. A detached process is no child of the app: its end is noticed by
// watching its pid (a zombie counts as ended, as nothing here reaps it), and
// how it ended is read from the run's state in the store.
class TrainingProcesses : public QObject {
    Q_OBJECT
public:
    TrainingProcesses(const QString &storePath, StoreWorker *worker, QObject *parent = nullptr);
    // Relays not left running are stopped (SIGTERM): closing the app only
    // leaves training behind when the person chose so (leaveRunning()).
    ~TrainingProcesses() override;

    // forkscope-cli, which runs the training; default: next to the app's
    // executable (the build folder and the installed bin/ hold both).
    static QString defaultRelayProgram();
    void setRelayProgram(const QString &path) { relay_ = path; }
    QString relayProgram() const { return relay_; }

    // Starts `command` attached to `run` through a relay. Throws
    // forkscope::Error: BadInput for a command that cannot start here (no
    // program, not a folder, not on PATH), NotFound when forkscope-cli is
    // missing or cannot be started.
    void start(const RunInfo &run, const LaunchCommand &command);
    bool isRunning(qint64 runKey) const;
    int runningCount() const { return int(relays_.size()); }
    // The relay's pid, or 0 when none runs for the run here.
    qint64 relayPid(qint64 runKey) const;
    // SIGTERM to the relay, which passes it on and applies its grace.
    void stop(qint64 runKey);
    void stopAll();
    // Forgets the relays: they go on without the app, and exited() is not
    // emitted for them.
    void leaveRunning();

    // SIGTERM to the process logging a run that another app (or an earlier
    // run of this one) started: only on this host. Empty on success, else
    // why not.
    static QString stopWriter(const WriterIdentity &writer);
    static bool isThisHost(const QString &host);

signals:
    void started(qint64 runKey);
    // Once the relay has ended; `outcome` as its run's state tells it.
    void exited(qint64 runKey, const forkscope::ProcessOutcome &outcome);

private:
    void watch();

    QString storePath_;
    StoreWorker *worker_;
    QString relay_;
    std::map<qint64, qint64> relays_; // run key -> relay pid
    QTimer watch_;
};

} // namespace forkscope
