// The Overview's Summary shows what W&B writes under its own keys as a
// person reads it: `_timestamp` as a local date-time, `_runtime` and
// `_wandb.runtime` as a duration, the stored value on hover. Read from a real
// W&B run imported into a real store.
#include <QDateTime>
#include <QTreeView>
#include <gtest/gtest.h>

#include "importers/store_import.h"
#include "itemmodels/value_format.h"
#include "store/store.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/overview/key_value_view.h"
#include "views/overview/overview_tab.h"

namespace forkscope {
namespace {

KeyValueView *keyValueView(OverviewTab *overview, const QString &title)
{
    for (KeyValueView *view : overview->findChildren<KeyValueView *>()) {
        if (view->view()->accessibleName() == title)
            return view;
    }
    return nullptr;
}

// The row at `path` ("_wandb.runtime") as the tree view shows it.
QModelIndex rowAt(QTreeView *view, const QString &path)
{
    QAbstractItemModel *model = view->model();
    QModelIndex parent;
    QModelIndex found;
    for (const QString &key : path.split(QLatin1Char('.'))) {
        found = {};
        for (int r = 0; r < model->rowCount(parent); ++r) {
            const QModelIndex key0 = model->index(r, 0, parent);
            if (key0.data().toString() == key) {
                found = key0;
                break;
            }
        }
        if (!found.isValid())
            return {};
        parent = found;
    }
    return found.siblingAtColumn(1);
}

QString localTime(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

TEST(SummaryValues, TimestampsAreDatesAndRuntimesAreDurationsWithTheStoredValueOnHover)
{
    test::TempStore temp;
    {
        Store store(temp.path());
        const ImportReport report =
            importPath(store, test::fixturePath(QStringLiteral("wandb/run-20241201_230053-5zwrn21g")));
        ASSERT_EQ(report.runs.size(), 1u);
        ASSERT_EQ(report.runs.front().status, ImportOutcome::Status::Created)
            << report.runs.front().error.toStdString();
    }
    auto window = test::openWindow(temp.path(), QStringLiteral("5zwrn21g"), RunPage::OverviewIndex);
    OverviewTab *overview = window->runPage()->overview();
    ASSERT_TRUE(test::waitFor([&] { return overview->details().run.runId == QStringLiteral("5zwrn21g"); }));
    KeyValueView *summary = keyValueView(overview, QStringLiteral("Summary"));
    ASSERT_NE(summary, nullptr);

    // wandb-summary.json: "_timestamp": 1733090633.4577777, "_runtime": 179.55069375038147,
    // "_wandb": {"runtime": 179}.
    const QModelIndex timestamp = rowAt(summary->view(), QStringLiteral("_timestamp"));
    ASSERT_TRUE(timestamp.isValid());
    EXPECT_EQ(timestamp.data().toString(), localTime(1733090633458));
    EXPECT_TRUE(timestamp.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("1733090633.457777")))
        << timestamp.data(Qt::ToolTipRole).toString().toStdString();

    const QModelIndex runtime = rowAt(summary->view(), QStringLiteral("_runtime"));
    ASSERT_TRUE(runtime.isValid());
    EXPECT_EQ(runtime.data().toString(), QStringLiteral("3 min 00 s"));
    EXPECT_TRUE(runtime.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("179.55069375")))
        << runtime.data(Qt::ToolTipRole).toString().toStdString();
    const QModelIndex wandbRuntime = rowAt(summary->view(), QStringLiteral("_wandb.runtime"));
    ASSERT_TRUE(wandbRuntime.isValid());
    EXPECT_EQ(wandbRuntime.data().toString(), QStringLiteral("2 min 59 s"));
    EXPECT_EQ(wandbRuntime.data(Qt::ToolTipRole).toString(), QStringLiteral("179"));

    // Other keys are left as they are.
    const QModelIndex loss = rowAt(summary->view(), QStringLiteral("loss"));
    ASSERT_TRUE(loss.isValid());
    EXPECT_EQ(loss.data().toString(), QStringLiteral("3.12369"));
    EXPECT_EQ(loss.data(Qt::ToolTipRole).toString(), QStringLiteral("3.12369"));
}

TEST(SummaryValues, DurationsShowEverySecondAndShortOnesTheirTenths)
{
    EXPECT_EQ(formatDurationExact(41.2), QStringLiteral("41.2 s"));
    EXPECT_EQ(formatDurationExact(21), QStringLiteral("21 s"));
    EXPECT_EQ(formatDurationExact(2 * 3600 + 3 * 60 + 12), QStringLiteral("2 h 03 min 12 s"));
    EXPECT_EQ(formatDurationExact(86400 + 5), QStringLiteral("1 d 00 h 00 min 05 s"));
    // Not a duration or a time: the value as stored.
    EXPECT_EQ(formatValueAtKey(QStringLiteral("_runtime"), Json(-3)), QStringLiteral("-3"));
    EXPECT_EQ(formatValueAtKey(QStringLiteral("_timestamp"), Json("soon")), QStringLiteral("soon"));
    EXPECT_EQ(formatValueAtKey(QStringLiteral("_timestamp"), Json(1e300)), QStringLiteral("1e+300"));
}

} // namespace
} // namespace forkscope
