// The Lineage tab in a real main window on a real store: the family drawn,
// a click opens a run, "Select family" overlays it in Charts, --tab lineage,
// what each fork changed on its branch and in the Overview, and a family of
// hundreds of runs painted by the rows in view.
#include <QApplication>
#include <QContextMenuEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

#include "history/chart_data.h"
#include "identity/fork_spec.h"
#include "itemmodels/run_color.h"
#include "store/store.h"
#include "support/run_seed.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/charts/chart_curves.h"
#include "views/charts/charts_tab.h"
#include "views/fork/fork_dialog.h"
#include "views/fork/step_spin_box.h"
#include "views/lineage/lineage_graph.h"
#include "views/lineage/lineage_tab.h"
#include "views/overview/overview_tab.h"
#include "views/run_palette.h"

namespace forkscope {
namespace {

struct Family {
    RunInfo base, lowLr, grand, twin;
};

RunInfo seed(Store &store, const QString &id, const QString &forkOf, const Json &config, qint64 first, qint64 end)
{
    test::RunSeed s(store);
    s.project(QStringLiteral("proj")).id(id).name(id).config(config).state(RunState::Finished);
    if (!forkOf.isEmpty())
        s.forkOf(forkOf);
    if (end > first)
        s.values("metric", first, end, [](qint64 step) { return double(step); });
    return s.create();
}

Family makeFamily(const QString &path)
{
    Store store(path);
    Family f;
    f.base = seed(store, QStringLiteral("base"), {}, {{"lr", 0.1}, {"layers", 4}}, 0, 300);
    f.lowLr = seed(store, QStringLiteral("lowlr"), QStringLiteral("base?_step=200"), {}, 201, 260);
    store.setConfig(f.lowLr.key, {{"lr", 0.01}, {"layers", 4}});
    f.grand = seed(store, QStringLiteral("grand"), QStringLiteral("lowlr?_step=230"), {}, 231, 280);
    store.setConfig(f.grand.key, {{"lr", 0.01}, {"layers", 8}});
    f.twin = seed(store, QStringLiteral("twin"), QStringLiteral("base?_step=100"), {}, 0, 0);
    seed(store, QStringLiteral("stranger"), {}, {{"lr", 0.5}}, 0, 50);
    return f;
}

LineageGraph *loadedGraph(MainWindow &window, qint64 expectedSize)
{
    LineageTab *tab = window.runPage()->lineage();
    const bool loaded = test::waitFor([&] {
        return window.isSettled() && tab->family() && tab->family()->size == expectedSize && tab->graph()->isVisible();
    });
    if (!loaded) {
        ADD_FAILURE() << "the lineage tab did not show a family of " << expectedSize << " runs within 15 s";
        return nullptr;
    }
    return tab->graph();
}

TEST(LineageTab, TabArgumentOpensTheLineageOfTheRun)
{
    EXPECT_EQ(RunPage::tabNamed(QStringLiteral("lineage")), RunPage::LineageIndex);
    EXPECT_EQ(RunPage::tabNamed(QStringLiteral("Lineage")), RunPage::LineageIndex);
    EXPECT_EQ(RunPage::tabNamed(QStringLiteral("charts")), RunPage::ChartsIndex);
    EXPECT_FALSE(RunPage::tabNamed(QStringLiteral("family")).has_value());

    test::TempStore temp;
    const Family f = makeFamily(temp.path());
    auto window = test::openWindow(temp.path(), QStringLiteral("local/proj/grand"), RunPage::LineageIndex);
    EXPECT_EQ(window->runPage()->currentTab(), RunPage::LineageIndex);
    EXPECT_EQ(window->runPage()->tabs()->tabText(RunPage::LineageIndex), QStringLiteral("Lineage"));
    LineageGraph *graph = loadedGraph(*window, 4);
    ASSERT_NE(graph, nullptr);
    EXPECT_EQ(graph->currentKey(), f.grand.key);
    ASSERT_EQ(graph->rows().size(), 4u);
    // Parents first, forks by fork step: twin (100) before lowlr (200).
    QStringList order;
    for (const LineageRow &row : graph->rows())
        order << row.node->run.runId;
    EXPECT_EQ(order, (QStringList{"base", "twin", "lowlr", "grand"}));
    const LineageRow &grand = graph->rows()[3];
    EXPECT_EQ(grand.start, 230);
    EXPECT_EQ(grand.end, 279);
    EXPECT_EQ(grand.depth, 2);

    // What the fork changed, in full in the tool tip (against its parent lowlr, not the root).
    const QString tip = graph->rowToolTip(3);
    EXPECT_TRUE(tip.contains(QStringLiteral("layers: 4 → 8"))) << tip.toStdString();
    EXPECT_FALSE(tip.contains(QStringLiteral("lr: 0.1"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("Forked from lowlr at step 230"))) << tip.toStdString();
    EXPECT_TRUE(graph->rowToolTip(1).contains(QStringLiteral("same config")));
    EXPECT_TRUE(graph->rowToolTip(2).contains(QStringLiteral("lr: 0.1 → 0.01")));
    auto *summary = window->runPage()->lineage()->findChild<QLabel *>(QStringLiteral("lineageSummary"));
    ASSERT_NE(summary, nullptr);
    EXPECT_EQ(summary->text(), QStringLiteral("4 run(s) in the family of base"));
}

TEST(LineageTab, ClickingARunOpensItAndSelectFamilyOverlaysTheFamilyInCharts)
{
    test::TempStore temp;
    const Family f = makeFamily(temp.path());
    auto window = test::openWindow(temp.path(), QStringLiteral("local/proj/base"), RunPage::LineageIndex);
    LineageGraph *graph = loadedGraph(*window, 4);
    ASSERT_NE(graph, nullptr);

    const auto at = graph->labelPositionOf(f.lowLr.key);
    ASSERT_TRUE(at.has_value());
    QTest::mouseClick(graph->viewport(), Qt::LeftButton, {}, *at);
    ASSERT_TRUE(test::waitFor([&] { return window->currentRunKey() == f.lowLr.key && window->isSettled(); }));
    EXPECT_EQ(window->runPage()->overview()->details().run.key, f.lowLr.key);
    ASSERT_TRUE(test::waitFor([&] { return graph->currentKey() == f.lowLr.key; }));

    auto *button = window->runPage()->lineage()->findChild<QPushButton *>(QStringLiteral("overlayFamilyButton"));
    ASSERT_NE(button, nullptr);
    EXPECT_EQ(button->text(), QStringLiteral("Select family"));
    button->click();
    EXPECT_EQ(window->runPage()->currentTab(), RunPage::ChartsIndex);
    ASSERT_TRUE(test::waitFor([&] { return window->runPage()->charts()->runs().size() == 4; }));
    QList<qint64> shown;
    for (const PanelRun &r : window->runPage()->charts()->runs())
        shown << r.key;
    EXPECT_EQ(shown.front(), f.lowLr.key); // the open run stays first
    for (qint64 key : {f.base.key, f.lowLr.key, f.grand.key, f.twin.key})
        EXPECT_TRUE(shown.contains(key)) << key;
}

TEST(LineageTab, CtrlClickSelectsSeveralToOverlayAndTheTriangleCollapses)
{
    test::TempStore temp;
    const Family f = makeFamily(temp.path());
    auto window = test::openWindow(temp.path(), QStringLiteral("local/proj/base"), RunPage::LineageIndex);
    LineageGraph *graph = loadedGraph(*window, 4);
    ASSERT_NE(graph, nullptr);
    for (qint64 key : {f.twin.key, f.grand.key})
        QTest::mouseClick(graph->viewport(), Qt::LeftButton, Qt::ControlModifier, *graph->labelPositionOf(key));
    EXPECT_EQ(graph->selectedKeys(), (QList<qint64>{f.twin.key, f.grand.key}));
    EXPECT_EQ(window->currentRunKey(), f.base.key); // Ctrl+click selects, it does not open

    // The triangle left of lowlr's name hides grand.
    const QPoint label = *graph->labelPositionOf(f.lowLr.key);
    const LineageRow &row = graph->rows()[size_t(graph->rowOf(f.lowLr.key))];
    QTest::mouseClick(graph->viewport(), Qt::LeftButton, {}, QPoint(6 + row.depth * 14 + 4, label.y()));
    EXPECT_TRUE(graph->isCollapsed(f.lowLr.key));
    EXPECT_EQ(graph->rows().size(), 3u);
    EXPECT_EQ(graph->rowOf(f.grand.key), -1);
    EXPECT_EQ(graph->rows()[size_t(graph->rowOf(f.lowLr.key))].hiddenRuns, 1);
    EXPECT_TRUE(graph->rowToolTip(graph->rowOf(f.lowLr.key)).contains(QStringLiteral("1 fork(s) below, collapsed")));

    auto *overlay = window->runPage()->lineage()->findChild<QPushButton *>(QStringLiteral("overlaySelectedButton"));
    ASSERT_TRUE(overlay->isEnabled());
    overlay->click();
    ASSERT_TRUE(test::waitFor([&] { return window->runPage()->charts()->runs().size() == 3; }));
}

TEST(LineageTab, WheelZoomsAndDragPansTheStepAxis)
{
    test::TempStore temp;
    const Family f = makeFamily(temp.path());
    auto window = test::openWindow(temp.path(), QStringLiteral("local/proj/base"), RunPage::LineageIndex);
    LineageGraph *graph = loadedGraph(*window, 4);
    ASSERT_NE(graph, nullptr);
    const double span = graph->viewHi() - graph->viewLo();
    EXPECT_LE(graph->viewLo(), 0.0);
    EXPECT_GE(graph->viewHi(), 299.0);
    const QPoint at = *graph->positionOf(f.base.key, 150);
    QWheelEvent zoomIn(at, graph->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton,
                       Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(graph->viewport(), &zoomIn);
    const double zoomed = graph->viewHi() - graph->viewLo();
    EXPECT_NEAR(zoomed, span * 0.64, span * 0.01);
    // Step 150 stays under the pointer.
    EXPECT_NEAR(double(graph->positionOf(f.base.key, 150)->x()), double(at.x()), 1.5);

    const double lo = graph->viewLo();
    QTest::mousePress(graph->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseMove(graph->viewport(), at + QPoint(-100, 0));
    QTest::mouseRelease(graph->viewport(), Qt::LeftButton, {}, at + QPoint(-100, 0));
    EXPECT_GT(graph->viewLo(), lo);
    EXPECT_NEAR(graph->viewHi() - graph->viewLo(), zoomed, 1e-6);
    EXPECT_EQ(window->currentRunKey(), f.base.key); // a drag does not open a run
}

TEST(LineageTab, AStepPickedOnABarOpensTheForkDialogThere)
{
    test::TempStore temp;
    const Family f = makeFamily(temp.path());
    auto window = test::openWindow(temp.path(), QStringLiteral("local/proj/base"), RunPage::LineageIndex);
    LineageGraph *graph = loadedGraph(*window, 4);
    ASSERT_NE(graph, nullptr);
    const QPoint at = *graph->positionOf(f.lowLr.key, 220);
    QString chosen;
    QTimer::singleShot(0, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        ASSERT_NE(menu, nullptr);
        auto *fork = menu->findChild<QAction *>(QStringLiteral("lineageForkAction"));
        ASSERT_NE(fork, nullptr);
        chosen = fork->text();
        fork->trigger();
        menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, graph->viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(graph->viewport(), &event);
    EXPECT_EQ(chosen, QStringLiteral("Fork from step 220…"));
    ForkDialog *dialog = window->forkDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(test::waitFor([&] { return dialog->isVisible(); }));
    EXPECT_EQ(dialog->stepBox()->value(), 220);
    EXPECT_EQ(dialog->stepBox()->maximum(), 259); // lowlr's last step: the fork is of lowlr
    dialog->close();
}

TEST(LineageTab, OverviewOfAForkShowsWhatItChanged)
{
    test::TempStore temp;
    makeFamily(temp.path());
    auto window = test::openWindow(temp.path(), QStringLiteral("local/proj/grand"), RunPage::OverviewIndex);
    auto *changes = window->runPage()->overview()->findChild<QLabel *>(QStringLiteral("forkConfigChanges"));
    ASSERT_NE(changes, nullptr);
    EXPECT_TRUE(changes->isVisible());
    EXPECT_EQ(changes->textFormat(), Qt::PlainText);
    EXPECT_EQ(changes->text(), QStringLiteral("Config changed against the run it was forked from:\nlayers: 4 → 8"));

    auto root = test::openWindow(temp.path(), QStringLiteral("local/proj/base"), RunPage::OverviewIndex);
    EXPECT_FALSE(root->runPage()->overview()->findChild<QLabel *>(QStringLiteral("forkConfigChanges"))->isVisible());
}

TEST(LineageTab, AFamilyOfHundredsPaintsOnlyTheRowsInView)
{
    test::TempStore temp;
    qint64 last = 0;
    {
        Store store(temp.path());
        RunInfo parent = seed(store, QStringLiteral("r0"), {}, {{"lr", 0.0}}, 0, 1000);
        // 400 runs: 20 chains of 20 forks off the root, each link changing
        // lr; a fork without steps of its own is forked at its fork step.
        for (int i = 1; i < 400; ++i) {
            ForkOptions o;
            o.project = QStringLiteral("proj");
            o.runId = QStringLiteral("r%1").arg(i);
            o.configOverrides = {{"lr", i}};
            const QString source = i % 20 == 1 ? QStringLiteral("r0") : QStringLiteral("r%1").arg(i - 1);
            const int step = 10 + (i - 1) / 20 * 45;
            last = store.createFork(ForkSpec::parse(QStringLiteral("%1?_step=%2").arg(source).arg(step)), o).key;
        }
    }
    auto window = test::openWindow(temp.path(), QStringLiteral("local/proj/r399"), RunPage::LineageIndex);
    LineageGraph *graph = loadedGraph(*window, 400);
    ASSERT_NE(graph, nullptr);
    EXPECT_EQ(graph->rows().size(), 400u);
    graph->viewport()->repaint();
    const int inView = graph->viewport()->height() / 30 + 2;
    EXPECT_GT(graph->paintedRows(), 0);
    EXPECT_LE(graph->paintedRows(), inView);
    // The open run is scrolled into view.
    EXPECT_TRUE(graph->labelPositionOf(last).has_value());
}

} // namespace
} // namespace forkscope

namespace forkscope {
namespace {

// Records what drawCurves draws.
class RecordingSink : public CurveSink {
public:
    struct Line {
        QColor color;
        Stroke stroke;
        QPolygonF points;
    };
    void polyline(const QPolygonF &points, const QColor &color, double, Stroke stroke) override
    {
        lines.push_back({color, stroke, points});
    }
    void rects(const std::vector<QRectF> &r, const QColor &fill) override
    {
        for (const QRectF &rect : r)
            marks.push_back({fill, rect});
    }
    std::vector<Line> lines;
    std::vector<std::pair<QColor, QRectF>> marks;
};

TEST(LineageCharts, InheritedHistoryIsDrawnInEachAncestorsColourWithEveryForkPointMarked)
{
    test::TempStore temp;
    const Family f = makeFamily(temp.path());
    Store store(temp.path());
    PanelRequest request;
    request.metric = QStringLiteral("metric");
    request.width = 600;
    request.runs = {{f.grand.key, f.grand.name, f.grand.runId, runColorIndex(f.grand.immutableId), 230}};
    const PanelData data = loadPanelData(store, request);
    ASSERT_EQ(data.series.size(), 1u);
    const RunSeries &s = data.series.front();
    ASSERT_EQ(s.sources.size(), 2u);
    EXPECT_EQ(s.sources[0].runKey, f.base.key);
    EXPECT_EQ(s.sources[0].steps.hi, 200);
    EXPECT_EQ(s.sources[1].name, QStringLiteral("lowlr"));
    EXPECT_EQ(s.sources[1].steps.lo, 201);
    EXPECT_EQ(s.sources[1].steps.hi, 230);
    EXPECT_EQ(sourceAt(s.sources, 150)->name, QStringLiteral("base"));
    EXPECT_EQ(sourceAt(s.sources, 231), nullptr); // grand's own

    CurveView view;
    view.x = {0, 300};
    view.yLo = 0;
    view.yHi = 300;
    view.plot = QRectF(0, 0, 600, 300);
    RecordingSink sink;
    const QColor own = runColor(runColorIndex(f.grand.immutableId));
    drawCurves(sink, view, {{own, s}}, 0.0);
    const QColor baseColor = inheritedColor(runColor(runColorIndex(f.base.immutableId)));
    const QColor lowColor = inheritedColor(runColor(runColorIndex(f.lowLr.immutableId)));
    bool sawBase = false, sawLow = false, sawOwn = false;
    for (const auto &line : sink.lines) {
        if (line.stroke == Stroke::Dashed) {
            EXPECT_TRUE(line.color == baseColor || line.color == lowColor) << line.color.name().toStdString();
            sawBase |= line.color == baseColor;
            sawLow |= line.color == lowColor;
        } else {
            sawOwn |= line.color == own;
        }
    }
    EXPECT_TRUE(sawBase);
    EXPECT_TRUE(sawLow);
    EXPECT_TRUE(sawOwn);
    // Fork points: lowlr's at 200 (in lowlr's colour) and grand's own at 230.
    const PlotMapper map(view);
    int lowMarks = 0, ownMarks = 0;
    for (const auto &[fill, rect] : sink.marks) {
        lowMarks +=
            fill == runColor(runColorIndex(f.lowLr.immutableId)) && std::abs(rect.center().x() - map.x(200)) < 1;
        ownMarks += fill == own && std::abs(rect.center().x() - map.x(230)) < 1;
    }
    EXPECT_EQ(lowMarks, 1);
    EXPECT_EQ(ownMarks, 1);
}

} // namespace
} // namespace forkscope
