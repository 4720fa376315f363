#pragma once

#include <vector>

#include "store/run_info.h"

namespace forkscope {
class Store;
}

namespace forkscope::test {

// Every run of the store, in every project.
std::vector<RunInfo> allRuns(Store &store);

} // namespace forkscope::test
