#include <QAbstractItemModelTester>
#include <gtest/gtest.h>

#include "identity/fork_spec.h"
#include "itemmodels/json_tree_model.h"
#include "itemmodels/project_list_model.h"
#include "itemmodels/run_page_model.h"
#include "store/store.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/store_worker.h"

namespace forkscope {
namespace {

using Tester = QAbstractItemModelTester;
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

std::vector<RunInfo> sampleRuns(Store &store)
{
    const RunInfo a = test::makeRun(store, QStringLiteral("p"), QStringLiteral("alpha"), 50,
                                    Json{{"lr", 0.1}, {"opt", {{"name", "adam"}}}});
    test::makeRun(store, QStringLiteral("p"), QStringLiteral("beta"), 10, Json{{"lr", 0.01}});
    ForkOptions fo;
    fo.name = QStringLiteral("gamma");
    fo.tags = {QStringLiteral("sweep")};
    store.createFork(ForkSpec::parse(formatForkSpec(a.immutableId, 20)), fo);
    return store.runs(a.projectKey);
}

TEST(ItemModels, ProjectListModelPassesTheTester)
{
    ProjectListModel model;
    Tester tester(&model, kFatal);
    model.setProjects(
        {{1, QStringLiteral("e"), QStringLiteral("a"), 3, {}}, {2, QStringLiteral("e"), QStringLiteral("b"), 0, {}}});
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0).data().toString(), QStringLiteral("e/a"));
    EXPECT_EQ(model.index(0).data(ProjectListModel::RunCountRole).toLongLong(), 3);
    model.setProjects(
        {{1, QStringLiteral("e"), QStringLiteral("a"), 4, {}}, {2, QStringLiteral("e"), QStringLiteral("b"), 0, {}}});
    model.setProjects({{3, QStringLiteral("e"), QStringLiteral("c"), 1, {}}});
    EXPECT_EQ(model.rowCount(), 1);
    model.setProjects({});
}

TEST(ItemModels, RunPageModelColumnsSortAndFilterPassTheTester)
{
    test::TempStore temp;
    Store store(temp.path());
    std::vector<RunInfo> runs = sampleRuns(store);
    ASSERT_EQ(runs.size(), 3u);

    StoreWorker worker(temp.path(), QStringLiteral("test-item-models"));
    RunPageModel model([&](RunPageModel::Job job) { worker.post(&model, std::move(job)); });
    Tester modelTester(&model, kFatal);
    const auto settle = [&] { return test::waitFor([&] { return model.isSettled() && worker.isIdle(); }); };
    RunPageQuery query;
    query.projectKey = runs[0].projectKey;
    model.setQuery(query);
    ASSERT_TRUE(settle());
    model.sort(RunPageModel::NameColumn, Qt::DescendingOrder);
    ASSERT_TRUE(settle());
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.index(0, RunPageModel::NameColumn).data().toString(), QStringLiteral("gamma"));
    const int gamma = model.loadedRowOfKey(runs[2].key);
    // The source's run ID: its name would need its row, which may not be read.
    EXPECT_EQ(model.index(gamma, RunPageModel::ForkedFromColumn).data().toString(),
              runs[0].runId + QStringLiteral(" @ 20"));
    EXPECT_TRUE(model.index(gamma, 0).data(RunPageModel::IsForkRole).toBool());

    model.setExtraColumns({{RunPageModel::ExtraColumn::Config, QStringLiteral("lr")},
                           {RunPageModel::ExtraColumn::Config, QStringLiteral("opt.name")}});
    EXPECT_EQ(model.columnCount(), RunPageModel::FixedColumnCount + 2);
    EXPECT_EQ(model.index(gamma, RunPageModel::FixedColumnCount + 1).data().toString(), QStringLiteral("adam"));
    model.sort(RunPageModel::FixedColumnCount, Qt::AscendingOrder); // by config lr, in the store
    ASSERT_TRUE(settle());
    EXPECT_EQ(model.query().sort, RunSortKey::Config);
    EXPECT_EQ(model.query().valueKey, QStringLiteral("lr"));
    EXPECT_EQ(model.index(0, RunPageModel::NameColumn).data().toString(), QStringLiteral("beta"));
    EXPECT_TRUE(model.availableKeys(RunPageModel::ExtraColumn::Config).contains(QStringLiteral("opt.name")));
    EXPECT_FALSE(model.querySortedBy(RunPageModel::TagsColumn, Qt::AscendingOrder).has_value());

    model.setFilterText(QStringLiteral("swe")); // a tag
    ASSERT_TRUE(settle());
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0, RunPageModel::NameColumn).data().toString(), QStringLiteral("gamma"));
    model.setFilterText(runs[1].runId.left(5)); // an ID
    ASSERT_TRUE(settle());
    ASSERT_EQ(model.rowCount(), 1);
    model.setFilterText({});
    ASSERT_TRUE(settle());
    EXPECT_EQ(model.rowCount(), 3);

    store.rename(runs[1].key, QStringLiteral("beta-2"));
    model.refresh(); // in place
    ASSERT_TRUE(settle());
    EXPECT_EQ(model.index(model.loadedRowOfKey(runs[1].key), RunPageModel::NameColumn).data().toString(),
              QStringLiteral("beta-2"));
    model.setExtraColumns({});
}

TEST(ItemModels, JsonTreeModelPassesTheTesterAndTracksOverrides)
{
    JsonTreeModel model;
    Tester tester(&model, kFatal);
    model.setJson(Json{{"lr", 0.1}, {"opt", {{"name", "adam"}, {"betas", {0.9, 0.99}}}}, {"tag", "x"}});
    EXPECT_FALSE(model.isFlat());
    ASSERT_EQ(model.rowCount(), 3);
    model.setEditable(true);
    const QModelIndex lr = model.index(0, JsonTreeModel::ValueColumn);
    EXPECT_TRUE(model.flags(lr) & Qt::ItemIsEditable);
    EXPECT_TRUE(model.setData(lr, QStringLiteral("0.5")));
    EXPECT_TRUE(model.index(0, 0).data(JsonTreeModel::OverriddenRole).toBool());
    const QModelIndex opt = model.index(1, 0);
    const QModelIndex name = model.index(1, JsonTreeModel::ValueColumn, opt);
    EXPECT_TRUE(model.setData(name, QStringLiteral("sgd")));
    EXPECT_TRUE(opt.data(JsonTreeModel::OverriddenRole).toBool());
    EXPECT_FALSE(model.index(2, 0).data(JsonTreeModel::OverriddenRole).toBool());
    const Json overrides = model.overrides();
    EXPECT_EQ(overrides.size(), 2u);
    EXPECT_EQ(overrides["lr"], Json(0.5));
    EXPECT_EQ(overrides["opt"]["name"], Json("sgd"));
    EXPECT_EQ(overrides["opt"]["betas"].size(), 2u);
    model.setJson(Json::object());
    EXPECT_EQ(model.rowCount(), 0);
}

} // namespace
} // namespace forkscope
