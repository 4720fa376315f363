#pragma once

#include <pybind11/pybind11.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "client/run.h"

namespace forkscope::py {

// forkscope::Run for Python: any thread may call it. Python values are converted
// while the GIL is held; the client is then called with the GIL released
// and under this object's mutex (forkscope::Run serves one logging thread), so a
// slow disk, a flush or a finish never stalls other Python threads.
// Lock order: GIL released first, then the mutex; nothing done under the
// mutex needs the GIL.
class NativeRun {
public:
    explicit NativeRun(InitOptions options);
    ~NativeRun();

    void log(pybind11::handle data, pybind11::handle step, pybind11::handle commit);
    void finish(int exitCode);
    void flush();
    void rename(const std::string &name);
    void setConfig(pybind11::handle config);
    void setSummary(const std::string &key, pybind11::handle value);
    // The stored summary as JSON text (NaN and ±Infinity as Python's json
    // module writes them), after a flush.
    std::string summaryJson();
    // (step, path, size or None, sha256 or None, run path) of the
    // registered checkpoint; the file is hashed with the GIL released.
    pybind11::tuple logCheckpoint(const std::string &path, pybind11::handle step, pybind11::handle metadata);
    // The same tuple for the checkpoint a fork resumes from, or None.
    pybind11::object resumeCheckpoint();

    RunInfo info();
    qint64 step();
    bool finished();

private:
    template <typename F> auto locked(F &&f);
    void raisePendingWarnings();

    std::unique_ptr<Run> run_;
    std::mutex mutex_;
    bool finished_ = false;
    std::mutex warningsMutex_;
    QStringList warnings_;
    std::atomic<bool> hasWarnings_ = false;
};

} // namespace forkscope::py
