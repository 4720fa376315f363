#pragma once

#include <chrono>
#include <functional>
#include <thread>

namespace forkscope::test {

// Polls `done` until it holds or `timeout` has passed; false on timeout.
// For waiting on other processes and threads without an event loop (widget
// tests use test::waitFor, which also processes Qt events).
inline bool pollUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout = std::chrono::seconds(30),
                      std::chrono::milliseconds interval = std::chrono::milliseconds(20))
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() >= deadline)
            return done();
        std::this_thread::sleep_for(interval);
    }
    return true;
}

} // namespace forkscope::test
