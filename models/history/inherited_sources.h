#pragma once

#include <QString>
#include <vector>

#include "series/series_types.h"

namespace forkscope {

class Store;

// An ancestor whose history a fork shows, and the steps of the fork's
// effective history that come from it.
struct InheritedSource {
    qint64 runKey = 0;
    QString name;
    QString immutableId; // the views colour it by this, as they colour the run
    StepRange steps;
};

// The ancestors of `runKey` along its fork chain, oldest first (empty for a
// run that is not a fork or whose link is materialized): the run's own
// segment of the effective history is left out.
std::vector<InheritedSource> inheritedSources(Store &store, qint64 runKey);

// The source whose steps hold `step`, or nullptr (an own step).
const InheritedSource *sourceAt(const std::vector<InheritedSource> &sources, qint64 step);

} // namespace forkscope
