#include "itemmodels/lineage_rows.h"

#include <algorithm>

#include "itemmodels/run_color.h"

namespace forkscope {

namespace {

int countBelow(const FamilyNode &node)
{
    int n = 0;
    for (const FamilyNode &child : node.children)
        n += 1 + countBelow(child);
    return n;
}

void addRows(const FamilyNode &node, const Json &parentConfig, int depth, int parentRow, const QSet<qint64> &collapsed,
             std::vector<LineageRow> &out)
{
    LineageRow row;
    row.node = &node;
    row.depth = depth;
    row.parentRow = parentRow;
    const RunInfo &run = node.run;
    row.start = node.forkStep ? *node.forkStep : run.ownFirstStep.value_or(0);
    row.end = std::max(row.start, run.lastStep().value_or(row.start));
    row.colorIndex = runColorIndex(run.immutableId);
    row.hasChildren = !node.children.empty();
    row.collapsed = row.hasChildren && collapsed.contains(run.key);
    if (row.collapsed)
        row.hiddenRuns = countBelow(node);
    if (node.forkStep)
        row.changes = configChanges(parentConfig, run.config);
    const bool open = !row.collapsed;
    const int self = int(out.size());
    out.push_back(std::move(row));
    if (!open)
        return;
    for (const FamilyNode &child : node.children)
        addRows(child, run.config, depth + 1, self, collapsed, out);
}

} // namespace

std::vector<LineageRow> lineageRows(const RunFamily &family, const QSet<qint64> &collapsed)
{
    std::vector<LineageRow> out;
    out.reserve(size_t(family.size));
    addRows(family.root, Json::object(), 0, -1, collapsed, out);
    return out;
}

StepRange lineageExtent(const std::vector<LineageRow> &rows)
{
    if (rows.empty())
        return {0, 0};
    StepRange r{rows.front().start, rows.front().end};
    for (const LineageRow &row : rows) {
        r.lo = std::min(r.lo, row.start);
        r.hi = std::max(r.hi, row.end);
    }
    return r;
}

} // namespace forkscope
