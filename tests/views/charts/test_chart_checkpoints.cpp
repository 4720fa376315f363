// Checkpoints on the chart: each drawn run's effective checkpoints are marked
// along the x axis in its colour with the path on hover, and a pick snaps to
// the nearest checkpoint unless the person turned snapping off.
#include <QAction>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QToolTip>
#include <gtest/gtest.h>

#include "store/store.h"
#include "support/run_seed.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/charts/charts_tab.h"
#include "views/charts/metric_panel.h"
#include "views/fork/fork_dialog.h"
#include "views/fork/step_spin_box.h"
#include "views/run_palette.h"
#include "views/runs/runs_panel.h"

namespace forkscope {
namespace {

void saveAt(Store &store, const RunInfo &run, qint64 step, const QString &path)
{
    NewCheckpoint c;
    c.step = step;
    c.path = path;
    store.addCheckpoint(run.key, c);
}

std::vector<qint64> markedSteps(const MetricPanel &panel, qint64 runKey)
{
    std::vector<qint64> out;
    for (const auto &m : panel.drawnMarks()) {
        if (m.runKey == runKey)
            out.push_back(m.checkpoint.step);
    }
    return out;
}

QString crosshairHeading(MetricPanel &panel)
{
    auto *view = panel.findChild<QGraphicsView *>();
    for (QGraphicsItem *item : view->scene()->items()) {
        auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item);
        if (text && text->isVisible() && text->text().startsWith(QLatin1String("step ")))
            return text->text();
    }
    return {};
}

int colourDistance(QColor a, QColor b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

TEST(ChartCheckpoints, EachRunsEffectiveCheckpointsAreMarkedInItsColourWithThePathOnHover)
{
    test::TempStore temp;
    RunInfo source, fork;
    const QString sourcePath = temp.dir() + QStringLiteral("/ckpt <b>100</b>.pt");
    {
        Store store(temp.path());
        source = test::RunSeed(store)
                     .project(QStringLiteral("proj"))
                     .id(QStringLiteral("base"))
                     .name(QStringLiteral("base"))
                     .values("metric", 0, 301, [](qint64 s) { return double(s); })
                     .finishedAfterHistory()
                     .create();
        saveAt(store, source, 100, sourcePath);
        saveAt(store, source, 200, temp.dir() + QStringLiteral("/ckpt-200.pt"));
        fork = test::RunSeed(store)
                   .project(QStringLiteral("proj"))
                   .name(QStringLiteral("fork"))
                   .forkOf(QStringLiteral("base?_step=150"))
                   .values("metric", 151, 301, [](qint64 s) { return 300.0 - double(s); })
                   .create();
        saveAt(store, fork, 250, temp.dir() + QStringLiteral("/fork-250.pt"));
    }
    auto window = test::openWindow(temp.path(), source.runId, RunPage::ChartsIndex);
    window->runsPanel()->addToSelection(fork.key);
    MetricPanel *panel = test::panelWithMarks(*window, QStringLiteral("metric"), 4);
    ASSERT_NE(panel, nullptr);
    // The fork inherits the source's checkpoint before its fork step, not the one after.
    EXPECT_EQ(markedSteps(*panel, source.key), (std::vector<qint64>{100, 200}));
    EXPECT_EQ(markedSteps(*panel, fork.key), (std::vector<qint64>{100, 250}));

    int sourceColour = -1, forkColour = -1;
    for (const PanelRun &r : panel->request().runs)
        (r.key == source.key ? sourceColour : forkColour) = r.colorIndex;
    const QImage image = panel->plotWidget()->grab().toImage();
    for (const auto &mark : panel->drawnMarks()) {
        // Under its step's point, at the bottom of the plot, in the run's colour.
        // (marks sit in the curve's pixel column of the step; the axis maps
        // steps linearly, which may differ by up to a step's width)
        const double stepWidth = panel->positionOf(mark.runKey, 101)->x() - panel->positionOf(mark.runKey, 100)->x();
        EXPECT_NEAR(mark.tip.x(), panel->positionOf(mark.runKey, mark.checkpoint.step)->x(), stepWidth + 1.0);
        if (mark.checkpoint.step == 100)
            continue; // both runs mark it
        const QColor expected = runColor(mark.runKey == source.key ? sourceColour : forkColour);
        const QPoint inside = (mark.tip + QPointF(0, 5)).toPoint();
        EXPECT_LT(colourDistance(image.pixelColor(inside), expected), 60)
            << "step " << mark.checkpoint.step << ": " << image.pixelColor(inside).name().toStdString();
    }

    // Hovering a mark names the checkpoint; the path is text, never markup.
    QPointF at200;
    for (const auto &mark : panel->drawnMarks()) {
        if (mark.checkpoint.step == 200)
            at200 = mark.tip + QPointF(0, 4);
    }
    EXPECT_EQ(panel->checkpointTipAt(at200),
              QStringLiteral("Checkpoint at step 200 (base)\n%1/ckpt-200.pt").arg(temp.dir()));
    const QPointF at100 = panel->drawnMarks().front().tip + QPointF(0, 4);
    const QString tip100 = panel->checkpointTipAt(at100);
    EXPECT_TRUE(tip100.contains(QStringLiteral("Checkpoint at step 100 (base)\n") + sourcePath))
        << tip100.toStdString();
    EXPECT_TRUE(tip100.contains(QStringLiteral("Checkpoint at step 100 (fork)\n") + sourcePath + QLatin1Char('\n') +
                                QStringLiteral("saved by ") + source.path().toString()))
        << tip100.toStdString();
    EXPECT_TRUE(panel->checkpointTipAt(at100 + QPointF(0, -40)).isEmpty()) << "a tip far above the marks";

    // A click on a mark picks that run's checkpoint, though another curve
    // (the fork's, at 100 where the source is at 200) is nearer the cursor.
    QTest::mouseClick(panel->plotWidget(), Qt::LeftButton, {}, at200.toPoint());
    ASSERT_TRUE(panel->pick().has_value());
    EXPECT_EQ(panel->pick()->runKey, source.key);
    EXPECT_EQ(panel->pick()->step, 200);
    ASSERT_TRUE(panel->pick()->checkpoint.has_value());
    EXPECT_EQ(panel->pick()->checkpoint->path, temp.dir() + QStringLiteral("/ckpt-200.pt"));

    QTest::mouseMove(panel->plotWidget(), at100.toPoint());
    ASSERT_TRUE(test::waitFor([] { return QToolTip::isVisible(); }, 5000)) << "no tool tip over the mark";
    EXPECT_TRUE(QToolTip::text().contains(QStringLiteral("ckpt &lt;b&gt;100&lt;/b&gt;.pt")))
        << QToolTip::text().toStdString();
}

TEST(ChartCheckpoints, APickSnapsToTheNearestCheckpointUnlessSnappingIsOff)
{
    test::TempStore temp;
    RunInfo run;
    {
        Store store(temp.path());
        run = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("saved"), 300);
        saveAt(store, run, 100, QStringLiteral("/ckpt/100.pt"));
        saveAt(store, run, 200, QStringLiteral("/ckpt/200.pt"));
    }
    auto window = test::openWindow(temp.path(), run.runId, RunPage::ChartsIndex);
    ChartsTab *charts = window->runPage()->charts();
    EXPECT_TRUE(charts->snapToCheckpoints()) << "snapping is on by default";
    MetricPanel *panel = test::panelWithMarks(*window, QStringLiteral("metric"), 2);
    ASSERT_NE(panel, nullptr);
    auto *button = panel->findChild<QPushButton *>(QStringLiteral("forkFromStepButton"));
    ASSERT_NE(button, nullptr);

    const QPoint at190 = panel->positionOf(run.key, 190)->toPoint();
    QTest::mouseMove(panel->plotWidget(), at190);
    ASSERT_TRUE(test::waitFor([&] { return !crosshairHeading(*panel).isEmpty(); }));
    EXPECT_EQ(crosshairHeading(*panel), QStringLiteral("step 200 · checkpoint"))
        << "the crosshair says what a click picks";
    QTest::mouseClick(panel->plotWidget(), Qt::LeftButton, {}, at190);
    ASSERT_TRUE(panel->pick().has_value());
    EXPECT_EQ(panel->pick()->step, 200);
    ASSERT_TRUE(panel->pick()->checkpoint.has_value());
    EXPECT_EQ(panel->pick()->checkpoint->path, QStringLiteral("/ckpt/200.pt"));
    EXPECT_EQ(button->text(), QStringLiteral("Fork from checkpoint at step 200…"));
    EXPECT_TRUE(button->isVisible());
    // The fork dialog opens at the checkpoint and says it starts from it.
    button->click();
    ForkDialog *dialog = window->forkDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->stepBox()->value(), 200);
    ASSERT_TRUE(test::waitFor([&] { return dialog->checkpointSettled(); }));
    EXPECT_EQ(dialog->checkpointText(), QStringLiteral("step 200 · /ckpt/200.pt"));
    EXPECT_EQ(dialog->checkpointWarning(), QStringLiteral("The checkpoint file is missing: /ckpt/200.pt"));
    dialog->reject();

    // The toolbar action turns it off: the pick is the logged step under the cursor again.
    charts->snapAction()->trigger();
    EXPECT_FALSE(charts->snapToCheckpoints());
    QTest::mouseClick(panel->plotWidget(), Qt::LeftButton, {}, at190);
    ASSERT_TRUE(panel->pick().has_value());
    EXPECT_EQ(panel->pick()->step, 190);
    EXPECT_FALSE(panel->pick()->checkpoint.has_value());
    EXPECT_EQ(button->text(), QStringLiteral("Fork from step 190…"));
    // A logged step that is a checkpoint is still named as one.
    charts->pickStep(run.key, 100);
    EXPECT_EQ(button->text(), QStringLiteral("Fork from checkpoint at step 100…"));
}

TEST(ChartCheckpoints, SnappingIsRememberedBetweenWindows)
{
    test::TempStore temp;
    RunInfo run;
    {
        Store store(temp.path());
        run = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("saved"), 30);
    }
    QSettings().remove(QStringLiteral("charts/snapToCheckpoints"));
    MainWindow::Options options;
    options.storePath = temp.path();
    {
        MainWindow window(options);
        EXPECT_TRUE(window.runPage()->charts()->snapToCheckpoints());
        window.runPage()->charts()->snapAction()->trigger();
        EXPECT_FALSE(QSettings().value(QStringLiteral("charts/snapToCheckpoints"), true).toBool());
    }
    {
        MainWindow window(options);
        EXPECT_FALSE(window.runPage()->charts()->snapToCheckpoints());
        EXPECT_FALSE(window.runPage()->charts()->snapAction()->isChecked());
    }
    QSettings().remove(QStringLiteral("charts/snapToCheckpoints"));
}

} // namespace
} // namespace forkscope
