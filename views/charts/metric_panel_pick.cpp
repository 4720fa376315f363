// MetricPanel: picking a step (snapped to a checkpoint where the run has
// them), the fork button, the crosshair readout and the checkpoint marks.
#include "views/charts/metric_panel.h"

#include <QChart>
#include <QGraphicsView>
#include <QPushButton>
#include <QScatterSeries>
#include <QTextDocument>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "views/charts/chart_pick.h"
#include "views/charts/checkpoint_marks.h"
#include "views/charts/hover_readout.h"
#include "views/charts/metric_chart_view.h"
#include "views/charts/time_axis_labels.h"
#include "views/run_palette.h"

namespace forkscope {

std::optional<QPointF> MetricPanel::positionOf(qint64 runKey, qint64 step) const
{
    const Curve *c = curveOf(runKey);
    if (!c)
        return std::nullopt;
    for (size_t i = 0; i < c->steps.size(); ++i) {
        if (c->steps[i] == step)
            return toView(QPointF(double(c->points[i].step), c->points[i].value));
    }
    return std::nullopt;
}

const RunSeries *MetricPanel::seriesOf(qint64 runKey) const
{
    for (const RunSeries &s : data_.series) {
        if (s.runKey == runKey)
            return &s;
    }
    return nullptr;
}

std::optional<MetricPanel::Pick> MetricPanel::pointAt(const QPointF &pos) const
{
    // A mark pointed at is that run's checkpoint, whatever curve is nearer.
    for (const DrawnMark &mark : marksAt(pos)) {
        if (const Curve *c = curveOf(mark.runKey)) {
            if (auto at = pickAtCheckpoint(*c, mark.checkpoint))
                return at;
        }
    }
    std::vector<const PointVector *> drawn;
    drawn.reserve(curves_.size());
    for (const Curve &c : curves_)
        drawn.push_back(&c.points);
    const auto ref = pointAtCursor(drawn, toValue(pos).x(), pos,
                                   [this](const Point &p) { return toView(QPointF(double(p.step), p.value)); });
    if (!ref)
        return std::nullopt;
    const Curve &c = curves_[ref->curve];
    const Point &at = c.points[ref->index];
    return snapped(Pick{c.run.key, c.steps[ref->index], at.value, at.step, std::nullopt});
}

std::optional<MetricPanel::Pick> MetricPanel::pickAtCheckpoint(const Curve &curve, const Checkpoint &checkpoint) const
{
    const RunSeries *series = seriesOf(curve.run.key);
    if (!series || curve.steps.empty())
        return std::nullopt;
    // The value in effect at the checkpoint's step: its own point when drawn,
    // else the drawn point before it (zoomed out, points are the reduction's).
    auto it = std::upper_bound(curve.steps.begin(), curve.steps.end(), checkpoint.step);
    const size_t i = it == curve.steps.begin() ? 0 : size_t(it - curve.steps.begin()) - 1;
    return Pick{curve.run.key, checkpoint.step, curve.points[i].value, series->xOf(checkpoint.step, data_.xAxis),
                checkpoint};
}

MetricPanel::Pick MetricPanel::snapped(const Pick &pick) const
{
    if (!snapToCheckpoints_)
        return pick;
    const RunSeries *series = seriesOf(pick.runKey);
    const Curve *curve = curveOf(pick.runKey);
    if (!series || !curve || series->checkpoints.empty())
        return pick;
    // Only checkpoints in view: a pick never jumps off screen.
    const double lo = axisX_->min(), hi = axisX_->max();
    std::vector<Checkpoint> visible;
    for (const Checkpoint &cp : series->checkpoints) {
        const double x = double(series->xOf(cp.step, data_.xAxis));
        if (x >= lo && x <= hi)
            visible.push_back(cp);
    }
    const auto nearest = nearestCheckpoint(visible, pick.step);
    if (!nearest)
        return pick;
    return pickAtCheckpoint(*curve, *nearest).value_or(pick);
}

void MetricPanel::setSnapToCheckpoints(bool on)
{
    if (on == snapToCheckpoints_)
        return;
    snapToCheckpoints_ = on;
    // A pick already made stays where it is; the next one follows the setting.
}

void MetricPanel::onClicked(const QPointF &pos)
{
    if (!plotRectInView().adjusted(-6, -6, 6, 6).contains(pos))
        return;
    const auto picked = pointAt(pos);
    if (!picked)
        return;
    pick_ = picked;
    updatePickMarker();
    emit stepPicked(pick_->runKey, pick_->step);
}

void MetricPanel::setPick(qint64 runKey, qint64 step)
{
    const Curve *c = curveOf(runKey);
    if (!c)
        return;
    std::optional<Checkpoint> checkpoint;
    if (const RunSeries *series = seriesOf(runKey)) {
        for (const Checkpoint &cp : series->checkpoints) {
            if (cp.step == step)
                checkpoint = cp;
        }
    }
    for (size_t i = 0; i < c->steps.size(); ++i) {
        if (c->steps[i] == step) {
            pick_ = Pick{runKey, step, c->points[i].value, c->points[i].step, checkpoint};
            updatePickMarker();
            return;
        }
    }
    // A checkpoint's step need not be among the drawn (reduced) points.
    if (checkpoint) {
        if (const auto at = pickAtCheckpoint(*c, *checkpoint)) {
            pick_ = at;
            updatePickMarker();
        }
    }
}

void MetricPanel::clearPick()
{
    pick_.reset();
    updatePickMarker();
}

QString MetricPanel::forkActionText() const
{
    if (!pick_)
        return tr("Fork from step…");
    if (pick_->checkpoint)
        return tr("Fork from checkpoint at step %1…").arg(pick_->step);
    return tr("Fork from step %1…").arg(pick_->step);
}

void MetricPanel::updatePickMarker()
{
    if (!pick_) {
        pickMarker_->clear();
        forkButton_->hide();
        rewindButton_->hide();
        return;
    }
    const QPointF value(double(pick_->x), pick_->value);
    pickMarker_->replace(QList<QPointF>{value});
    const Curve *c = curveOf(pick_->runKey);
    if (c)
        pickMarker_->setBorderColor(runColor(c->run.colorIndex).darker(130));
    forkButton_->setText(forkActionText());
    forkButton_->setAccessibleName(forkButton_->text());
    forkButton_->setEnabled(forkBlocked_.isEmpty());
    if (!forkBlocked_.isEmpty())
        forkButton_->setToolTip(forkBlocked_);
    else if (!c)
        forkButton_->setToolTip(QString());
    else if (pick_->checkpoint)
        forkButton_->setToolTip(Qt::convertFromPlainText(tr("Fork %1 from its checkpoint at step %2 (F)\n%3")
                                                             .arg(c->run.name)
                                                             .arg(pick_->step)
                                                             .arg(pick_->checkpoint->path),
                                                         Qt::WhiteSpaceNoWrap));
    else
        forkButton_->setToolTip(
            Qt::convertFromPlainText(tr("Fork %1 at step %2 (F)").arg(c->run.name).arg(pick_->step)));
    forkButton_->adjustSize();
    // Rewind sits beside Fork: both act on the step picked.
    rewindButton_->setText(tr("Rewind to step %1…").arg(pick_->step));
    rewindButton_->setAccessibleName(rewindButton_->text());
    rewindButton_->setEnabled(forkBlocked_.isEmpty());
    rewindButton_->setToolTip(
        !forkBlocked_.isEmpty() ? forkBlocked_
        : c                     ? Qt::convertFromPlainText(
                                      tr("Rewind %1 to step %2: it keeps its IDs and logs on from step %3; what it logged after "
                                                             "step %2 is archived, not lost")
                                          .arg(c->run.name)
                                          .arg(pick_->step)
                                          .arg(pick_->step + 1))
            : QString());
    rewindButton_->adjustSize();
    const QPointF at = toView(value);
    const QRect area = view_->viewport()->rect();
    const int gap = 4;
    const int width = forkButton_->width() + gap + rewindButton_->width();
    QPoint pos(int(at.x()) + 10, int(at.y()) - forkButton_->height() - 8);
    if (pos.y() < area.top() + 2)
        pos.setY(int(at.y()) + 10);
    pos.setX(std::clamp(pos.x(), 2, std::max(2, area.right() - width - 2)));
    forkButton_->move(pos);
    rewindButton_->move(pos + QPoint(forkButton_->width() + gap, 0));
    const bool shown = plotRectInView().adjusted(-2, -2, 2, 2).contains(at);
    forkButton_->setVisible(shown);
    rewindButton_->setVisible(shown);
}

void MetricPanel::requestRewind()
{
    if (pick_ && forkBlocked_.isEmpty())
        emit rewindRequested(pick_->runKey, pick_->step);
}

void MetricPanel::setForkBlocked(const QString &reason)
{
    forkBlocked_ = reason;
    updatePickMarker();
}

void MetricPanel::requestFork()
{
    if (pick_ && forkBlocked_.isEmpty())
        emit forkRequested(pick_->runKey, pick_->step);
}

void MetricPanel::updateMarks()
{
    std::vector<CheckpointMark> marks;
    for (const RunSeries &s : data_.series) {
        const Curve *c = curveOf(s.runKey);
        if (!c)
            continue;
        for (const Checkpoint &cp : s.checkpoints)
            marks.push_back({s.runKey, cp.step, s.xOf(cp.step, data_.xAxis), runColor(c->run.colorIndex)});
    }
    marksItem_->setMarks(std::move(marks));
}

std::vector<MetricPanel::DrawnMark> MetricPanel::drawnMarks() const
{
    std::vector<DrawnMark> out;
    for (const RunSeries &s : data_.series) {
        for (const Checkpoint &cp : s.checkpoints) {
            const auto tip = marksItem_->tipOf({s.runKey, cp.step, s.xOf(cp.step, data_.xAxis), QColor()});
            if (tip)
                out.push_back({s.runKey, cp, view_->mapFromScene(marksItem_->mapToScene(*tip))});
        }
    }
    return out;
}

std::vector<MetricPanel::DrawnMark> MetricPanel::marksAt(const QPointF &pos) const
{
    std::vector<DrawnMark> out;
    for (DrawnMark &mark : drawnMarks()) {
        const double bottom = mark.tip.y() + CheckpointMarksItem::kHeight;
        if (std::abs(pos.x() - mark.tip.x()) <= CheckpointMarksItem::kHalfWidth + 2 && pos.y() >= mark.tip.y() - 3 &&
            pos.y() <= bottom + 3)
            out.push_back(std::move(mark));
    }
    return out;
}

QString MetricPanel::checkpointTipAt(const QPointF &pos) const
{
    QStringList lines;
    for (const DrawnMark &mark : marksAt(pos)) {
        const Curve *c = curveOf(mark.runKey);
        const QString run = c ? c->run.name : QString();
        QStringList block{tr("Checkpoint at step %1 (%2)").arg(mark.checkpoint.step).arg(run), mark.checkpoint.path};
        if (mark.checkpoint.runKey != mark.runKey)
            block << tr("saved by %1").arg(mark.checkpoint.runPath);
        lines << block.join(QLatin1Char('\n'));
    }
    return lines.join(QLatin1Char('\n'));
}

void MetricPanel::showCheckpointTip(const QPointF &pos)
{
    const QString tip = checkpointTipAt(pos);
    if (tip.isEmpty()) {
        if (QToolTip::isVisible())
            QToolTip::hideText();
        return;
    }
    // Paths are untrusted text: escaped, never read as markup.
    QToolTip::showText(view_->viewport()->mapToGlobal(pos.toPoint()),
                       Qt::convertFromPlainText(tip, Qt::WhiteSpaceNoWrap), view_->viewport());
}

void MetricPanel::hideHover()
{
    hover_->hide();
}

void MetricPanel::onHover(const QPointF &pos)
{
    showCheckpointTip(pos);
    const QRectF plot = plotRectInView();
    if (!plot.contains(pos) || curves_.empty() || !loaded_) {
        hideHover();
        return;
    }
    // The readout is the point a click here picks.
    const auto target = pointAt(pos);
    if (!target) {
        hideHover();
        return;
    }
    const qint64 x = target->x, step = target->step;
    std::vector<HoverReadout::Line> lines;
    QString heading = xAxis_ == XAxis::Step
                          ? tr("step %1").arg(step)
                          : tr("%1 · step %2").arg(timeTickLabel(double(x), xAxis_, 1000.0)).arg(step);
    if (target->checkpoint)
        heading = tr("%1 · checkpoint").arg(heading);
    lines.push_back({heading, QColor()});
    for (const Curve &c : curves_) {
        auto it =
            std::upper_bound(c.points.begin(), c.points.end(), x, [](qint64 s, const Point &p) { return s < p.step; });
        // The value in effect at `x`; none before the run's first point or past its last.
        QString value = QStringLiteral("—");
        const InheritedSource *from = nullptr;
        if (it != c.points.begin() && ((it - 1)->step == x || it != c.points.end())) {
            value = QString::number((it - 1)->value, 'g', 6);
            from = sourceAt(c.sources, c.steps[size_t(it - 1 - c.points.begin())]);
        }
        // An inherited value names the ancestor that logged it.
        const QString text = from ? tr("%1   %2 (from %3)").arg(c.run.name, value, from->name)
                                  : c.run.name + QStringLiteral("   ") + value;
        lines.push_back({text, runColor(c.run.colorIndex)});
    }
    QFont font = view_->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    const double lineX = chart_->mapToScene(chart_->mapToPosition(QPointF(double(x), 0), pickMarker_)).x();
    hover_->show(chart_->mapRectToScene(chart_->plotArea()), lineX, view_->mapToScene(pos.toPoint()), font, lines);
}

} // namespace forkscope
