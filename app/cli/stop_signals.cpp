#include "cli/stop_signals.h"

#include <cerrno>
#include <csignal>
#include <ctime>

namespace forkscope {

namespace {

sigset_t stopSet()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

} // namespace

StopSignals::StopSignals()
{
    // Blocked, they stay pending until waitForStop() takes them.
    const sigset_t set = stopSet();
    sigprocmask(SIG_BLOCK, &set, nullptr);
}

StopSignals::~StopSignals()
{
    const sigset_t set = stopSet();
    sigprocmask(SIG_UNBLOCK, &set, nullptr);
}

bool StopSignals::waitForStop(int ms)
{
    if (stopped_)
        return true;
    const sigset_t set = stopSet();
    timespec timeout{ms / 1000, long(ms % 1000) * 1000000L};
    for (;;) {
        const int sig = sigtimedwait(&set, nullptr, &timeout);
        if (sig == SIGINT || sig == SIGTERM) {
            stopped_ = true;
            return true;
        }
        if (sig < 0 && errno == EINTR)
            continue; // another signal; the remaining time is not tracked, a poll comes a little later
        return false;
    }
}

int StopSignals::takeSignal()
{
    const sigset_t set = stopSet();
    timespec now{0, 0};
    const int sig = sigtimedwait(&set, nullptr, &now);
    return sig == SIGINT || sig == SIGTERM ? sig : 0;
}

} // namespace forkscope
