// Picking a step on a chart: the pick is the step under the cursor, what the
// crosshair says is what a click picks, and the fork button is a control
// that assistive technology can find.
#include <QAccessible>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <gtest/gtest.h>

#include "store/store.h"
#include "support/run_seed.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/charts/charts_tab.h"
#include "views/charts/metric_panel.h"
#include "views/fork/fork_dialog.h"
#include "views/runs/runs_panel.h"

namespace forkscope {
namespace {

// The metric panel once `step` of every run in `runs` is drawn.
MetricPanel *drawnPanel(MainWindow &window, const std::vector<qint64> &runs, qint64 step)
{
    window.runPage()->setCurrentTab(RunPage::ChartsIndex);
    MetricPanel *panel = nullptr;
    const bool drawn = test::waitFor([&] {
        panel = window.runPage()->charts()->panel(QStringLiteral("metric"));
        if (!panel || !panel->hasData() || !window.isSettled())
            return false;
        return std::all_of(runs.begin(), runs.end(), [&](qint64 run) { return panel->positionOf(run, step); });
    });
    if (!drawn) {
        ADD_FAILURE() << "step " << step << " of the metric panel was not drawn within 15 s";
        return nullptr;
    }
    // The axes may still take their final label widths: wait until the
    // point stays where it is, so a click lands where the test aimed.
    std::optional<QPointF> last;
    const bool still = test::waitFor([&] {
        const auto now = panel->positionOf(runs.front(), step);
        const bool same = now && last && *now == *last;
        last = now;
        QTest::qWait(50);
        return same;
    });
    if (!still)
        ADD_FAILURE() << "the metric panel kept moving for 15 s";
    return panel;
}

// The crosshair's heading ("step N") in the panel's scene.
QString crosshairHeading(MetricPanel &panel)
{
    auto *view = panel.findChild<QGraphicsView *>();
    if (!view)
        return {};
    for (QGraphicsItem *item : view->scene()->items()) {
        auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item);
        if (text && text->isVisible() && text->text().startsWith(QLatin1String("step ")))
            return text->text();
    }
    return {};
}

// An accessible node named `name` with the button role, below `node`.
bool hasAccessibleButton(QAccessibleInterface *node, const QString &name, int depth = 0)
{
    if (!node || depth > 40)
        return false;
    if (node->role() == QAccessible::Button && node->text(QAccessible::Name) == name)
        return true;
    for (int i = 0; i < node->childCount(); ++i) {
        if (hasAccessibleButton(node->child(i), name, depth + 1))
            return true;
    }
    return false;
}

TEST(ChartPick, AClickBelowTheCurvePicksTheStepUnderTheCursorAsTheCrosshairSays)
{
    test::TempStore temp;
    RunInfo run;
    {
        Store store(temp.path());
        run = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("base"), 100); // metric = step
    }
    auto window = test::openWindow(temp.path(), run.runId, RunPage::ChartsIndex);
    MetricPanel *panel = drawnPanel(*window, {run.key}, 50);
    ASSERT_NE(panel, nullptr);
    // Far below the curve at step 50: the nearest point in two dimensions
    // would be an earlier step; a person points at step 50.
    const QPointF onCurve = *panel->positionOf(run.key, 50);
    ASSERT_GT(panel->positionOf(run.key, 51)->x() - onCurve.x(), 2.0) << "steps too close for a pixel to name one";
    const QPoint below(qRound(onCurve.x()), panel->plotWidget()->height() - 40);
    ASSERT_GT(below.y(), onCurve.y() + 100) << "the plot is too small for the test";
    QTest::mouseMove(panel->plotWidget(), below);
    ASSERT_TRUE(test::waitFor([&] { return !crosshairHeading(*panel).isEmpty(); }));
    EXPECT_EQ(crosshairHeading(*panel), QStringLiteral("step 50"));
    QTest::mouseClick(panel->plotWidget(), Qt::LeftButton, {}, below);
    ASSERT_TRUE(panel->pick().has_value());
    EXPECT_EQ(panel->pick()->step, 50);
    auto *button = panel->findChild<QPushButton *>(QStringLiteral("forkFromStepButton"));
    ASSERT_NE(button, nullptr);
    EXPECT_EQ(button->text(), QStringLiteral("Fork from step 50…"));
}

TEST(ChartPick, OfSeveralRunsTheOneNearestInYIsPicked)
{
    test::TempStore temp;
    RunInfo rising, falling;
    {
        Store store(temp.path());
        rising = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("rising"), 300);
        falling = test::RunSeed(store)
                      .project(QStringLiteral("proj"))
                      .name(QStringLiteral("falling"))
                      .state(RunState::Finished)
                      .values("metric", 0, 300, [](qint64 i) { return 300.0 - double(i); })
                      .create();
    }
    auto window = test::openWindow(temp.path(), rising.runId, RunPage::ChartsIndex);
    window->runsPanel()->addToSelection(falling.key);
    MetricPanel *panel = drawnPanel(*window, {rising.key, falling.key}, 60);
    ASSERT_NE(panel, nullptr);
    for (const RunInfo *target : {&falling, &rising}) {
        const QPointF at = *panel->positionOf(target->key, 60);
        // A little off the curve, towards the middle.
        const QPoint near(qRound(at.x()), qRound(at.y()) + (target == &falling ? 12 : -12));
        QTest::mouseClick(panel->plotWidget(), Qt::LeftButton, {}, near);
        ASSERT_TRUE(panel->pick().has_value());
        EXPECT_EQ(panel->pick()->runKey, target->key) << target->name.toStdString();
        EXPECT_EQ(panel->pick()->step, 60) << target->name.toStdString();
    }
}

TEST(ChartPick, TheForkButtonIsAnAccessibleControlAndGoesAwayOnceTheForkIsMade)
{
    test::TempStore temp;
    RunInfo source;
    {
        Store store(temp.path());
        source = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("base"), 300);
    }
    auto window = test::openWindow(temp.path(), source.runId, RunPage::ChartsIndex);
    MetricPanel *panel = drawnPanel(*window, {source.key}, 120);
    ASSERT_NE(panel, nullptr);
    QTest::mouseClick(panel->plotWidget(), Qt::LeftButton, {}, panel->positionOf(source.key, 120)->toPoint());
    QPointer<QPushButton> button = panel->findChild<QPushButton *>(QStringLiteral("forkFromStepButton"));
    ASSERT_TRUE(button && button->isVisible());
    EXPECT_TRUE(hasAccessibleButton(QAccessible::queryAccessibleInterface(window.get()),
                                    QStringLiteral("Fork from step 120…")));

    button->click();
    ForkDialog *dialog = window->forkDialog();
    ASSERT_NE(dialog, nullptr);
    // The step label's mnemonic has its buddy, so its '&' is not shown.
    auto *stepLabel = dialog->findChild<QLabel *>(QStringLiteral("forkStepLabel"));
    ASSERT_NE(stepLabel, nullptr);
    EXPECT_EQ(stepLabel->buddy(), dialog->stepBox());
    qint64 created = 0;
    QObject::connect(window.get(), &MainWindow::forkCreated, [&](qint64 key) { created = key; });
    dialog->createButton()->click();
    ASSERT_TRUE(test::waitFor([&] { return created != 0 && window->isSettled(); }));
    EXPECT_TRUE(!button || !button->isVisible()) << "the button of a pick that became a fork stays";
    for (MetricPanel *p : window->runPage()->charts()->panels())
        EXPECT_FALSE(p->pick().has_value());
}

TEST(ChartPick, OneChartTakesTheWholeWidth)
{
    test::TempStore temp;
    RunInfo run;
    {
        Store store(temp.path());
        run = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("base"), 100);
    }
    auto window = test::openWindow(temp.path(), run.runId, RunPage::ChartsIndex);
    MetricPanel *panel = drawnPanel(*window, {run.key}, 50);
    ASSERT_NE(panel, nullptr);
    ChartsTab *charts = window->runPage()->charts();
    ASSERT_GT(charts->width(), 2 * 400) << "the window is too narrow for the test";
    EXPECT_GT(panel->width(), charts->width() * 8 / 10);
}

} // namespace
} // namespace forkscope
