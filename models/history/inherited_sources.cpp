#include "history/inherited_sources.h"

#include "store/store.h"

namespace forkscope {

std::vector<InheritedSource> inheritedSources(Store &store, qint64 runKey)
{
    std::vector<HistorySegment> segments = store.segments(runKey);
    std::vector<InheritedSource> out;
    if (segments.size() < 2)
        return out;
    segments.pop_back(); // the run's own
    out.reserve(segments.size());
    for (const HistorySegment &seg : segments) {
        const RunInfo run = store.runInfo(seg.run);
        out.push_back({seg.run, run.name, run.immutableId, seg.steps});
    }
    return out;
}

const InheritedSource *sourceAt(const std::vector<InheritedSource> &sources, qint64 step)
{
    for (const InheritedSource &s : sources)
        if (s.steps.contains(step))
            return &s;
    return nullptr;
}

} // namespace forkscope
