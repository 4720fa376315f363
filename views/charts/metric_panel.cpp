#include "views/charts/metric_panel.h"

#include "views/retranslate.h"

#include <QChart>
#include <QContextMenuEvent>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QLogValueAxis>
#include <QMenu>
#include <QPushButton>
#include <QScatterSeries>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>
#include <limits>

#include "views/charts/chart_curves.h"
#include "views/charts/checkpoint_marks.h"
#include "views/charts/hover_readout.h"
#include "views/charts/metric_chart_view.h"
#include "views/charts/time_axis_labels.h"
#include "views/run_palette.h"

namespace forkscope {

namespace {

void styleAxis(QAbstractAxis *axis)
{
    QFont f = axis->labelsFont();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    axis->setLabelsFont(f);
    axis->setLabelsColor(QColor(0x5f6368));
    axis->setGridLineColor(QColor(0xe8eaed));
    axis->setLinePenColor(QColor(0xdadce0));
    axis->setMinorGridLineVisible(false);
    if (auto *value = qobject_cast<QValueAxis *>(axis)) {
        value->setTickType(QValueAxis::TicksDynamic);
        value->setTickAnchor(0);
    }
}

// The series as drawn: every step replaced by its x (time axes).
RunSeries atX(const RunSeries &s, XAxis axis)
{
    if (axis == XAxis::Step)
        return s;
    RunSeries out = s;
    for (PointVector *v : {&out.inherited, &out.own, &out.smoothedInherited, &out.smoothedOwn}) {
        for (Point &p : *v)
            p.step = s.xOf(p.step, axis);
    }
    for (EnvelopeColumn &e : out.envelope) {
        e.firstStep = s.xOf(e.firstStep, axis);
        e.lastStep = s.xOf(e.lastStep, axis);
    }
    if (out.forkPoint)
        out.forkPoint->step = s.xOf(out.forkPoint->step, axis);
    for (StepRange &d : out.damaged)
        d = {s.xOf(d.lo, axis), s.xOf(d.hi, axis)};
    constexpr qint64 kFirst = std::numeric_limits<qint64>::min();
    for (InheritedSource &source : out.sources)
        source.steps = {source.steps.lo == kFirst ? kFirst : s.xOf(source.steps.lo, axis),
                        s.xOf(source.steps.hi, axis)};
    return out;
}

} // namespace

MetricPanel::MetricPanel(const QString &metric, QWidget *parent) : QFrame(parent), metric_(metric)
{
    setObjectName(QStringLiteral("metricPanel"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 6);
    layout->setSpacing(2);

    auto *header = new QHBoxLayout;
    title_ = new QLabel(metric, this);
    title_->setTextFormat(Qt::PlainText);
    QFont tf = title_->font();
    tf.setBold(true);
    title_->setFont(tf);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("panelStatus"));
    status_->setTextFormat(Qt::PlainText);
    status_->setForegroundRole(QPalette::PlaceholderText);
    header->addWidget(title_, 1);
    header->addWidget(status_);
    layout->addLayout(header);

    chart_ = new QChart;
    chart_->legend()->hide();
    chart_->setMargins(QMargins(0, 4, 4, 0));
    chart_->setBackgroundRoundness(0);
    chart_->setBackgroundBrush(palette().base());
    chart_->setAnimationOptions(QChart::NoAnimation);
    chart_->layout()->setContentsMargins(0, 0, 0, 0);

    axisX_ = new QValueAxis(chart_);
    axisY_ = new QValueAxis(chart_);
    styleAxis(axisX_);
    styleAxis(axisY_);
    axisX_->setLabelFormat(QStringLiteral("%.0f"));
    axisY_->setLabelFormat(QStringLiteral("%.4g"));
    chart_->addAxis(axisX_, Qt::AlignBottom);
    chart_->addAxis(axisY_, Qt::AlignLeft);
    axisYLog_ = new QLogValueAxis(chart_);
    styleAxis(axisYLog_);
    axisYLog_->setLabelFormat(QStringLiteral("%.3g"));
    axisYLog_->setBase(10);
    axisYLog_->hide();

    pickMarker_ = new QScatterSeries(chart_);
    pickMarker_->setMarkerSize(14);
    pickMarker_->setColor(Qt::transparent);
    pickMarker_->setBorderColor(QColor(0x202124));
    pickMarker_->setPen(QPen(QColor(0x202124), 2));
    chart_->addSeries(pickMarker_);
    pickMarker_->attachAxis(axisX_);
    pickMarker_->attachAxis(axisY_);

    view_ = new MetricChartView(chart_, this);
    view_->setMinimumHeight(190);
    retranslateOnLanguageChange(this, [this] {
        setAccessibleName(tr("Chart of %1").arg(metric_));
        view_->setAccessibleName(tr("Chart of %1: click a step to fork from it").arg(metric_));
    });
    layout->addWidget(view_, 1);

    // On the viewport, not the view: a scroll area's accessibility node
    // lists only its viewport and scroll bars, so a button beside them is
    // out of the accessibility tree.
    forkButton_ = new QPushButton(view_->viewport());
    forkButton_->setObjectName(QStringLiteral("forkFromStepButton"));
    forkButton_->setIcon(QIcon(QStringLiteral(":/icons/fork.svg")));
    forkButton_->setCursor(Qt::PointingHandCursor);
    forkButton_->hide();
    connect(forkButton_, &QPushButton::clicked, this, &MetricPanel::requestFork);
    rewindButton_ = new QPushButton(view_->viewport());
    rewindButton_->setObjectName(QStringLiteral("rewindToStepButton"));
    rewindButton_->setCursor(Qt::PointingHandCursor);
    rewindButton_->hide();
    connect(rewindButton_, &QPushButton::clicked, this, &MetricPanel::requestRewind);

    // The data: drawn by our own item over the plot area (M4 points, NaN
    // gaps, envelopes), above the grid, below the crosshair.
    curvesItem_ = new ChartCurvesItem;
    curvesItem_->setZValue(50);
    chart_->scene()->addItem(curvesItem_);
    // Checkpoint marks over the curves, along the bottom of the plot.
    marksItem_ = new CheckpointMarksItem;
    marksItem_->setZValue(55);
    chart_->scene()->addItem(marksItem_);
    connect(chart_, &QChart::plotAreaChanged, this, [this] { updateCurveView(); });

    hover_ = new HoverReadout(chart_->scene(), this);

    reloadTimer_ = new QTimer(this);
    reloadTimer_->setSingleShot(true);
    reloadTimer_->setInterval(80);
    connect(reloadTimer_, &QTimer::timeout, this, &MetricPanel::dataWanted);

    connect(view_, &MetricChartView::clicked, this, &MetricPanel::onClicked);
    connect(view_, &MetricChartView::hovered, this, &MetricPanel::onHover);
    connect(view_, &MetricChartView::hoverLeft, this, &MetricPanel::hideHover);
    connect(view_, &MetricChartView::resetRequested, this, &MetricPanel::resetZoom);
    connect(view_, &MetricChartView::forkKeyPressed, this, &MetricPanel::requestFork);
    connect(view_, &MetricChartView::resized, this, [this] {
        updatePickMarker();
        const int w = request().width;
        if (loaded_ && std::abs(w - requestedWidth_) > requestedWidth_ / 12)
            scheduleReload();
    });
    connect(view_, &MetricChartView::rubberBandSelected, this, [this](const QRectF &rect) {
        const QRectF plot = plotRectInView();
        const QRectF r = rect.intersected(plot);
        if (r.width() < 2)
            return;
        const QPointF a = toValue(r.topLeft()), b = toValue(r.bottomRight());
        zoomY_ = std::make_pair(std::min(a.y(), b.y()), std::max(a.y(), b.y()));
        zoomX(std::min(a.x(), b.x()), std::max(a.x(), b.x()), YRange::Keep);
    });
    connect(view_, &MetricChartView::wheelZoomed, this, [this](const QPointF &pos, double factor) {
        const double lo = axisX_->min(), hi = axisX_->max();
        const double at = plotRectInView().contains(pos) ? toValue(pos).x() : (lo + hi) / 2;
        zoomX(at - (at - lo) * factor, at + (hi - at) * factor, YRange::Fit);
    });
    connect(view_, &MetricChartView::panned, this, [this](const QPointF &delta) {
        const QRectF plot = plotRectInView();
        if (plot.width() < 1 || plot.height() < 1)
            return;
        const double dx = delta.x() * (axisX_->max() - axisX_->min()) / plot.width();
        if (zoomY_) {
            const double dy = delta.y() * (zoomY_->second - zoomY_->first) / plot.height();
            zoomY_ = std::make_pair(zoomY_->first + dy, zoomY_->second + dy);
        }
        zoomX(axisX_->min() - dx, axisX_->max() - dx, zoomY_ ? YRange::Keep : YRange::Fit);
    });
}

void MetricPanel::setRuns(const std::vector<PanelRun> &runs)
{
    const bool same = runs.size() == curves_.size() &&
                      std::equal(runs.begin(), runs.end(), curves_.begin(), [](const PanelRun &a, const Curve &c) {
                          return a.key == c.run.key && a.name == c.run.name && a.forkStep == c.run.forkStep &&
                                 a.colorIndex == c.run.colorIndex;
                      });
    if (same)
        return;
    clearCurves();
    for (const PanelRun &run : runs) {
        Curve c;
        c.run = run;
        curves_.push_back(std::move(c));
    }
    curvesItem_->setCurves({}, smoothing_);
    marksItem_->setMarks({});
    // Keep the pick marker above the lines.
    chart_->removeSeries(pickMarker_);
    chart_->addSeries(pickMarker_);
    pickMarker_->attachAxis(axisX_);
    pickMarker_->attachAxis(axisY_);
    if (pick_ && !curveOf(pick_->runKey))
        clearPick();
    loaded_ = false;
}

void MetricPanel::clearCurves()
{
    curves_.clear();
}

MetricPanel::Curve *MetricPanel::curveOf(qint64 runKey)
{
    for (Curve &c : curves_) {
        if (c.run.key == runKey)
            return &c;
    }
    return nullptr;
}

const MetricPanel::Curve *MetricPanel::curveOf(qint64 runKey) const
{
    return const_cast<MetricPanel *>(this)->curveOf(runKey);
}

PanelRequest MetricPanel::request() const
{
    PanelRequest r;
    r.metric = metric_;
    for (const Curve &c : curves_)
        r.runs.push_back(c.run);
    if (zoomX_)
        r.range = StepRange{qint64(std::floor(zoomX_->first)), qint64(std::ceil(zoomX_->second))};
    const double plotWidth = chart_->plotArea().width();
    r.width = plotWidth > 16 ? int(std::lround(plotWidth)) : std::max(view_->width() - 70, 200);
    r.smoothing = smoothing_;
    r.xAxis = xAxis_;
    return r;
}

void MetricPanel::setData(const PanelData &data)
{
    data_ = data;
    requestedWidth_ = request().width;
    std::vector<DrawnCurve> drawn;
    for (Curve &c : curves_) {
        c.points.clear();
        c.steps.clear();
    }
    for (const RunSeries &s : data.series) {
        Curve *c = curveOf(s.runKey);
        if (!c)
            continue;
        drawn.push_back({runColor(c->run.colorIndex), atX(s, data.xAxis)});
        c->sources = s.sources;
        for (const PointVector *part : {&s.inherited, &s.own}) {
            for (const Point &p : *part) {
                if (!std::isfinite(p.value) || (!c->steps.empty() && c->steps.back() == p.step))
                    continue; // NaN gaps, and the joint the own line repeats
                c->points.push_back({s.xOf(p.step, data.xAxis), p.value});
                c->steps.push_back(p.step);
            }
        }
    }
    curvesItem_->setCurves(std::move(drawn), data.smoothing);
    updateMarks();
    loaded_ = true;
    if (pick_)
        setPick(pick_->runKey, pick_->step); // its x may have moved
    applyAxes();
}

void MetricPanel::applyAxes()
{
    double xlo = double(data_.range.lo), xhi = double(data_.range.hi);
    if (zoomX_)
        std::tie(xlo, xhi) = std::pair{std::floor(zoomX_->first), std::ceil(zoomX_->second)};
    double ylo = data_.yMin, yhi = data_.yMax;
    if (logY_) {
        ylo = std::max(data_.yMinPositive * 0.8, 1e-300);
        yhi = std::max(data_.yMax, ylo * 10);
    }
    if (zoomY_)
        std::tie(ylo, yhi) = *zoomY_;
    if (logY_ && !(ylo > 0 && yhi > ylo)) {
        ylo = std::max(data_.yMinPositive * 0.8, 1e-300);
        yhi = ylo * 10;
    }
    // Every axis setter makes Qt Charts lay the chart out again (a fifth of
    // a zoom step when all five ran): only pass on what changed.
    const auto setRange = [](auto *axis, double lo, double hi) {
        if (axis->min() != lo || axis->max() != hi)
            axis->setRange(lo, hi);
    };
    const auto setTicks = [](QValueAxis *axis, double interval, std::optional<double> anchor) {
        if (axis->tickInterval() != interval)
            axis->setTickInterval(interval);
        if (anchor && axis->tickAnchor() != *anchor)
            axis->setTickAnchor(*anchor);
    };
    // Ticks before the range: Qt Charts makes an item per tick at once, and
    // a new range under the old interval (steps to Unix milliseconds) would
    // be millions of them.
    if (xAxis_ == XAxis::Step)
        setTicks(axisX_, std::max(1.0, niceInterval(xhi - xlo, 5)), std::nullopt);
    else
        setTicks(axisX_, niceTimeIntervalMs(xhi - xlo, 5), 0.0);
    setRange(axisX_, xlo, xhi);
    if (logY_) {
        setRange(axisYLog_, ylo, yhi);
    } else {
        const double interval = niceInterval(yhi - ylo, 4);
        setTicks(axisY_, interval, interval * std::floor(ylo / interval));
        setRange(axisY_, ylo, yhi);
    }
    updateCurveView();
    QString status;
    if (const QString damaged = damagedStatus(); !damaged.isEmpty())
        status = damaged;
    else if (zoomX_)
        status = tr("zoomed · double-click to reset");
    else if (loaded_ && data_.runsWithoutTime > 0)
        status = tr("%n run(s) logged no %1", "", data_.runsWithoutTime).arg(timeKeyOf(data_.xAxis));
    else if (loaded_ && !data_.hasData)
        status = tr("no numeric data");
    status_->setText(status);
    updatePickMarker();
}

QString MetricPanel::damagedStatus() const
{
    if (!loaded_)
        return {};
    int spans = 0;
    const StepRange *first = nullptr;
    const Curve *run = nullptr;
    for (const RunSeries &s : data_.series) {
        spans += int(s.damaged.size());
        if (!first && !s.damaged.empty()) {
            first = &s.damaged.front();
            run = curveOf(s.runKey);
        }
    }
    if (!first)
        return {};
    const QString name = run ? run->run.name : QString();
    QString text =
        tr("damaged data at steps %1–%2 of %3 in %4: not drawn").arg(first->lo).arg(first->hi).arg(metric_, name);
    if (spans > 1)
        text += QLatin1Char(' ') + tr("(+%n more)", nullptr, spans - 1);
    return text;
}

void MetricPanel::updateCurveView()
{
    CurveView v;
    v.x = {qint64(std::floor(axisX_->min())), qint64(std::ceil(axisX_->max()))};
    QAbstractAxis *y = logY_ ? static_cast<QAbstractAxis *>(axisYLog_) : axisY_;
    v.yLo = logY_ ? axisYLog_->min() : axisY_->min();
    v.yHi = logY_ ? axisYLog_->max() : axisY_->max();
    Q_UNUSED(y);
    v.logY = logY_;
    v.plot = chart_->plotArea();
    curvesItem_->setPos(chart_->pos());
    curvesItem_->setView(v);
    marksItem_->setPos(chart_->pos());
    marksItem_->setView(v);
    updateTimeTicks();
}

void MetricPanel::updateTimeTicks()
{
    for (QGraphicsSimpleTextItem *item : timeTicks_)
        delete item;
    timeTicks_.clear();
    if (xAxis_ == XAxis::Step)
        return;
    const double lo = axisX_->min(), hi = axisX_->max(), interval = axisX_->tickInterval();
    if (!(hi > lo) || !(interval > 0) || (hi - lo) / interval > 50)
        return;
    const QRectF plot = chart_->mapRectToScene(chart_->plotArea());
    const double yValue = logY_ ? axisYLog_->min() : axisY_->min();
    for (double t = std::ceil(lo / interval) * interval; t <= hi; t += interval) {
        auto *item = chart_->scene()->addSimpleText(timeTickLabel(t, xAxis_, interval), axisX_->labelsFont());
        item->setBrush(QColor(0x5f6368));
        const double sx = chart_->mapToScene(chart_->mapToPosition(QPointF(t, yValue), pickMarker_)).x();
        item->setPos(sx - item->boundingRect().width() / 2, plot.bottom() + 4);
        timeTicks_.push_back(item);
    }
}

void MetricPanel::setSmoothing(double weight)
{
    weight = std::clamp(weight, 0.0, 0.99);
    if (weight == smoothing_)
        return;
    smoothing_ = weight;
    scheduleReload();
}

void MetricPanel::setLogY(bool on)
{
    if (on == logY_)
        return;
    logY_ = on;
    zoomY_.reset();
    QAbstractAxis *from = on ? static_cast<QAbstractAxis *>(axisY_) : axisYLog_;
    QAbstractAxis *to = on ? static_cast<QAbstractAxis *>(axisYLog_) : axisY_;
    pickMarker_->detachAxis(from);
    chart_->removeAxis(from);
    from->setParent(chart_); // removeAxis gives up ownership; the chart keeps both axes
    chart_->addAxis(to, Qt::AlignLeft);
    to->show();
    pickMarker_->attachAxis(to);
    applyAxes();
}

void MetricPanel::setXAxis(XAxis axis)
{
    if (axis == xAxis_)
        return;
    xAxis_ = axis;
    zoomX_.reset();
    zoomY_.reset();
    // Nothing drawn in the old unit survives; the panel asks again.
    data_ = PanelData{};
    curvesItem_->setCurves({}, smoothing_);
    marksItem_->setMarks({});
    for (Curve &c : curves_) {
        c.points.clear();
        c.steps.clear();
    }
    // Qt Charts cannot print durations or clock times: time axes keep its
    // grid and the space for labels, and draw their own text.
    axisX_->setLabelsColor(axis == XAxis::Step ? QColor(0x5f6368) : QColor(Qt::transparent));
    applyAxes();
    scheduleReload();
}

void MetricPanel::setXZoom(std::optional<std::pair<double, double>> range)
{
    if (!range) {
        if (!zoomX_)
            return;
        zoomX_.reset();
        zoomY_.reset();
        data_.range = data_.extent;
        applyAxes();
        scheduleReload();
        return;
    }
    if (zoomX_ && *zoomX_ == *range)
        return;
    applyXRange(range->first, range->second, YRange::Fit);
}

void MetricPanel::zoomX(double lo, double hi, YRange y)
{
    applyXRange(lo, hi, y);
    emit xZoomChanged(zoomX_);
}

void MetricPanel::applyXRange(double lo, double hi, YRange y)
{
    const bool fixY = y == YRange::Keep;
    if (hi - lo < 2) {
        const double mid = (lo + hi) / 2;
        lo = mid - 1;
        hi = mid + 1;
    }
    const double extentSpan = double(data_.extent.hi - data_.extent.lo);
    if (!fixY && hi - lo >= extentSpan && lo <= double(data_.extent.lo) + 0.5) {
        zoomX_.reset();
        data_.range = data_.extent;
    } else {
        zoomX_ = std::make_pair(lo, hi);
    }
    if (!fixY)
        zoomY_.reset();
    applyAxes();
    scheduleReload();
}

void MetricPanel::resetZoom()
{
    zoomX_.reset();
    zoomY_.reset();
    data_.range = data_.extent;
    applyAxes();
    scheduleReload();
    emit xZoomChanged(std::nullopt);
}

void MetricPanel::scheduleReload()
{
    reloadTimer_->start();
}

QWidget *MetricPanel::plotWidget() const
{
    return view_->viewport();
}

QPointF MetricPanel::toValue(const QPointF &viewPos) const
{
    const QPointF scenePos = view_->mapToScene(viewPos.toPoint());
    return chart_->mapToValue(chart_->mapFromScene(scenePos), pickMarker_);
}

QPointF MetricPanel::toView(const QPointF &value) const
{
    const QPointF scenePos = chart_->mapToScene(chart_->mapToPosition(value, pickMarker_));
    return view_->mapFromScene(scenePos);
}

QRectF MetricPanel::plotRectInView() const
{
    const QRectF scene = chart_->mapRectToScene(chart_->plotArea());
    return view_->mapFromScene(scene).boundingRect();
}

void MetricPanel::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *fork = menu.addAction(QIcon(QStringLiteral(":/icons/fork.svg")), forkActionText());
    fork->setEnabled(pick_.has_value() && forkBlocked_.isEmpty());
    fork->setShortcut(QKeySequence(Qt::Key_F));
    connect(fork, &QAction::triggered, this, &MetricPanel::requestFork);
    // Rewind goes back to the step picked (W&B's resume_from): the run keeps
    // its IDs, and what it logged after the step is archived.
    QAction *rewind = menu.addAction(pick_ ? tr("Rewind to step %1…").arg(pick_->step) : tr("Rewind to step…"));
    rewind->setObjectName(QStringLiteral("rewindToStep"));
    rewind->setEnabled(pick_.has_value() && forkBlocked_.isEmpty());
    connect(rewind, &QAction::triggered, this, &MetricPanel::requestRewind);
    menu.addSeparator();
    menu.addAction(tr("Reset zoom"), this, &MetricPanel::resetZoom);
    QAction *log = menu.addAction(tr("Logarithmic y axis"));
    log->setCheckable(true);
    log->setChecked(logY_);
    connect(log, &QAction::toggled, this, &MetricPanel::setLogY);
    menu.addSeparator();
    QAction *exportAction = menu.addAction(tr("Export chart…"), this, &MetricPanel::exportDialog);
    exportAction->setEnabled(loaded_);
    menu.exec(event->globalPos());
}

} // namespace forkscope
