#include <QAbstractItemModelTester>
#include <gtest/gtest.h>

#include "identity/fork_spec.h"
#include "itemmodels/json_tree_model.h"
#include "itemmodels/project_list_model.h"
#include "itemmodels/run_filter_proxy.h"
#include "itemmodels/run_table_model.h"
#include "store/store.h"
#include "support/temp_store.h"
#include "view_fixtures.h"

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

TEST(ItemModels, RunTableModelAndProxyPassTheTester)
{
    test::TempStore temp;
    Store store(temp.path());
    std::vector<RunInfo> runs = sampleRuns(store);
    ASSERT_EQ(runs.size(), 3u);

    RunTableModel model;
    Tester modelTester(&model, kFatal);
    RunFilterProxy proxy;
    proxy.setSourceModel(&model);
    Tester proxyTester(&proxy, kFatal);
    proxy.sort(RunTableModel::NameColumn, Qt::DescendingOrder);

    model.setRuns({runs[0], runs[1]});
    model.setRuns(runs); // appended
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(proxy.index(0, RunTableModel::NameColumn).data().toString(), QStringLiteral("gamma"));
    const int gamma = model.rowOfKey(runs[2].key);
    EXPECT_EQ(model.index(gamma, RunTableModel::ForkedFromColumn).data().toString(), QStringLiteral("alpha @ 20"));

    model.setExtraColumns({{RunTableModel::ExtraColumn::Config, QStringLiteral("lr")},
                           {RunTableModel::ExtraColumn::Config, QStringLiteral("opt.name")}});
    EXPECT_EQ(model.columnCount(), RunTableModel::FixedColumnCount + 2);
    EXPECT_EQ(model.index(gamma, RunTableModel::FixedColumnCount + 1).data().toString(), QStringLiteral("adam"));
    proxy.sort(RunTableModel::FixedColumnCount, Qt::AscendingOrder);
    EXPECT_EQ(proxy.index(0, RunTableModel::NameColumn).data().toString(), QStringLiteral("beta"));
    EXPECT_TRUE(model.availableKeys(RunTableModel::ExtraColumn::Config).contains(QStringLiteral("opt.name")));

    proxy.setFilterText(QStringLiteral("swe")); // a tag
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.index(0, RunTableModel::NameColumn).data().toString(), QStringLiteral("gamma"));
    proxy.setFilterText(runs[1].runId.left(5)); // an ID
    ASSERT_EQ(proxy.rowCount(), 1);
    proxy.setFilterText({});
    EXPECT_EQ(proxy.rowCount(), 3);

    store.rename(runs[1].key, QStringLiteral("beta-2"));
    model.setRuns(store.runs(runs[0].projectKey)); // in place
    EXPECT_EQ(model.index(model.rowOfKey(runs[1].key), RunTableModel::NameColumn).data().toString(),
              QStringLiteral("beta-2"));
    model.setRuns({runs[2]}); // reset
    model.setExtraColumns({});
    model.setRuns({});
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
