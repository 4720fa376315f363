#pragma once

#include <optional>
#include <vector>

#include "store/run_info.h"

namespace forkscope {

class Store;

// What the Overview shows about one run: the run, the run it was forked
// from (if still there), its forks, the archived versions its rewinds made
// and, for an archived version, the run it belongs to.
struct RunDetails {
    RunInfo run;
    std::optional<RunInfo> source;
    std::vector<RunInfo> forks;
    std::vector<RunInfo> archived;
    std::optional<RunInfo> archivedOf;
};

// Runs on a worker thread.
RunDetails loadRunDetails(Store &store, qint64 runKey);

} // namespace forkscope
