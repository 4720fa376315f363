#include "support/store_runs.h"

#include "store/store.h"

namespace forkscope::test {

std::vector<RunInfo> allRuns(Store &store)
{
    std::vector<RunInfo> runs;
    for (const ProjectInfo &p : store.projects())
        for (RunInfo &r : store.runs(p.key))
            runs.push_back(std::move(r));
    return runs;
}

} // namespace forkscope::test
