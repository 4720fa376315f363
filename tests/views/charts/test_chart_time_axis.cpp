// Time x axes (issue 4): each run placed by its own _runtime / _timestamp,
// picks and exports still speak in steps.
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <gtest/gtest.h>

#include "history/chart_data.h"
#include "history/series_query.h"
#include "history/step_time_map.h"
#include "identity/fork_spec.h"
#include "store/store.h"
#include "support/run_seed.h"
#include "support/temp_store.h"
#include "views/charts/charts_tab.h"
#include "views/charts/metric_panel.h"
#include "views/charts/time_axis_labels.h"
#include "views/store_worker.h"

namespace forkscope {
namespace {

constexpr double kStart = 1.7e9; // a Unix time, seconds

// `secondsPerStep` per step; `_timestamp` starts at kStart + offset.
RunInfo timedRun(Store &store, const QString &id, qint64 steps, double secondsPerStep, double offset,
                 bool withTime = true)
{
    test::RunSeed seed(store);
    seed.project(QStringLiteral("p")).id(id).values("loss", 0, steps, [](qint64 s) { return 1.0 / double(s + 1); });
    if (withTime) {
        seed.values("_runtime", 0, steps, [=](qint64 s) { return double(s) * secondsPerStep; })
            .values("_timestamp", 0, steps, [=](qint64 s) { return kStart + offset + double(s) * secondsPerStep; });
    }
    return seed.create();
}

TEST(StepTimeMap, ExactAtKnotsLinearBetweenAndMonotone)
{
    const StepTimeMap map({{0, 0.0}, {100, 10.0}, {200, 9.0}, {300, 40.0}, {400, std::nan("")}});
    EXPECT_DOUBLE_EQ(map.secondsAt(100), 10.0);
    EXPECT_DOUBLE_EQ(map.secondsAt(50), 5.0);
    EXPECT_DOUBLE_EQ(map.secondsAt(200), 10.0); // a clock going back is held
    EXPECT_DOUBLE_EQ(map.secondsAt(250), 25.0);
    EXPECT_DOUBLE_EQ(map.secondsAt(-5), 0.0);
    EXPECT_DOUBLE_EQ(map.secondsAt(1000), 40.0);
    EXPECT_EQ(map.stepAt(5.0, StepTimeMap::Rounding::Down), 50);
    EXPECT_EQ(map.stepAt(5.05, StepTimeMap::Rounding::Down), 50);
    EXPECT_EQ(map.stepAt(5.05, StepTimeMap::Rounding::Up), 51);
    EXPECT_EQ(map.stepAt(-1.0, StepTimeMap::Rounding::Down), 0);
    EXPECT_EQ(map.stepAt(99.0, StepTimeMap::Rounding::Up), 300);
    EXPECT_TRUE(StepTimeMap({{0, std::nan("")}}).empty());
}

TEST(TimeAxisLabels, DurationsAndClockTimes)
{
    EXPECT_EQ(niceTimeIntervalMs(60 * 1000.0, 5), 15 * 1000.0);
    EXPECT_EQ(niceTimeIntervalMs(10 * 3600 * 1000.0, 5), 2 * 3600 * 1000.0);
    EXPECT_EQ(niceTimeIntervalMs(20 * 86400 * 1000.0, 5), 4 * 86400 * 1000.0);
    EXPECT_EQ(timeTickLabel(0, XAxis::RelativeTime, 1000), QStringLiteral("0s"));
    EXPECT_EQ(timeTickLabel(90 * 1000.0, XAxis::RelativeTime, 1000), QStringLiteral("1m 30s"));
    EXPECT_EQ(timeTickLabel(5400 * 1000.0, XAxis::RelativeTime, 1000), QStringLiteral("1h 30m"));
    EXPECT_EQ(timeTickLabel((2 * 86400 + 3 * 3600) * 1000.0, XAxis::RelativeTime, 1000), QStringLiteral("2d 3h"));
    const QDateTime at = QDateTime::fromSecsSinceEpoch(qint64(kStart)).toLocalTime();
    EXPECT_EQ(timeTickLabel(kStart * 1000.0, XAxis::WallTime, 60 * 1000.0), at.toString(QStringLiteral("HH:mm")));
}

TEST(ChartTimeAxis, RunsArePlacedByTheirOwnTimeAndPicksStayInSteps)
{
    test::TempStore temp;
    Store store(temp.path());
    // Same steps, different speeds: on a time axis the slow run is twice as long.
    const RunInfo fast = timedRun(store, QStringLiteral("fast"), 20000, 0.5, 0);
    const RunInfo slow = timedRun(store, QStringLiteral("slow"), 20000, 1.0, 100);
    const std::vector<PanelRun> runs{{fast.key, QStringLiteral("fast"), QStringLiteral("fast"), 0, std::nullopt},
                                     {slow.key, QStringLiteral("slow"), QStringLiteral("slow"), 1, std::nullopt}};
    MetricPanel panel(QStringLiteral("loss"));
    panel.resize(700, 280);
    panel.setRuns(runs);
    panel.show();
    QApplication::processEvents();

    SeriesCache cache;
    panel.setXAxis(XAxis::RelativeTime);
    PanelData data = loadPanelData(store, panel.request(), &cache);
    ASSERT_TRUE(data.hasData);
    EXPECT_EQ(data.xAxis, XAxis::RelativeTime);
    EXPECT_EQ(data.extent.lo, 0);
    EXPECT_EQ(data.extent.hi, 19999000); // the slow run: 19 999 s, in ms
    // Live updates compare steps, whatever the axis shows.
    EXPECT_EQ(data.stepExtent.lo, 0);
    EXPECT_EQ(data.stepExtent.hi, 19999);
    ASSERT_EQ(data.series.size(), 2u);
    EXPECT_EQ(data.series[0].xOf(10000, XAxis::RelativeTime), 5000000);
    EXPECT_EQ(data.series[1].xOf(10000, XAxis::RelativeTime), 10000000);
    panel.setData(data);

    // A pick names the step; it is drawn at that step's time.
    ASSERT_FALSE(data.series[1].own.empty());
    panel.setPick(slow.key, data.series[1].own.back().step);
    ASSERT_TRUE(panel.pick().has_value());
    EXPECT_EQ(panel.pick()->step, 19999);
    EXPECT_EQ(panel.pick()->x, 19999000);
    const auto at = panel.positionOf(slow.key, 19999);
    ASSERT_TRUE(at.has_value());
    QTest::mouseClick(panel.plotWidget(), Qt::LeftButton, {}, at->toPoint());
    ASSERT_TRUE(panel.pick().has_value());
    EXPECT_EQ(panel.pick()->runKey, slow.key);
    EXPECT_NEAR(double(panel.pick()->step), 19999.0, 100.0);

    // Zoomed to the first 1 000 s: the fast run's steps 0..2 000, the slow one's 0..1 000.
    PanelRequest zoomed = panel.request();
    zoomed.range = StepRange{0, 1000000};
    data = loadPanelData(store, zoomed, &cache);
    ASSERT_EQ(data.series.size(), 2u);
    ASSERT_FALSE(data.series[0].own.empty());
    ASSERT_FALSE(data.series[1].own.empty());
    EXPECT_LE(data.series[0].own.back().step, 2001 + 1);
    EXPECT_GE(data.series[0].own.back().step, 2000);
    EXPECT_LE(data.series[1].own.back().step, 1001 + 1);

    // Wall time: the slow run started 100 s later.
    panel.setXAxis(XAxis::WallTime);
    data = loadPanelData(store, panel.request(), &cache);
    ASSERT_TRUE(data.hasData);
    EXPECT_EQ(data.extent.lo, qint64(kStart * 1000));
    ASSERT_EQ(data.series.size(), 2u);
    EXPECT_EQ(data.series[1].xOf(0, XAxis::WallTime), qint64((kStart + 100) * 1000));
    panel.setData(data);

    // The CSV keeps steps and adds each point's time.
    QTemporaryDir dir;
    ASSERT_TRUE(panel.exportCsv(dir.filePath(QStringLiteral("t.csv"))));
    QFile csv(dir.filePath(QStringLiteral("t.csv")));
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    EXPECT_EQ(lines.front(), "run_id,run_name,metric,part,line,step,_timestamp,value");
    ASSERT_GE(lines.size(), 2);
    const QList<QByteArray> first = lines.at(1).split(',');
    ASSERT_EQ(first.size(), 8);
    EXPECT_EQ(first[5], "0");
    EXPECT_DOUBLE_EQ(first[6].toDouble(), kStart);
}

TEST(ChartTimeAxis, RunsWithoutTimeAreNamedNotDrawn)
{
    test::TempStore temp;
    Store store(temp.path());
    const RunInfo timed = timedRun(store, QStringLiteral("timed"), 100, 1.0, 0);
    const RunInfo untimed = timedRun(store, QStringLiteral("untimed"), 100, 1.0, 0, false);
    MetricPanel panel(QStringLiteral("loss"));
    panel.setRuns({{timed.key, QStringLiteral("timed"), QStringLiteral("timed"), 0, std::nullopt},
                   {untimed.key, QStringLiteral("untimed"), QStringLiteral("untimed"), 1, std::nullopt}});
    panel.setXAxis(XAxis::RelativeTime);
    const PanelData data = loadPanelData(store, panel.request());
    EXPECT_EQ(data.runsWithoutTime, 1);
    ASSERT_EQ(data.series.size(), 1u);
    EXPECT_EQ(data.series[0].runKey, timed.key);
    panel.setData(data);
    EXPECT_FALSE(panel.positionOf(untimed.key, 5).has_value());
    const auto *status = panel.findChild<QLabel *>(QStringLiteral("panelStatus"));
    ASSERT_NE(status, nullptr);
    EXPECT_EQ(status->text(), QStringLiteral("1 run(s) logged no _runtime"));
}

TEST(ChartTimeAxis, TabSwitchesEveryPanel)
{
    test::TempStore temp;
    {
        Store store(temp.path());
        timedRun(store, QStringLiteral("r"), 500, 2.0, 0);
    }
    Store store(temp.path());
    const RunInfo run = store.resolve(QStringLiteral("r"), QStringLiteral("p"), {});
    StoreWorker worker(temp.path(), QStringLiteral("time-axis-test"));
    ChartsTab tab({&worker});
    tab.resize(1200, 700);
    tab.show();
    tab.setRuns({{run.key, QStringLiteral("r"), QStringLiteral("r"), 0, std::nullopt}});
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return tab.panel(QStringLiteral("loss")) && !tab.isLoading() && worker.isIdle(); }, 15000));
    MetricPanel *loss = tab.panel(QStringLiteral("loss"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return loss->hasData(); }, 15000));
    EXPECT_EQ(loss->data().extent.hi, 499);
    auto *xAxisBox = tab.findChild<QComboBox *>(QStringLiteral("xAxisBox"));
    ASSERT_NE(xAxisBox, nullptr);
    xAxisBox->setCurrentIndex(int(XAxis::RelativeTime));
    EXPECT_EQ(loss->xAxis(), XAxis::RelativeTime);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return loss->data().xAxis == XAxis::RelativeTime && loss->data().hasData; }, 15000));
    EXPECT_EQ(loss->data().extent.hi, 998000); // 499 steps x 2 s
}

} // namespace
} // namespace forkscope
