#include <gtest/gtest.h>

#include "core/error.h"
#include "identity/fork_spec.h"
#include "store/config_diff.h"
#include "store/run_family.h"
#include "store/store.h"
#include "support/run_seed.h"
#include "support/temp_store.h"

using namespace forkscope;

namespace {

RunInfo seed(Store &store, const QString &id, const QString &forkOf, qint64 first, qint64 end)
{
    test::RunSeed s(store);
    s.project(QStringLiteral("p")).id(id).config({{"lr", 0.1}}).state(RunState::Finished);
    if (!forkOf.isEmpty())
        s.forkOf(forkOf);
    if (end > first)
        s.values("m", first, end, [](qint64 step) { return double(step); });
    return s.create();
}

QStringList ids(const std::vector<FamilyNode> &nodes)
{
    QStringList out;
    for (const auto &n : nodes)
        out << n.run.runId;
    return out;
}

} // namespace

TEST(RunFamily, EveryMemberReadsTheSameTreeInForkStepOrder)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo root = seed(store, QStringLiteral("root"), {}, 0, 100);
    const RunInfo late = seed(store, QStringLiteral("late"), QStringLiteral("root?_step=80"), 81, 120);
    const RunInfo early = seed(store, QStringLiteral("early"), QStringLiteral("root?_step=20"), 21, 50);
    const RunInfo grand = seed(store, QStringLiteral("grand"), QStringLiteral("early?_step=30"), 0, 0);
    const RunInfo twin = seed(store, QStringLiteral("twin"), QStringLiteral("root?_step=20"), 0, 0);
    seed(store, QStringLiteral("stranger"), {}, 0, 10);

    for (const RunInfo &member : {root, late, early, grand, twin}) {
        const RunFamily family = readRunFamily(store, member.key);
        EXPECT_EQ(family.root.run.key, root.key);
        EXPECT_FALSE(family.root.forkStep);
        EXPECT_EQ(family.size, 5);
        EXPECT_EQ(ids(family.root.children), (QStringList{"early", "twin", "late"}));
        const FamilyNode *g = family.find(grand.key);
        ASSERT_NE(g, nullptr);
        EXPECT_EQ(g->forkStep, 30);
        EXPECT_EQ(g->run.lastStep(), 30);
        EXPECT_EQ(family.parentOf(grand.key)->run.key, early.key);
        EXPECT_EQ(family.parentOf(root.key), nullptr);
        QStringList order;
        for (const FamilyNode *n : family.preorder())
            order << n->run.runId;
        EXPECT_EQ(order, (QStringList{"root", "early", "grand", "twin", "late"}));
    }
    EXPECT_EQ(readRunFamily(store, root.key).find(late.key)->run.lastStep(), 119);
}

TEST(RunFamily, ForksInOtherProjectsBelongAndMaterializedForksStartTheirOwn)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo root = seed(store, QStringLiteral("root"), {}, 0, 100);
    ForkOptions elsewhere;
    elsewhere.project = QStringLiteral("other");
    const RunInfo away = store.createFork(ForkSpec::parse(QStringLiteral("local/p/root?_step=10")), elsewhere);
    const RunInfo mid = seed(store, QStringLiteral("mid"), QStringLiteral("root?_step=50"), 51, 70);
    const RunInfo leaf = seed(store, QStringLiteral("leaf"), QStringLiteral("mid?_step=60"), 0, 0);
    EXPECT_EQ(readRunFamily(store, away.key).size, 4);

    store.deleteRun(mid.key, DependentForks::Materialize);
    const RunFamily orphan = readRunFamily(store, leaf.key);
    EXPECT_EQ(orphan.root.run.key, leaf.key);
    EXPECT_EQ(orphan.size, 1);
    EXPECT_EQ(readRunFamily(store, root.key).size, 2);
}

TEST(RunFamily, AMissingRunIsNotFound)
{
    test::TempStore tmp;
    Store store(tmp.path());
    try {
        readRunFamily(store, 12345);
        FAIL() << "no error";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::NotFound);
        EXPECT_TRUE(e.message().contains(QStringLiteral("12345")));
    }
}

TEST(ConfigDiff, AddedRemovedAndChangedKeysByDottedPath)
{
    const Json parent = {{"lr", 0.1},      {"layers", 4},
                         {"same", "x"},    {"opt", {{"name", "adam"}, {"beta", 0.9}, {"deep", {{"k", 1}}}}},
                         {"list", {1, 2}}, {"_wandb", {{"start_time", 1}}}};
    const Json child = {{"lr", 0.01},        {"same", "x"},
                        {"warmup", nullptr}, {"opt", {{"name", "adam"}, {"beta", 0.95}, {"deep", {{"k", 2}}}}},
                        {"list", {1, 2, 3}}, {"_wandb", {{"start_time", 2}}}};
    const auto changes = configChanges(parent, child);
    QStringList keys;
    for (const auto &c : changes)
        keys << c.key;
    EXPECT_EQ(keys, (QStringList{"layers", "list", "lr", "opt.beta", "opt.deep.k", "warmup"}));
    EXPECT_TRUE(changes[0].removed());
    EXPECT_EQ(*changes[0].from, 4);
    EXPECT_EQ(*changes[1].to, Json({1, 2, 3}));
    EXPECT_EQ(*changes[2].from, 0.1);
    EXPECT_EQ(*changes[2].to, 0.01);
    EXPECT_TRUE(changes[5].added());
    EXPECT_TRUE(changes[5].to->is_null());

    EXPECT_TRUE(configChanges(parent, parent).empty());
    // An integer and the same number as a float are the same value.
    EXPECT_TRUE(configChanges({{"n", 2}}, {{"n", 2.0}}).empty());
    // An object replaced by a scalar: its leaves removed, the key added.
    const auto replaced = configChanges({{"o", {{"a", 1}}}}, {{"o", 5}});
    ASSERT_EQ(replaced.size(), 2u);
    EXPECT_EQ(replaced[0].key, "o");
    EXPECT_TRUE(replaced[0].added());
    EXPECT_EQ(replaced[1].key, "o.a");
    EXPECT_TRUE(replaced[1].removed());
    // Not an object: nothing to compare.
    EXPECT_EQ(configChanges(Json::array(), {{"a", 1}}).size(), 1u);
}
