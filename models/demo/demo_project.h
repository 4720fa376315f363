#pragma once

#include <QString>
#include <functional>
#include <vector>

#include "store/run_info.h"

namespace forkscope {

class Store;

// Called now and then while the demo is written: what is being created and
// how far along the whole demo is (0..100).
using DemoProgress = std::function<void(const QString &what, int percent)>;

struct DemoProject {
    QString entity;
    QString project;
    std::vector<RunInfo> runs; // in creation order, as stored at the end
};

QString demoProjectName(); // "fork-demo"

// Creates the project a newcomer first sees, through forkscope::Run like any
// training script: the seed example of fork-semantics.md replayed exactly
// (run1 and its fork run2 at step 200), a 100 000-step training run with
// noisy metrics, a fork of it and a fork of that fork. Deterministic.
// Throws forkscope::Error(Conflict) if the store already has runs in the project.
DemoProject createDemoProject(Store &store, const DemoProgress &progress = {});

} // namespace forkscope
