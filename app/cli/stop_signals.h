#pragma once

namespace forkscope {

// SIGINT and SIGTERM, held back while it lives so that a long-running
// command (import --watch) finishes the write it is in and stops cleanly
// instead of dying mid-transaction.
class StopSignals {
public:
    StopSignals();
    ~StopSignals();
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;

    // Waits up to `ms` milliseconds; true once SIGINT or SIGTERM arrived.
    bool waitForStop(int ms);
    // The next pending SIGINT or SIGTERM, taken, or 0 when none is: for a
    // command that passes each one on (fork --launch forwards them to the
    // training process).
    int takeSignal();

private:
    bool stopped_ = false;
};

} // namespace forkscope
