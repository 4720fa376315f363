// The runs panel over a store of more runs than one page: a header click and
// the filter box are store queries, a run outside the loaded pages is
// selected where the store puts it, and a changed run changes its row only.
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <gtest/gtest.h>

#include "itemmodels/run_page_model.h"
#include "store/store.h"
#include "store/store_transaction.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/main_window.h"
#include "views/runs/runs_panel.h"
#include "views/store_worker.h"

namespace forkscope {
namespace {

constexpr int kRuns = 450; // more than two pages

// Runs r0000.. whose names ("run-NNN") are in another order than their creation.
qint64 makeShuffledRuns(Store &store)
{
    StoreWriteBatch batch(store);
    qint64 project = 0;
    for (int i = 0; i < kRuns; ++i) {
        NewRun spec;
        spec.project = QStringLiteral("p");
        spec.runId = QStringLiteral("r%1").arg(i, 4, 10, QLatin1Char('0'));
        spec.name = QStringLiteral("run-%1").arg((i * 157) % kRuns, 3, 10, QLatin1Char('0'));
        spec.state = RunState::Finished;
        project = store.createRun(spec).projectKey;
    }
    batch.commit();
    return project;
}

struct PanelOnStore {
    explicit PanelOnStore(const QString &path)
        : worker(path, QStringLiteral("test-runs-panel")),
          panel([this](RunPageModel::Job job) { worker.post(panel.model(), std::move(job)); })
    {
        panel.resize(900, 500);
        panel.show();
    }
    bool settle()
    {
        return test::waitFor([&] { return panel.model()->isSettled() && worker.isIdle(); });
    }
    QString nameAt(int row) const { return panel.model()->index(row, RunPageModel::NameColumn).data().toString(); }
    void clickHeader(int column)
    {
        QHeaderView *header = panel.view()->horizontalHeader();
        const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                        header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
    }

    StoreWorker worker;
    RunsPanel panel;
};

std::vector<QString> namesInStoreOrder(Store &store, const RunPageQuery &query)
{
    std::vector<QString> names;
    for (const RunInfo &run : store.runPage(query, 0, kRuns))
        names.push_back(run.name);
    return names;
}

TEST(RunsPanelPaging, AHeaderClickOrdersTheRunsInTheStore)
{
    test::TempStore temp;
    Store store(temp.path());
    const qint64 project = makeShuffledRuns(store);
    PanelOnStore on(temp.path());
    on.panel.setProject(project, kRuns);
    ASSERT_TRUE(on.settle());
    ASSERT_EQ(on.panel.model()->rowCount(), kRuns);
    EXPECT_EQ(on.panel.model()->query().sort, RunSortKey::Created);

    on.clickHeader(RunPageModel::NameColumn);
    ASSERT_TRUE(test::waitFor([&] { return on.panel.model()->query().sort == RunSortKey::Name; }));
    ASSERT_TRUE(on.settle());
    RunPageQuery byName = on.panel.model()->query();
    EXPECT_EQ(byName.direction, SortDirection::Ascending);
    std::vector<QString> expected = namesInStoreOrder(store, byName);
    EXPECT_EQ(expected.front(), QStringLiteral("run-000"));
    EXPECT_EQ(on.nameAt(0), expected[0]);
    EXPECT_EQ(on.nameAt(1), expected[1]);
    // A row on the last page, read when the view scrolls to it.
    on.panel.view()->scrollToBottom();
    ASSERT_TRUE(test::waitFor([&] { return on.nameAt(kRuns - 1) == expected.back(); }));
    EXPECT_EQ(on.nameAt(kRuns - 1), QStringLiteral("run-449"));

    on.clickHeader(RunPageModel::NameColumn);
    ASSERT_TRUE(test::waitFor([&] { return on.panel.model()->query().direction == SortDirection::Descending; }));
    ASSERT_TRUE(on.settle());
    EXPECT_EQ(on.nameAt(0), QStringLiteral("run-449"));

    // The store has no order for the tags: the click changes nothing.
    on.clickHeader(RunPageModel::TagsColumn);
    ASSERT_TRUE(on.settle());
    EXPECT_EQ(on.panel.model()->query().sort, RunSortKey::Name);
    EXPECT_EQ(on.panel.view()->horizontalHeader()->sortIndicatorSection(), int(RunPageModel::NameColumn));
}

TEST(RunsPanelPaging, TheFilterBoxIsAStoreQuery)
{
    test::TempStore temp;
    Store store(temp.path());
    const qint64 project = makeShuffledRuns(store);
    PanelOnStore on(temp.path());
    on.panel.setProject(project, kRuns);
    ASSERT_TRUE(on.settle());

    QTest::keyClicks(on.panel.filterBox(), QStringLiteral("run-01"));
    ASSERT_TRUE(test::waitFor([&] { return on.panel.model()->query().filter == QStringLiteral("run-01"); }));
    ASSERT_TRUE(on.settle());
    ASSERT_EQ(on.panel.model()->rowCount(), 10); // run-010 .. run-019
    for (int row = 0; row < 10; ++row)
        EXPECT_TRUE(on.nameAt(row).startsWith(QStringLiteral("run-01"))) << on.nameAt(row).toStdString();
    bool sawCount = false;
    for (const QLabel *label : on.panel.findChildren<QLabel *>())
        sawCount = sawCount || label->text().startsWith(QStringLiteral("10 of 450 run"));
    EXPECT_TRUE(sawCount);

    on.panel.filterBox()->clear();
    ASSERT_TRUE(test::waitFor([&] { return on.panel.model()->query().filter.isEmpty(); }));
    ASSERT_TRUE(on.settle());
    EXPECT_EQ(on.panel.model()->rowCount(), kRuns);
}

TEST(RunsPanelPaging, ARunOutsideTheLoadedPagesIsSelectedWhereTheStorePutsIt)
{
    test::TempStore temp;
    Store store(temp.path());
    const qint64 project = makeShuffledRuns(store);
    PanelOnStore on(temp.path());
    on.panel.setProject(project, kRuns);
    ASSERT_TRUE(on.settle());

    RunPageQuery newestFirst;
    newestFirst.projectKey = project;
    const RunInfo far = store.runPage(newestFirst, 420, 1).front();
    ASSERT_LT(on.panel.model()->loadedRowOfKey(far.key), 0) << "the run's page is not read yet";
    const RunInfo near = store.runPage(newestFirst, 3, 1).front();
    on.panel.selectOnly(near.key);
    on.panel.addToSelection(far.key);
    ASSERT_TRUE(test::waitFor([&] { return on.panel.selectedRunKeys().size() == 2; }));
    ASSERT_TRUE(on.settle());
    EXPECT_EQ(on.panel.view()->currentIndex().row(), 420);
    EXPECT_EQ(on.nameAt(420), far.name);
    EXPECT_TRUE(on.panel.selectedRunKeys().contains(near.key));

    // A run the filter hides: the filter is cleared to show it.
    QTest::keyClicks(on.panel.filterBox(), QStringLiteral("run-44"));
    ASSERT_TRUE(test::waitFor([&] { return !on.panel.model()->query().filter.isEmpty(); }));
    ASSERT_TRUE(on.settle());
    const RunInfo hidden = store.runPage(newestFirst, 0, 1).front();
    ASSERT_FALSE(hidden.name.startsWith(QStringLiteral("run-44")));
    on.panel.selectOnly(hidden.key);
    ASSERT_TRUE(test::waitFor([&] { return on.panel.selectedRunKeys() == QList<qint64>{hidden.key}; }));
    EXPECT_TRUE(on.panel.filterBox()->text().isEmpty());
    EXPECT_EQ(on.panel.model()->rowCount(), kRuns);
}

TEST(RunsPanelPaging, TheRunAskedForAtStartOpensAndIsSelectedBeyondTheFirstPage)
{
    test::TempStore temp;
    qint64 oldestKey = 0;
    {
        Store store(temp.path());
        const qint64 project = makeShuffledRuns(store);
        RunPageQuery newestFirst;
        newestFirst.projectKey = project;
        oldestKey = store.runPage(newestFirst, kRuns - 1, 1).front().key;
    }
    auto window = test::openWindow(temp.path(), QStringLiteral("r0000"));
    ASSERT_EQ(window->currentRunKey(), oldestKey);
    ASSERT_TRUE(test::waitFor([&] { return window->runsPanel()->selectedRunKeys() == QList<qint64>{oldestKey}; }));
    EXPECT_EQ(window->runsPanel()->view()->currentIndex().row(), kRuns - 1);
}

TEST(RunsPanelPaging, ARenamedRunChangesItsRowAndKeepsTheSelection)
{
    test::TempStore temp;
    Store store(temp.path());
    const qint64 project = makeShuffledRuns(store);
    PanelOnStore on(temp.path());
    on.panel.setProject(project, kRuns);
    ASSERT_TRUE(on.settle());
    RunPageQuery newestFirst;
    newestFirst.projectKey = project;
    const RunInfo run = store.runPage(newestFirst, 2, 1).front();
    on.panel.selectOnly(run.key);
    ASSERT_EQ(on.panel.selectedRunKeys(), QList<qint64>{run.key});

    RunPageModel *model = on.panel.model();
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removes(model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changes(model, &QAbstractItemModel::dataChanged);

    // A heartbeat changes nothing shown: no row is touched.
    store.heartbeat(run.key);
    on.panel.refresh();
    ASSERT_TRUE(on.settle());
    EXPECT_EQ(changes.count(), 0);

    store.rename(run.key, QStringLiteral("renamed"));
    on.panel.refresh();
    ASSERT_TRUE(test::waitFor([&] { return on.nameAt(2) == QStringLiteral("renamed"); }));
    ASSERT_TRUE(on.settle());
    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(inserts.count(), 0);
    EXPECT_EQ(removes.count(), 0);
    ASSERT_GE(changes.count(), 1);
    for (const auto &args : changes) {
        EXPECT_EQ(args.at(0).toModelIndex().row(), 2);
        EXPECT_EQ(args.at(1).toModelIndex().row(), 2);
    }
    EXPECT_EQ(on.panel.selectedRunKeys(), QList<qint64>{run.key});
}

} // namespace
} // namespace forkscope
