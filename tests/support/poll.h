#pragma once

#include <QDeadlineTimer>
#include <QThread>
#include <functional>

namespace fs::test {

// Asks `ready` every few milliseconds until it holds or `timeoutMs` pass;
// returns whether it held. Synchronisation by condition, not by sleeping a
// guessed time.
inline bool pollUntil(const std::function<bool()> &ready, int timeoutMs = 30000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!ready()) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(5);
    }
    return true;
}

} // namespace fs::test
