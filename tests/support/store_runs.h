#pragma once

#include <vector>

#include "store/run_info.h"

namespace fs {
class Store;
}

namespace fs::test {

// Every run of the store, in every project.
std::vector<RunInfo> allRuns(Store &store);

} // namespace fs::test
