#include "store/run_family.h"

#include <QSet>
#include <algorithm>
#include <functional>

#include "core/error.h"
#include "identity/run_ref.h"
#include "store/store.h"
#include "store/store_text.h"
#include "store/store_transaction.h"

namespace forkscope {

namespace {

// Guards against a damaged store whose links loop; linkFork refuses cycles.
constexpr int kMaxFamilyDepth = 10000;

// The live source of `run`, or nullopt when it is a root: not a fork, its
// link materialized (the source was deleted), or the source is not in this
// store (an import waiting for it).
std::optional<RunInfo> sourceOf(Store &store, const RunInfo &run)
{
    // An archived version hangs off the run it was cut from, at the rewind
    // step, so forks that kept their history through it stay in the family.
    if (run.archived)
        return store.runInfo(run.archived->runKey);
    if (!run.fork || run.fork->materialized)
        return std::nullopt;
    RunRef ref;
    ref.kind = RunRef::Kind::Immutable;
    ref.text = run.fork->sourceImmutableId;
    try {
        return store.resolve(ref);
    } catch (const Error &e) {
        if (e.kind() != Error::Kind::NotFound)
            throw;
        return std::nullopt;
    }
}

void addChildren(Store &store, FamilyNode &node, QSet<qint64> &seen, qint64 &size, int depth)
{
    if (depth >= kMaxFamilyDepth)
        throw Error(Error::Kind::Conflict, StoreText::tr("the forks below run '%1' are nested more than %2 deep; the "
                                                         "store's fork links may loop (run 'forkscope-cli check')")
                                               .arg(node.run.runId)
                                               .arg(kMaxFamilyDepth));
    const auto adopt = [&](RunInfo &run, qint64 step) {
        if (seen.contains(run.key))
            return;
        seen.insert(run.key);
        ++size;
        FamilyNode child;
        child.forkStep = step;
        child.run = std::move(run);
        node.children.push_back(std::move(child));
    };
    for (RunInfo &fork : store.forksOf(node.run.immutableId))
        adopt(fork, fork.fork->step);
    if (!node.run.archived) {
        for (RunInfo &archive : store.archivedVersions(node.run.key))
            adopt(archive, archive.archived->rewindStep);
    }
    // forksOf gives creation order; a stable sort keeps it among equal steps.
    std::stable_sort(node.children.begin(), node.children.end(),
                     [](const FamilyNode &a, const FamilyNode &b) { return *a.forkStep < *b.forkStep; });
    for (FamilyNode &child : node.children)
        addChildren(store, child, seen, size, depth + 1);
}

} // namespace

RunFamily readRunFamily(Store &store, qint64 runKey)
{
    StoreSnapshot snapshot(store);
    RunInfo root = store.runInfo(runKey);
    QSet<qint64> seen{root.key};
    for (int depth = 0; depth < kMaxFamilyDepth; ++depth) {
        auto source = sourceOf(store, root);
        if (!source || seen.contains(source->key))
            break;
        seen.insert(source->key);
        root = std::move(*source);
    }
    RunFamily family;
    family.root.run = std::move(root);
    family.size = 1;
    QSet<qint64> placed{family.root.run.key};
    addChildren(store, family.root, placed, family.size, 0);
    return family;
}

const FamilyNode *RunFamily::find(qint64 runKey) const
{
    for (const FamilyNode *node : preorder())
        if (node->run.key == runKey)
            return node;
    return nullptr;
}

const FamilyNode *RunFamily::parentOf(qint64 runKey) const
{
    for (const FamilyNode *node : preorder())
        for (const FamilyNode &child : node->children)
            if (child.run.key == runKey)
                return node;
    return nullptr;
}

std::vector<const FamilyNode *> RunFamily::preorder() const
{
    std::vector<const FamilyNode *> out;
    std::vector<const FamilyNode *> stack{&root};
    while (!stack.empty()) {
        const FamilyNode *node = stack.back();
        stack.pop_back();
        out.push_back(node);
        for (auto it = node->children.rbegin(); it != node->children.rend(); ++it)
            stack.push_back(&*it);
    }
    return out;
}

} // namespace forkscope
