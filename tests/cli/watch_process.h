#pragma once

#include <QElapsedTimer>
#include <QProcess>
#include <QString>
#include <functional>
#include <vector>

#include "core/json_qt.h"
#include "store/run_info.h"
#include "support/store_runs.h"

namespace forkscope {
class Store;
}

namespace forkscope::test {

// A real `forkscope-cli import PATH --watch --json` process.
class WatchProcess {
public:
    WatchProcess(const QString &store, const QString &path);
    ~WatchProcess();

    bool started() const { return started_; }
    bool running() const { return process_.state() == QProcess::Running; }
    // Takes what it printed so far (the pipe must not fill up).
    void drain();
    // Sends `signal` and waits for the exit; the exit code, or -1 for a crash or a hang.
    int stop(int signal);
    // Every JSON line printed so far.
    std::vector<Json> lines();
    QString errorText() const { return err_; }

private:
    QProcess process_;
    bool started_ = false;
    QByteArray out_;
    QString err_;
};

// Polls `done` on a real store until it holds or `timeoutMs` passes (draining
// `watch` meanwhile). Returns the milliseconds it took, or -1 on timeout.
qint64 waitForStore(Store &store, WatchProcess &watch, const std::function<bool(Store &)> &done, int timeoutMs);

// The numeric values of `key` in the run named `name` (empty if there is no such run).
std::vector<std::pair<qint64, double>> seriesOf(Store &store, const QString &name, const QString &key);

} // namespace forkscope::test
