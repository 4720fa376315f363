#pragma once

#include <optional>
#include <vector>

#include "store/run_info.h"

namespace forkscope {

class Store;

// One run in a family of forks, with the forks made from it.
struct FamilyNode {
    RunInfo run;
    // Where the run leaves its parent; nullopt for the family's root.
    std::optional<qint64> forkStep;
    // Forks of this run, by fork step (then by creation).
    std::vector<FamilyNode> children;
};

// The whole family a run belongs to: its root ancestor (the first run up the
// fork links that is not itself a live fork) and every fork below it, in any
// project. A fork whose source was deleted (its inherited history
// materialized) starts a family of its own.
struct RunFamily {
    FamilyNode root;
    qint64 size = 0; // runs in the tree

    // The node of the run with store key `runKey`, or nullptr.
    const FamilyNode *find(qint64 runKey) const;
    // The parent of the node of `runKey`, or nullptr (the root, or absent).
    const FamilyNode *parentOf(qint64 runKey) const;
    // Every node, parents before children, siblings in fork-step order.
    std::vector<const FamilyNode *> preorder() const;
};

// Reads the family of `runKey` in one snapshot of the store. Throws
// NotFound when there is no such run.
RunFamily readRunFamily(Store &store, qint64 runKey);

} // namespace forkscope
