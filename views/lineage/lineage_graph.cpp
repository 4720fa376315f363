#include "views/lineage/lineage_graph.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QFontMetrics>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTextDocument>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "core/plain_text.h"
#include "itemmodels/config_change_text.h"
#include "itemmodels/run_page_model.h"
#include "views/run_palette.h"
#include "views/state_style.h"

namespace forkscope {

namespace {

constexpr int kRowHeight = 30;
constexpr int kAxisHeight = 22;
constexpr int kLabelWidth = 260;
constexpr int kIndent = 14;
constexpr int kMaxIndentDepth = 8; // deeper runs line up; the connectors show the nesting
constexpr int kBadgeWidth = 64;
constexpr int kToggleWidth = 12;
constexpr int kPlotMargin = 16;
constexpr int kChangesOnLabel = 2;

int labelIndent(int depth)
{
    return 6 + std::min(depth, kMaxIndentDepth) * kIndent;
}

// A tick every 1, 2 or 5 times a power of ten steps, about `pixels` apart.
double tickSpacing(double span, double width, double pixels)
{
    const double raw = std::max(1.0, span * pixels / std::max(1.0, width));
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= raw)
            return m * power;
    return 10.0 * power;
}

QString plainToolTip(const QString &text)
{
    // Escaped, so a run name that looks like markup stays text.
    return Qt::convertFromPlainText(text, Qt::WhiteSpaceNoWrap);
}

} // namespace

LineageGraph::LineageGraph(QWidget *parent) : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("lineageGraph"));
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setMouseTracking(true);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    verticalScrollBar()->setSingleStep(kRowHeight);
    setFocusPolicy(Qt::StrongFocus);
}

void LineageGraph::setFamily(std::shared_ptr<const RunFamily> family, qint64 currentKey)
{
    const bool sameRoot = family_ && family && family_->root.run.key == family->root.run.key;
    family_ = std::move(family);
    currentKey_ = currentKey;
    if (!sameRoot)
        collapsed_.clear();
    QSet<qint64> still;
    for (qint64 key : std::as_const(selected_))
        if (family_ && family_->find(key))
            still.insert(key);
    const bool dropped = still != selected_;
    selected_ = still;
    relayout();
    if (!sameRoot)
        fitAll();
    if (const int row = rowOf(currentKey_); row >= 0 && !sameRoot)
        verticalScrollBar()->setValue(std::max(0, row * kRowHeight - viewport()->height() / 3));
    if (dropped)
        emit selectionChanged();
}

int LineageGraph::rowOf(qint64 runKey) const
{
    for (size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].node->run.key == runKey)
            return int(i);
    return -1;
}

void LineageGraph::setCollapsed(qint64 runKey, bool collapsed)
{
    if (collapsed == collapsed_.contains(runKey))
        return;
    if (collapsed)
        collapsed_.insert(runKey);
    else
        collapsed_.remove(runKey);
    relayout();
}

void LineageGraph::expandAll()
{
    collapsed_.clear();
    relayout();
}

QList<qint64> LineageGraph::selectedKeys() const
{
    QList<qint64> out;
    for (const LineageRow &row : rows_) // in family order, hidden runs included below
        if (selected_.contains(row.node->run.key))
            out << row.node->run.key;
    if (family_) {
        for (const FamilyNode *node : family_->preorder())
            if (selected_.contains(node->run.key) && !out.contains(node->run.key))
                out << node->run.key;
    }
    return out;
}

void LineageGraph::selectAll()
{
    selected_.clear();
    if (family_)
        for (const FamilyNode *node : family_->preorder())
            selected_.insert(node->run.key);
    viewport()->update();
    emit selectionChanged();
}

void LineageGraph::setSelected(const QList<qint64> &keys)
{
    selected_ = QSet<qint64>(keys.begin(), keys.end());
    viewport()->update();
    emit selectionChanged();
}

void LineageGraph::setViewRange(double lo, double hi)
{
    if (!(hi - lo >= 1.0)) { // at least one step in view
        const double mid = (lo + hi) / 2;
        lo = mid - 0.5;
        hi = mid + 0.5;
    }
    lo_ = lo;
    hi_ = hi;
    viewport()->update();
}

void LineageGraph::fitAll()
{
    const StepRange extent = lineageExtent(rows_);
    const double span = std::max<double>(1.0, double(extent.hi - extent.lo));
    setViewRange(double(extent.lo) - span * 0.02, double(extent.hi) + span * 0.02);
}

void LineageGraph::zoomAt(double anchor, double factor)
{
    setViewRange(anchor - (anchor - lo_) * factor, anchor + (hi_ - anchor) * factor);
}

std::optional<QPoint> LineageGraph::positionOf(qint64 runKey, qint64 step) const
{
    const int row = rowOf(runKey);
    if (row < 0)
        return std::nullopt;
    const int y = rowTop(row) + kRowHeight * 2 / 3;
    const double x = xOfStep(double(step));
    if (y < kAxisHeight || y >= viewport()->height() || x < plotLeft() || x > plotRight())
        return std::nullopt;
    return QPoint(int(std::lround(x)), y);
}

std::optional<QPoint> LineageGraph::labelPositionOf(qint64 runKey) const
{
    const int row = rowOf(runKey);
    if (row < 0)
        return std::nullopt;
    const int y = rowTop(row) + kRowHeight / 2;
    if (y < kAxisHeight || y >= viewport()->height())
        return std::nullopt;
    return QPoint(labelIndent(rows_[size_t(row)].depth) + kToggleWidth + 40, y);
}

QString LineageGraph::rowToolTip(int row) const
{
    if (row < 0 || row >= int(rows_.size()))
        return {};
    const LineageRow &r = rows_[size_t(row)];
    const RunInfo &run = r.node->run;
    QStringList lines;
    lines << escapeControls(run.name) << escapeControls(run.path().toString());
    lines << tr("%1, steps %2 to %3").arg(RunPageModel::stateText(run.state)).arg(r.start).arg(r.end);
    if (r.node->forkStep) {
        if (const RunInfo *parent = r.parentRow >= 0 ? &rows_[size_t(r.parentRow)].node->run : nullptr)
            lines << tr("Forked from %1 at step %2")
                         .arg(escapeControls(parent->name), QString::number(*r.node->forkStep));
        lines << configChangesList(r.changes);
    }
    if (r.collapsed)
        lines << tr("%n fork(s) below, collapsed", nullptr, r.hiddenRuns);
    return lines.join(QLatin1Char('\n'));
}

// --- layout -------------------------------------------------------------------

void LineageGraph::relayout()
{
    rows_ = family_ ? lineageRows(*family_, collapsed_) : std::vector<LineageRow>{};
    updateScrollBar();
    viewport()->update();
}

void LineageGraph::updateScrollBar()
{
    const int content = int(rows_.size()) * kRowHeight;
    const int visible = std::max(0, viewport()->height() - kAxisHeight);
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setRange(0, std::max(0, content - visible));
}

void LineageGraph::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBar();
}

int LineageGraph::rowTop(int row) const
{
    return kAxisHeight + row * kRowHeight - verticalScrollBar()->value();
}

int LineageGraph::rowAt(int y) const
{
    if (y < kAxisHeight)
        return -1;
    const int row = (y - kAxisHeight + verticalScrollBar()->value()) / kRowHeight;
    return row >= 0 && row < int(rows_.size()) ? row : -1;
}

int LineageGraph::plotLeft() const
{
    return kLabelWidth + kPlotMargin;
}

int LineageGraph::plotRight() const
{
    return std::max(plotLeft() + 10, viewport()->width() - kPlotMargin);
}

double LineageGraph::xOfStep(double step) const
{
    return plotLeft() + (step - lo_) / (hi_ - lo_) * (plotRight() - plotLeft());
}

double LineageGraph::stepOfX(double x) const
{
    return lo_ + (x - plotLeft()) / double(plotRight() - plotLeft()) * (hi_ - lo_);
}

bool LineageGraph::onToggle(int row, const QPoint &at) const
{
    const LineageRow &r = rows_[size_t(row)];
    const int x = labelIndent(r.depth);
    return r.hasChildren && at.x() >= x - 2 && at.x() < x + kToggleWidth + 2;
}

// --- painting -----------------------------------------------------------------

void LineageGraph::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    p.setRenderHint(QPainter::Antialiasing);
    paintedRows_ = 0;
    if (rows_.empty())
        return;
    const int first = std::max(0, verticalScrollBar()->value() / kRowHeight);
    const int last =
        std::min(int(rows_.size()) - 1, (verticalScrollBar()->value() + viewport()->height()) / kRowHeight);
    p.save();
    p.setClipRect(QRect(0, kAxisHeight, viewport()->width(), viewport()->height() - kAxisHeight));
    paintConnectors(p, first, last);
    for (int row = first; row <= last; ++row)
        paintRow(p, row);
    p.restore();
    paintAxis(p);
}

void LineageGraph::paintAxis(QPainter &p) const
{
    const QPalette &pal = palette();
    p.fillRect(QRect(0, 0, viewport()->width(), kAxisHeight), pal.window());
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(0, kAxisHeight - 1, viewport()->width(), kAxisHeight - 1);
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(QRect(6, 0, kLabelWidth, kAxisHeight), Qt::AlignVCenter | Qt::AlignLeft, tr("Run"));
    const double spacing = tickSpacing(hi_ - lo_, plotRight() - plotLeft(), 90);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    for (double s = std::ceil(lo_ / spacing) * spacing; s <= hi_; s += spacing) {
        const int x = int(std::lround(xOfStep(s)));
        if (x < plotLeft() - 1)
            continue;
        p.drawLine(x, kAxisHeight - 5, x, kAxisHeight - 1);
        p.drawText(QRect(x - 50, 0, 100, kAxisHeight - 5), Qt::AlignCenter, QString::number(qint64(s)));
    }
}

void LineageGraph::paintConnectors(QPainter &p, int firstRow, int lastRow) const
{
    const int top = rowTop(firstRow);
    const int bottom = rowTop(lastRow) + kRowHeight;
    for (size_t i = 0; i < rows_.size(); ++i) {
        const LineageRow &r = rows_[i];
        if (r.parentRow < 0)
            continue;
        const int yParent = rowTop(r.parentRow) + kRowHeight * 2 / 3;
        const int yChild = rowTop(int(i)) + kRowHeight * 2 / 3;
        if (yChild < top || yParent > bottom) // rows only go down from their parent
            continue;
        const double x = xOfStep(double(r.start));
        if (x < plotLeft() - 4 || x > plotRight() + 4)
            continue;
        const QColor color = runColor(r.colorIndex);
        p.setPen(QPen(color, 1.5));
        p.drawLine(QPointF(x, yParent), QPointF(x, yChild));
        p.setBrush(color);
        p.drawEllipse(QPointF(x, yParent), 3.5, 3.5);
    }
}

void LineageGraph::paintRow(QPainter &p, int row) const
{
    const LineageRow &r = rows_[size_t(row)];
    const RunInfo &run = r.node->run;
    const QPalette &pal = palette();
    const int top = rowTop(row);
    const QRect rowRect(0, top, viewport()->width(), kRowHeight);
    const bool current = run.key == currentKey_;
    const bool selected = selected_.contains(run.key);
    ++paintedRows_;
    if (selected || current) {
        QColor band = pal.color(QPalette::Highlight);
        band.setAlphaF(selected ? 0.22f : 0.10f);
        p.fillRect(rowRect, band);
    }
    const QColor color = runColor(r.colorIndex);
    if (current)
        p.fillRect(QRect(0, top, 4, kRowHeight), color);

    // The label column: toggle, colour, name, state badge.
    int x = labelIndent(r.depth);
    const int mid = top + kRowHeight / 2;
    if (r.hasChildren) {
        p.setPen(Qt::NoPen);
        p.setBrush(pal.color(QPalette::PlaceholderText));
        QPainterPath tri;
        if (r.collapsed) {
            tri.moveTo(x + 2, mid - 5);
            tri.lineTo(x + 9, mid);
            tri.lineTo(x + 2, mid + 5);
        } else {
            tri.moveTo(x, mid - 3);
            tri.lineTo(x + 10, mid - 3);
            tri.lineTo(x + 5, mid + 4);
        }
        p.drawPath(tri);
    }
    x += kToggleWidth + 2;
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawRoundedRect(QRectF(x, mid - 5, 10, 10), 2, 2);
    x += 16;
    const int badgeLeft = kLabelWidth - kBadgeWidth - 4;
    QFont nameFont = font();
    nameFont.setBold(current);
    p.setFont(nameFont);
    p.setPen(pal.color(QPalette::Text));
    QString name = escapeControls(run.name);
    if (r.collapsed)
        name = tr("%1 (+%2)").arg(name, QString::number(r.hiddenRuns));
    p.drawText(QRect(x, top, badgeLeft - x - 4, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft,
               QFontMetrics(nameFont).elidedText(name, Qt::ElideRight, badgeLeft - x - 4));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    p.setFont(small);
    const QRectF badge(badgeLeft, mid - 8, kBadgeWidth, 16);
    p.setPen(Qt::NoPen);
    p.setBrush(stateColor(run.state));
    p.drawRoundedRect(badge, 8, 8);
    p.setPen(Qt::white);
    p.drawText(badge, Qt::AlignCenter,
               QFontMetrics(small).elidedText(RunPageModel::stateText(run.state), Qt::ElideRight, kBadgeWidth - 6));

    // The bar along the step axis, and what the fork changed above it.
    p.save();
    p.setClipRect(QRect(plotLeft() - 4, top, plotRight() - plotLeft() + 8, kRowHeight), Qt::IntersectClip);
    const double x0 = xOfStep(double(r.start));
    const double x1 = std::max(x0 + 2.0, xOfStep(double(r.end)));
    const double barHeight = current ? 10.0 : 7.0;
    const double barY = top + kRowHeight * 2 / 3 - barHeight / 2;
    if (x1 >= plotLeft() - 4 && x0 <= plotRight() + 4) {
        p.setBrush(color);
        p.setPen(current ? QPen(pal.color(QPalette::Text), 1.2) : QPen(Qt::NoPen));
        p.drawRoundedRect(QRectF(x0, barY, x1 - x0, barHeight), barHeight / 2, barHeight / 2);
    }
    if (r.node->forkStep) {
        const double labelX = std::max(x0, double(plotLeft())) + 4;
        const QString label =
            tr("step %1 · %2").arg(*r.node->forkStep).arg(configChangesSummary(r.changes, kChangesOnLabel));
        p.setFont(small);
        p.setPen(pal.color(QPalette::PlaceholderText));
        const int width = plotRight() - int(labelX);
        if (width > 20)
            p.drawText(QRectF(labelX, top + 1, width, barY - top - 1), Qt::AlignLeft | Qt::AlignBottom,
                       QFontMetrics(small).elidedText(label, Qt::ElideRight, width));
    }
    p.restore();
}

// --- interaction --------------------------------------------------------------

void LineageGraph::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    pressed_ = true;
    dragging_ = false;
    pressAt_ = lastDrag_ = event->position().toPoint();
}

void LineageGraph::mouseMoveEvent(QMouseEvent *event)
{
    if (!pressed_)
        return;
    const QPoint at = event->position().toPoint();
    if (!dragging_ && (at - pressAt_).manhattanLength() < QApplication::startDragDistance())
        return;
    dragging_ = true;
    const double perPixel = (hi_ - lo_) / double(plotRight() - plotLeft());
    const QPoint delta = at - lastDrag_;
    lastDrag_ = at;
    setViewRange(lo_ - delta.x() * perPixel, hi_ - delta.x() * perPixel);
    verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
    viewport()->setCursor(Qt::ClosedHandCursor);
}

void LineageGraph::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !pressed_)
        return;
    pressed_ = false;
    viewport()->unsetCursor();
    if (dragging_) {
        dragging_ = false;
        return;
    }
    const QPoint at = event->position().toPoint();
    const int row = rowAt(at.y());
    if (row < 0)
        return;
    const qint64 key = rows_[size_t(row)].node->run.key;
    if (onToggle(row, at)) {
        setCollapsed(key, !collapsed_.contains(key));
        return;
    }
    if (event->modifiers() & (Qt::ControlModifier | Qt::MetaModifier)) {
        if (!selected_.remove(key))
            selected_.insert(key);
        viewport()->update();
        emit selectionChanged();
        return;
    }
    selected_ = {key};
    viewport()->update();
    emit selectionChanged();
    emit openRunRequested(key);
}

void LineageGraph::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const double notches = delta.y() / 120.0;
        zoomAt(stepOfX(event->position().x()), std::pow(0.8, notches));
        event->accept();
        return;
    }
    const int sideways = delta.x() != 0 ? delta.x() : ((event->modifiers() & Qt::ShiftModifier) ? delta.y() : 0);
    if (sideways != 0) {
        const double shift = -(sideways / 120.0) * (hi_ - lo_) * 0.1;
        setViewRange(lo_ + shift, hi_ + shift);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void LineageGraph::contextMenuEvent(QContextMenuEvent *event)
{
    const int row = rowAt(event->pos().y());
    if (row < 0)
        return;
    const LineageRow r = rows_[size_t(row)];
    const qint64 key = r.node->run.key;
    QMenu menu(this);
    connect(menu.addAction(tr("Open")), &QAction::triggered, this, [this, key] { emit openRunRequested(key); });
    const auto last = r.node->run.lastStep();
    if (last && event->pos().x() >= plotLeft() && event->pos().x() <= plotRight()) {
        const qint64 lowest = lineageExtent(rows_).lo;
        const qint64 step = std::clamp<qint64>(std::llround(stepOfX(event->pos().x())), std::min(lowest, *last), *last);
        QAction *fork = menu.addAction(tr("Fork from step %1…").arg(step));
        connect(fork, &QAction::triggered, this, [this, key, step] { emit forkRequested(key, step); });
        fork->setObjectName(QStringLiteral("lineageForkAction"));
        fork->setEnabled(forkBlocked_.isEmpty());
        fork->setToolTip(forkBlocked_);
    }
    if (r.hasChildren) {
        QAction *toggle = menu.addAction(r.collapsed ? tr("Expand forks") : tr("Collapse forks"));
        connect(toggle, &QAction::triggered, this,
                [this, key, collapsed = r.collapsed] { setCollapsed(key, !collapsed); });
    }
    QList<qint64> overlay = selectedKeys();
    if (!overlay.contains(key))
        overlay << key;
    connect(menu.addAction(tr("Overlay in Charts")), &QAction::triggered, this,
            [this, overlay] { emit overlayRequested(overlay); });
    menu.exec(event->globalPos());
}

bool LineageGraph::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos().y());
        if (row >= 0)
            QToolTip::showText(help->globalPos(), plainToolTip(rowToolTip(row)), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace forkscope
