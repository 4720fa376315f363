#pragma once

#include <QDateTime>
#include <QObject>
#include <QProcess>
#include <QThread>
#include <QTimer>
#include <memory>

#include "launch/launch_command.h"
#include "launch/output_lines.h"
#include "store/console_output.h"
#include "store/run_info.h"

namespace forkscope {

class ConsoleRecorder;

// How a started process ended, once its run's state is recorded.
struct ProcessOutcome {
    ProcessEnd end = ProcessEnd::Exited;
    int exitCode = 0;                      // for Exited
    int signal = 0;                        // for Killed: the signal that ended it
    QString error;                         // for NotStarted: why (no such program...)
    RunState runState = RunState::Crashed; // as recorded in the store
    std::optional<int> runExitCode;
    QString storeError; // the store could not record the end (the run deleted...)
};

// A training process started for a run ("attached": it gets
// FORKSCOPE_RUN_ID and FORKSCOPE_STORE, so forkscope.init() in it logs to
// that run; see core/run_environment.h). The program is started directly
// with its argument list, never through a shell. Its stdout and stderr are
// kept in the run's console in the store (Store::appendConsole) as they
// arrive, split at line ends, and announced by output(); when it ends, the
// run's state is recorded (Store::recordProcessEnd) and exited() follows.
//
// Store writes happen on a thread of the object's own (a connection of its
// own), so a GUI thread that owns a TrainingProcess never waits on the store.
// The child runs in a process group of its own: stop() and sendSignal()
// reach the workers it started (data loaders) too.
//
// Destroying a TrainingProcess whose child still runs kills the child
// (SIGKILL) and records the run crashed; the destructor waits for that and
// for the console writes still queued (stop() first, and destroy it after
// exited(), to keep the UI thread from waiting).
class TrainingProcess : public QObject {
    Q_OBJECT
public:
    TrainingProcess(const QString &storePath, const RunInfo &run, QObject *parent = nullptr);
    ~TrainingProcess() override;

    // How long stop() waits after SIGTERM before SIGKILL (default 10 s).
    void setStopGraceMs(int ms) { graceMs_ = ms; }
    int stopGraceMs() const { return graceMs_; }

    // Starts `command` (arguments[0] is the program, looked up on PATH when
    // it has no '/'). Throws BadInput for an empty command or a working
    // folder that is not a folder; a program that cannot be started is
    // reported through exited() (NotStarted, with the reason also kept in
    // the console), as any other end.
    void start(const LaunchCommand &command);
    // SIGTERM now, SIGKILL after the grace period if it still runs.
    void stop();
    // Sends `signal` to the child's process group (the CLI forwards Ctrl-C).
    void sendSignal(int signal);

    bool isRunning() const;
    qint64 processId() const;
    const RunInfo &run() const { return run_; }

signals:
    void started();
    // Text the child wrote, as soon as it is stored-bound: whole lines, or a
    // partial line once the child has been quiet for a moment.
    void output(forkscope::ConsoleStream stream, const QString &text);
    // Once the run's state is recorded; nothing more is emitted after it.
    void exited(const forkscope::ProcessOutcome &outcome);
    // A console write the store refused (full disk...): the output goes on.
    void storeProblem(const QString &message);

private:
    void read(ConsoleStream stream);
    void emitText(ConsoleStream stream, const QString &text);
    void flushPartial();
    void finishWith(ProcessOutcome outcome);

    QString storePath_;
    RunInfo run_;
    int graceMs_ = 10000;
    QProcess process_;
    QTimer killTimer_;
    QTimer quietTimer_;
    OutputLines stdout_;
    OutputLines stderr_;
    QThread storeThread_;
    ConsoleRecorder *recorder_ = nullptr; // lives in storeThread_
    int sentSignal_ = 0;
    bool ended_ = false;
};

} // namespace forkscope

Q_DECLARE_METATYPE(forkscope::ProcessOutcome)
