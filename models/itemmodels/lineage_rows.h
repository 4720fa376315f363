#pragma once

#include <QSet>
#include <vector>

#include "series/series_types.h"
#include "store/config_diff.h"
#include "store/run_family.h"

namespace forkscope {

// One run of a family as the lineage graph lays it out: a row, and a bar
// along the step axis from where it leaves its parent to its last step.
struct LineageRow {
    const FamilyNode *node = nullptr;
    int depth = 0;
    int parentRow = -1; // -1: the root
    qint64 start = 0;   // fork step; the root's first step
    qint64 end = 0;     // last step (start when it logged nothing)
    int colorIndex = 0;
    bool hasChildren = false;
    bool collapsed = false;
    int hiddenRuns = 0;                // descendants hidden under a collapsed run
    std::vector<ConfigChange> changes; // against the parent's config
};

// The family's rows, parents first and siblings in fork-step order; the
// descendants of runs in `collapsed` (store keys) are left out.
std::vector<LineageRow> lineageRows(const RunFamily &family, const QSet<qint64> &collapsed);

// The steps all rows cover ({0, 0} for none).
StepRange lineageExtent(const std::vector<LineageRow> &rows);

} // namespace forkscope
