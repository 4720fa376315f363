#pragma once

#include <QString>
#include <optional>
#include <vector>

#include "store/run_info.h"

namespace forkscope {

// What the runs list is ordered by. Summary and Config order by one numeric
// leaf (a dotted key such as "opt.lr"); runs without a number there come
// after the others, newest first.
enum class RunSortKey { Created, Name, RunId, State, LastStep, Summary, Config };
enum class SortDirection { Ascending, Descending };

// One ordering and filtering of a project's runs, answered by the store's
// indexes so a page of a million runs costs what a page costs.
struct RunPageQuery {
    qint64 projectKey = 0;
    RunSortKey sort = RunSortKey::Created;
    QString valueKey; // for Summary and Config
    SortDirection direction = SortDirection::Descending;
    // Text found (ASCII case-insensitively) in the name, run ID, a tag or
    // the stored state; empty keeps every run.
    QString filter;
    // Summary and Config only: keep the runs whose value lies within.
    std::optional<double> valueMin;
    std::optional<double> valueMax;

    bool sortsByValue() const { return sort == RunSortKey::Summary || sort == RunSortKey::Config; }
    bool operator==(const RunPageQuery &) const = default;
};

// What changed in a project's runs after change number `since`.
struct RunChanges {
    qint64 seq = 0;               // the store's change number these changes reach
    std::vector<RunInfo> changed; // new runs and runs whose shown columns changed
    std::vector<qint64> removed;  // keys of deleted runs
};

} // namespace forkscope
