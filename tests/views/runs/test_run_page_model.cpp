#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <gtest/gtest.h>

#include "itemmodels/run_page_model.h"
#include "store/history_writer.h"
#include "store/store.h"
#include "store/store_transaction.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/store_worker.h"

namespace forkscope {
namespace {

constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

// A project of `n` finished runs r0000.. made in one transaction.
qint64 makeRuns(Store &store, int n)
{
    StoreWriteBatch batch(store);
    qint64 project = 0;
    for (int i = 0; i < n; ++i) {
        NewRun spec;
        spec.project = QStringLiteral("p");
        spec.runId = QStringLiteral("r%1").arg(i, 4, 10, QLatin1Char('0'));
        spec.state = RunState::Finished;
        project = store.createRun(spec).projectKey;
    }
    batch.commit();
    return project;
}

struct PagedRuns {
    explicit PagedRuns(const QString &path)
        : worker(path, QStringLiteral("test-runs")),
          model([this](RunPageModel::Job job) { worker.post(&model, std::move(job)); })
    {
    }
    bool settle()
    {
        return test::waitFor([&] { return model.isSettled() && worker.isIdle(); });
    }
    QString runIdAt(int row) { return model.index(row, RunPageModel::RunIdColumn).data().toString(); }

    StoreWorker worker;
    RunPageModel model;
};

RunPageQuery byRunId(qint64 project)
{
    RunPageQuery q;
    q.projectKey = project;
    q.sort = RunSortKey::RunId;
    q.direction = SortDirection::Ascending;
    return q;
}

TEST(RunPageModel, RowsPageInAsTheyAreAskedFor)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const qint64 project = makeRuns(store, 1000);
    PagedRuns paged(tmp.path());
    QAbstractItemModelTester tester(&paged.model, kFatal);
    paged.model.setQuery(byRunId(project));
    ASSERT_TRUE(paged.settle());
    EXPECT_EQ(paged.model.rowCount(), 1000);
    EXPECT_EQ(paged.runIdAt(0), QStringLiteral("r0000"));
    // A row far down is not loaded until asked for, then arrives.
    EXPECT_FALSE(paged.model.index(950, 0).data(RunPageModel::LoadedRole).toBool());
    ASSERT_TRUE(test::waitFor([&] { return paged.runIdAt(950) == QStringLiteral("r0950"); }));
    // Sorting is the store's.
    RunPageQuery q = byRunId(project);
    q.direction = SortDirection::Descending;
    q.filter = QStringLiteral("r09");
    paged.model.setQuery(q);
    ASSERT_TRUE(paged.settle());
    EXPECT_EQ(paged.model.rowCount(), 100);
    EXPECT_EQ(paged.runIdAt(0), QStringLiteral("r0999"));
}

TEST(RunPageModel, OneRunChangingChangesItsRowNotTheModel)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const qint64 project = makeRuns(store, 500);
    PagedRuns paged(tmp.path());
    QAbstractItemModelTester tester(&paged.model, kFatal);
    paged.model.setQuery(byRunId(project));
    ASSERT_TRUE(paged.settle());
    QSignalSpy resets(&paged.model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&paged.model, &QAbstractItemModel::dataChanged);

    const RunInfo logged = store.resolve(QStringLiteral("r0003"), QStringLiteral("p"));
    {
        HistoryWriter w(store, logged.key);
        w.addNumber("loss", 41, 0.5, false);
        w.flush();
    }
    paged.model.refresh();
    ASSERT_TRUE(paged.settle());
    EXPECT_EQ(resets.count(), 0);
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed[0][0].toModelIndex().row(), 3);
    EXPECT_EQ(changed[0][1].toModelIndex().row(), 3);
    EXPECT_EQ(paged.model.index(3, RunPageModel::LastStepColumn).data().toLongLong(), 41);

    // A heartbeat changes nothing shown: no signal at all.
    store.heartbeat(logged.key);
    paged.model.refresh();
    ASSERT_TRUE(paged.settle());
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(resets.count(), 0);
}

TEST(RunPageModel, NewAndDeletedRunsAreRowInsertsAndRemoves)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const qint64 project = makeRuns(store, 300);
    PagedRuns paged(tmp.path());
    QAbstractItemModelTester tester(&paged.model, kFatal);
    paged.model.setQuery(byRunId(project));
    ASSERT_TRUE(paged.settle());
    QSignalSpy resets(&paged.model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&paged.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&paged.model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy moved(&paged.model, &QAbstractItemModel::rowsMoved);

    NewRun spec;
    spec.project = QStringLiteral("p");
    spec.runId = QStringLiteral("r0001a");
    store.createRun(spec);
    paged.model.refresh();
    ASSERT_TRUE(paged.settle());
    ASSERT_EQ(inserted.count(), 1);
    EXPECT_EQ(inserted[0][1].toInt(), 2);
    EXPECT_EQ(paged.runIdAt(2), QStringLiteral("r0001a"));
    EXPECT_EQ(paged.runIdAt(3), QStringLiteral("r0002"));
    EXPECT_EQ(paged.model.rowCount(), 301);

    store.deleteRun(store.resolve(QStringLiteral("r0000"), QStringLiteral("p")).key, DependentForks::Refuse);
    paged.model.refresh();
    ASSERT_TRUE(paged.settle());
    ASSERT_EQ(removed.count(), 1);
    EXPECT_EQ(removed[0][1].toInt(), 0);
    EXPECT_EQ(paged.runIdAt(0), QStringLiteral("r0001"));

    // Sorted by name, a rename moves the row.
    RunPageQuery q = byRunId(project);
    q.sort = RunSortKey::Name;
    paged.model.setQuery(q);
    ASSERT_TRUE(paged.settle());
    const int before = int(resets.count());
    const QString firstName = paged.model.index(0, RunPageModel::NameColumn).data().toString();
    const qint64 firstKey = paged.model.index(0, 0).data(RunPageModel::RunKeyRole).toLongLong();
    store.rename(firstKey, QStringLiteral("zzzz last"));
    paged.model.refresh();
    ASSERT_TRUE(paged.settle());
    EXPECT_EQ(resets.count(), before);
    EXPECT_EQ(moved.count(), 1);
    ASSERT_TRUE(test::waitFor([&] {
        return paged.model.index(paged.model.rowCount() - 1, RunPageModel::NameColumn).data().toString() ==
               QStringLiteral("zzzz last");
    }));
    EXPECT_NE(paged.model.index(0, RunPageModel::NameColumn).data().toString(), firstName);
}

TEST(RunPageModel, ManyChangesKeepTheTesterClean)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const qint64 project = makeRuns(store, 700);
    PagedRuns paged(tmp.path());
    QAbstractItemModelTester tester(&paged.model, kFatal);
    paged.model.setQuery(byRunId(project));
    ASSERT_TRUE(paged.settle());
    for (int row : {0, 250, 650})
        paged.model.index(row, 0).data();
    ASSERT_TRUE(paged.settle());
    {
        StoreWriteBatch batch(store);
        for (int i = 0; i < 100; ++i) {
            NewRun spec;
            spec.project = QStringLiteral("p");
            spec.runId = QStringLiteral("n%1").arg(i);
            store.createRun(spec);
        }
        batch.commit();
    }
    store.deleteRun(store.resolve(QStringLiteral("r0100"), QStringLiteral("p")).key, DependentForks::Refuse);
    paged.model.refresh();
    ASSERT_TRUE(paged.settle());
    EXPECT_EQ(paged.model.rowCount(), 799);
    // n0..n99 sort before r0000..r0699, which lack r0100 now.
    ASSERT_TRUE(test::waitFor([&] { return paged.runIdAt(0) == QStringLiteral("n0"); }));
    ASSERT_TRUE(test::waitFor([&] { return paged.runIdAt(200) == QStringLiteral("r0101"); }));
    ASSERT_TRUE(test::waitFor([&] { return paged.runIdAt(798) == QStringLiteral("r0699"); }));
}

} // namespace
} // namespace forkscope
