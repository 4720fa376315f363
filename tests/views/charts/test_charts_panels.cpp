// Chart panels (issue 4): the real widgets fed through the real read path.
#include <QCheckBox>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>
#include <cmath>
#include <gtest/gtest.h>

#include "history/chart_data.h"
#include "history/series_query.h"
#include "identity/fork_spec.h"
#include "store/history_writer.h"
#include "store/store.h"
#include "support/temp_store.h"
#include "views/charts/chart_export.h"
#include "views/charts/charts_tab.h"
#include "views/charts/metric_panel.h"
#include "views/store_worker.h"

namespace forkscope {
namespace {

struct ChartFixture {
    test::TempStore temp;
    Store store{temp.path()};
    RunInfo base, fork;
    std::vector<PanelRun> runs;

    ChartFixture()
    {
        NewRun spec;
        spec.project = QStringLiteral("p");
        spec.runId = QStringLiteral("base");
        spec.name = QStringLiteral("=cmd|' /C calc'!A0, \"quoted\""); // hostile name
        base = store.createRun(spec);
        {
            HistoryWriter w(store, base.key);
            for (qint64 s = 0; s < 50000; ++s)
                w.addNumber("loss", s,
                            s % 1000 == 500 ? std::nan("") : 1.0 + std::sin(double(s) / 700.0) + (s % 7) * 0.01);
            w.flush();
        }
        ForkOptions o;
        o.project = QStringLiteral("p");
        o.runId = QStringLiteral("fork");
        fork = store.createFork(ForkSpec::parse(QStringLiteral("base?_step=20000")), o);
        {
            HistoryWriter w(store, fork.key);
            for (qint64 s = 20001; s < 40000; ++s)
                w.addNumber("loss", s, 0.5 + (s % 5) * 0.01);
            w.flush();
        }
        runs = {{fork.key, QStringLiteral("fork"), QStringLiteral("fork"), 0, 20000},
                {base.key, spec.name, QStringLiteral("base"), 1, std::nullopt}};
    }
};

std::unique_ptr<MetricPanel> shownPanel(const std::vector<PanelRun> &runs)
{
    auto panel = std::make_unique<MetricPanel>(QStringLiteral("loss"));
    panel->resize(700, 280);
    panel->setRuns(runs);
    panel->show();
    QApplication::processEvents();
    return panel;
}

TEST(ChartsPanels, SmoothedPanelDrawsEnvelopeAndExportsWhatIsDrawn)
{
    ChartFixture f;
    auto panel = shownPanel(f.runs);
    panel->setSmoothing(0.9);
    SeriesCache cache;
    const PanelData data = loadPanelData(f.store, panel->request(), &cache);
    ASSERT_TRUE(data.hasData);
    EXPECT_EQ(data.smoothing, 0.9);
    ASSERT_EQ(data.series.size(), 2u);
    const RunSeries &forkSeries = data.series[0];
    EXPECT_FALSE(forkSeries.smoothedOwn.empty());
    EXPECT_FALSE(forkSeries.envelope.empty()); // 40 000 steps on ~600 columns
    ASSERT_TRUE(forkSeries.forkPoint.has_value());
    EXPECT_EQ(forkSeries.forkPoint->step, 20000);
    panel->setData(data);

    const QImage image = panel->renderImage();
    EXPECT_FALSE(image.isNull());
    QTemporaryDir dir;
    ASSERT_TRUE(panel->exportPng(dir.filePath(QStringLiteral("c.png"))));
    EXPECT_FALSE(QImage(dir.filePath(QStringLiteral("c.png"))).isNull());
    ASSERT_TRUE(panel->exportSvg(dir.filePath(QStringLiteral("c.svg"))));
    ASSERT_TRUE(panel->exportCsv(dir.filePath(QStringLiteral("c.csv"))));

    QFile svg(dir.filePath(QStringLiteral("c.svg")));
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    const QByteArray svgText = svg.readAll();
    EXPECT_TRUE(svgText.startsWith("<?xml"));
    EXPECT_TRUE(svgText.contains("<polyline"));
    EXPECT_TRUE(svgText.contains("stroke-dasharray")); // the inherited part

    QFile csv(dir.filePath(QStringLiteral("c.csv")));
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    EXPECT_EQ(lines.front(), "run_id,run_name,metric,part,line,step,value");
    qsizetype raw = 0, smoothed = 0, envelope = 0;
    for (const QByteArray &l : lines) {
        raw += l.contains(",raw,");
        smoothed += l.contains(",smoothed,");
        envelope += l.contains(",envelope_");
        // The hostile name is one quoted field, defused for spreadsheets.
        if (l.startsWith("base,")) {
            EXPECT_TRUE(l.startsWith("base,\"'=cmd|' /C calc'!A0, \"\"quoted\"\"\",loss,")) << l.constData();
        }
    }
    qsizetype wantRaw = 0, wantSmoothed = 0;
    for (const RunSeries &s : data.series) {
        wantRaw += qsizetype(s.inherited.size() + s.own.size()) - (!s.inherited.empty() && !s.own.empty());
        wantSmoothed += qsizetype(s.smoothedInherited.size() + s.smoothedOwn.size()) -
                        (!s.smoothedInherited.empty() && !s.smoothedOwn.empty());
    }
    EXPECT_EQ(raw, wantRaw);
    EXPECT_EQ(smoothed, wantSmoothed);
    EXPECT_GT(envelope, 0);
}

TEST(ChartsPanels, NanGapsLeaveAHoleAndLogScaleDraws)
{
    // A line with a NaN gap wider than many columns: the columns inside the
    // gap stay empty (Qt Charts' own series would join across it).
    test::TempStore temp;
    Store store(temp.path());
    NewRun spec;
    spec.project = QStringLiteral("p");
    const RunInfo run = store.createRun(spec);
    {
        HistoryWriter w(store, run.key);
        for (qint64 s = 0; s < 3000; ++s)
            w.addNumber("loss", s, s >= 1000 && s < 2000 ? std::nan("") : 2.0);
        w.flush();
    }
    auto panel = shownPanel({{run.key, QStringLiteral("r"), QStringLiteral("r"), 0, std::nullopt}});
    panel->setData(loadPanelData(store, panel->request()));
    const ChartPicture pic = panel->picture();
    const QRectF plot = pic.view.plot;
    QImage image(pic.size.toSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        PainterSink sink(painter);
        drawCurves(sink, pic.view, pic.curves, 0.0);
    }
    auto inkInColumn = [&](double fraction) {
        const int x = int(plot.left() + plot.width() * fraction);
        for (int y = int(plot.top()); y < int(plot.bottom()); ++y)
            if (image.pixel(x, y) != qRgb(255, 255, 255))
                return true;
        return false;
    };
    EXPECT_TRUE(inkInColumn(0.15));
    EXPECT_FALSE(inkInColumn(0.5));
    EXPECT_TRUE(inkInColumn(0.85));

    panel->setLogY(true);
    EXPECT_TRUE(panel->logY());
    EXPECT_TRUE(panel->picture().view.logY);
    EXPECT_FALSE(panel->renderImage().isNull());
}

TEST(ChartsPanels, TabAppliesSmoothingLogAndSyncedZoomToEveryPanel)
{
    ChartFixture f;
    {
        HistoryWriter w(f.store, f.base.key);
        for (qint64 s = 0; s < 100; ++s)
            w.addNumber("acc", s, double(s));
        w.flush();
    }
    // Two lanes, as on a two-core machine: the panels load in parallel.
    StoreWorker worker(f.temp.path(), QStringLiteral("charts-test"));
    StoreWorker worker2(f.temp.path(), QStringLiteral("charts-test-2"));
    ChartsTab tab({&worker, &worker2});
    tab.resize(1400, 800);
    tab.show();
    tab.setRuns(f.runs);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return tab.panels().size() == 2 && !tab.isLoading() && worker.isIdle() && worker2.isIdle(); }, 15000));
    MetricPanel *loss = tab.panel(QStringLiteral("loss"));
    MetricPanel *acc = tab.panel(QStringLiteral("acc"));
    ASSERT_TRUE(loss && acc);
    ASSERT_TRUE(QTest::qWaitFor([&] { return loss->hasData() && acc->hasData(); }, 15000));

    auto *slider = tab.findChild<QSlider *>(QStringLiteral("smoothingSlider"));
    ASSERT_NE(slider, nullptr);
    slider->setValue(60);
    EXPECT_DOUBLE_EQ(loss->smoothing(), 0.6);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return loss->data().smoothing == 0.6 && !loss->data().series.empty() &&
                   !loss->data().series[0].smoothedOwn.empty();
        },
        15000));

    auto *logScaleBox = tab.findChild<QCheckBox *>(QStringLiteral("logScaleBox"));
    ASSERT_NE(logScaleBox, nullptr);
    logScaleBox->setChecked(true);
    EXPECT_TRUE(loss->logY());
    EXPECT_TRUE(acc->logY());

    auto *syncZoomBox = tab.findChild<QCheckBox *>(QStringLiteral("syncZoomBox"));
    ASSERT_NE(syncZoomBox, nullptr);
    syncZoomBox->setChecked(true);
    QWidget *plot = loss->plotWidget();
    QTest::mouseMove(plot, plot->rect().center());
    QWheelEvent wheel(QPointF(plot->rect().center()), plot->mapToGlobal(QPointF(plot->rect().center())), QPoint(),
                      QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(plot, &wheel);
    ASSERT_TRUE(loss->xZoom().has_value());
    ASSERT_TRUE(acc->xZoom().has_value());
    EXPECT_EQ(*loss->xZoom(), *acc->xZoom());
    // The zoomed request is reduced for the new range.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return !tab.isLoading() && worker.isIdle() && loss->data().range.hi - loss->data().range.lo < 40000; },
        15000));
    loss->resetZoom();
    EXPECT_FALSE(acc->xZoom().has_value());
}

} // namespace
} // namespace forkscope
