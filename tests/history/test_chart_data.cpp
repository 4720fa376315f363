// loadPanelData on a real store: a run and its fork read for one panel, on
// the step axis and on a time axis, without any widget.
#include <gtest/gtest.h>

#include "history/chart_data.h"
#include "identity/fork_spec.h"
#include "store/history_writer.h"
#include "store/store.h"
#include "support/temp_store.h"

namespace forkscope {
namespace {

void writeSteps(Store &store, qint64 run, qint64 from, qint64 to, double offset, bool withRuntime)
{
    HistoryWriter w(store, run);
    const int loss = w.keyHandle("loss");
    const int runtime = w.keyHandle("_runtime");
    for (qint64 s = from; s <= to; ++s) {
        w.addNumber(loss, s, offset + double(s));
        if (withRuntime)
            w.addNumber(runtime, s, double(s) * 0.5);
    }
    w.flush();
}

struct ForkedRuns {
    test::TempStore temp;
    Store store{temp.path()};
    RunInfo source, fork;

    explicit ForkedRuns(bool forkLogsTime)
    {
        NewRun spec;
        spec.project = QStringLiteral("p");
        spec.runId = QStringLiteral("source");
        source = store.createRun(spec);
        writeSteps(store, source.key, 0, 999, 0.0, true);
        ForkOptions o;
        o.project = QStringLiteral("p");
        o.runId = QStringLiteral("fork");
        fork = store.createFork(ForkSpec::parse(QStringLiteral("source?_step=499")), o);
        writeSteps(store, fork.key, 500, 1499, 10000.0, forkLogsTime);
    }

    PanelRequest request(XAxis axis) const
    {
        PanelRequest r;
        r.metric = QStringLiteral("loss");
        r.runs = {PanelRun{source.key, QStringLiteral("source"), QStringLiteral("source"), 0, std::nullopt},
                  PanelRun{fork.key, QStringLiteral("fork"), QStringLiteral("fork"), 1, qint64(499)}};
        r.width = 4000; // wider than the steps: nothing is reduced away
        r.xAxis = axis;
        return r;
    }
};

TEST(ChartData, AForkIsSplitIntoInheritedAndOwnStepsAtItsForkPoint)
{
    ForkedRuns f(true);
    const PanelData data = loadPanelData(f.store, f.request(XAxis::Step));
    ASSERT_TRUE(data.hasData);
    EXPECT_EQ(data.extent.lo, 0);
    EXPECT_EQ(data.extent.hi, 1499);
    EXPECT_EQ(data.stepExtent.hi, 1499);
    ASSERT_EQ(data.series.size(), 2u);
    const RunSeries &fork = data.series[1];
    EXPECT_EQ(fork.runKey, f.fork.key);
    ASSERT_FALSE(fork.inherited.empty());
    ASSERT_FALSE(fork.own.empty());
    EXPECT_EQ(fork.inherited.back().step, 499);
    EXPECT_EQ(fork.inherited.back().value, 499.0);
    // The own part starts at the fork point, so its line joins the inherited one.
    ASSERT_GE(fork.own.size(), 2u);
    EXPECT_EQ(fork.own[0].step, 499);
    EXPECT_EQ(fork.own[0].value, 499.0);
    EXPECT_EQ(fork.own[1].step, 500);
    EXPECT_EQ(fork.own[1].value, 10500.0);
    ASSERT_TRUE(fork.forkPoint.has_value());
    EXPECT_EQ(fork.forkPoint->step, 499);
    EXPECT_GT(data.yMax, 11499.0); // padded above the highest value
}

TEST(ChartData, ATimeAxisPlacesStepsAtTheirRuntime)
{
    ForkedRuns f(false); // the fork logs no _runtime of its own, only inherits some
    const PanelData data = loadPanelData(f.store, f.request(XAxis::RelativeTime));
    ASSERT_TRUE(data.hasData);
    EXPECT_EQ(data.xAxis, XAxis::RelativeTime);
    ASSERT_FALSE(data.series.empty());
    const RunSeries &source = data.series.front();
    EXPECT_EQ(source.runKey, f.source.key);
    EXPECT_EQ(source.xOf(200, XAxis::RelativeTime), 100000); // 100 s in ms
    EXPECT_EQ(data.extent.hi, source.xOf(999, XAxis::RelativeTime));
    EXPECT_EQ(data.runsWithoutTime, 0);
}

TEST(ChartData, ARunThatLoggedNoTimeIsCountedNotDrawnOnATimeAxis)
{
    ForkedRuns f(true);
    NewRun spec;
    spec.project = QStringLiteral("p");
    spec.runId = QStringLiteral("untimed");
    const RunInfo untimed = f.store.createRun(spec);
    writeSteps(f.store, untimed.key, 0, 99, 0.0, false);
    PanelRequest r = f.request(XAxis::WallTime);
    r.runs = {PanelRun{untimed.key, QStringLiteral("untimed"), QStringLiteral("untimed"), 0, std::nullopt}};
    const PanelData data = loadPanelData(f.store, r);
    EXPECT_EQ(data.runsWithoutTime, 1);
    EXPECT_TRUE(data.series.empty());
    EXPECT_FALSE(data.hasData);
}

TEST(ChartData, ACancelledRequestReturnsNothingDrawn)
{
    ForkedRuns f(true);
    const PanelData data = loadPanelData(f.store, f.request(XAxis::Step), nullptr, [] { return true; });
    EXPECT_TRUE(data.cancelled);
    EXPECT_TRUE(data.series.empty());
}

} // namespace
} // namespace forkscope
