#pragma once

#include <QString>
#include <functional>
#include <string>
#include <vector>

#include "store/run_info.h"

namespace forkscope {
class Store;
}

namespace forkscope::test {

// A run with history, written into a real store by the real writer. Each
// step is named; the run is made by create():
//
//   const RunInfo run = RunSeed(store).project("p").id("a").config({{"lr", 0.1}})
//                           .values("loss", 0, 1000, [](qint64 s) { return 1.0 / double(s + 1); })
//                           .create();
//   RunSeed(store).project("p").id("b").forkOf("a?_step=500").values(...).create();
class RunSeed {
public:
    using ValueAt = std::function<double(qint64 step)>;

    explicit RunSeed(Store &store);

    RunSeed &project(const QString &project);
    RunSeed &entity(const QString &entity);
    RunSeed &id(const QString &runId);
    RunSeed &name(const QString &name);
    RunSeed &config(const Json &config);
    // The state the run is created in (default: running). A fork keeps the
    // store's default.
    RunSeed &state(RunState state);
    // Marked finished (exit code 0) once its history is written.
    RunSeed &finishedAfterHistory();
    // A fork of `spec` (a ForkSpec text such as "a?_step=300") instead of a new run.
    RunSeed &forkOf(const QString &spec);
    // `key` = value(step) at steps first, first + stride, ... below `end`, in
    // the order the steps are added.
    RunSeed &values(const std::string &key, qint64 first, qint64 end, ValueAt value, qint64 stride = 1);

    // Creates the run, writes its history (one flush), and returns the run
    // as the store reads it back.
    RunInfo create();

private:
    struct Series {
        std::string key;
        qint64 first = 0;
        qint64 end = 0;
        qint64 stride = 1;
        ValueAt value;
    };

    Store &store_;
    NewRun spec_;
    QString forkOf_;
    bool finishAfterHistory_ = false;
    std::vector<Series> series_;
};

} // namespace forkscope::test
