#include "views/overview/run_details.h"

#include "core/error.h"
#include "store/store.h"

namespace forkscope {

RunDetails loadRunDetails(Store &store, qint64 runKey)
{
    RunDetails d;
    d.run = store.runInfo(runKey);
    if (d.run.fork && !d.run.fork->sourceImmutableId.isEmpty()) {
        try {
            d.source = store.resolve(d.run.fork->sourceImmutableId);
        } catch (const Error &) {
            // The source was deleted; the link text still names it.
        }
    }
    d.forks = store.forksOf(d.run.immutableId);
    d.archived = store.archivedVersions(runKey);
    if (d.run.archived)
        d.archivedOf = store.runInfo(d.run.archived->runKey);
    return d;
}

} // namespace forkscope
