#include "views/charts/metric_chart_view.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QRubberBand>
#include <QWheelEvent>
#include <cmath>

namespace forkscope {

namespace {
constexpr int kDragThreshold = 5;
}

MetricChartView::MetricChartView(QChart *chart, QWidget *parent)
    : QChartView(chart, parent), rubber_(new QRubberBand(QRubberBand::Rectangle, viewport()))
{
    setRubberBand(QChartView::NoRubberBand); // ours distinguishes clicks from drags
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setRenderHint(QPainter::Antialiasing);
    setFrameShape(QFrame::NoFrame);
}

void MetricChartView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    pressPos_ = lastPos_ = event->position().toPoint();
    if (event->button() == Qt::MiddleButton ||
        (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier))) {
        drag_ = Drag::Pan;
        viewport()->setCursor(Qt::ClosedHandCursor);
    } else if (event->button() == Qt::LeftButton) {
        drag_ = Drag::Pending;
    }
    event->accept();
}

void MetricChartView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    switch (drag_) {
    case Drag::Pending:
        if ((pos - pressPos_).manhattanLength() >= kDragThreshold) {
            drag_ = Drag::Rubber;
            rubber_->setGeometry(QRect(pressPos_, pos).normalized());
            rubber_->show();
        }
        break;
    case Drag::Rubber: rubber_->setGeometry(QRect(pressPos_, pos).normalized()); break;
    case Drag::Pan: emit panned(QPointF(pos - lastPos_)); break;
    case Drag::None: break;
    }
    lastPos_ = pos;
    emit hovered(event->position());
    event->accept();
}

void MetricChartView::mouseReleaseEvent(QMouseEvent *event)
{
    const Drag drag = drag_;
    drag_ = Drag::None;
    viewport()->unsetCursor();
    if (drag == Drag::Rubber) {
        rubber_->hide();
        const QRect rect = QRect(pressPos_, event->position().toPoint()).normalized();
        if (rect.width() >= kDragThreshold)
            emit rubberBandSelected(rect);
    } else if (drag == Drag::Pending && event->button() == Qt::LeftButton) {
        emit clicked(event->position());
    }
    event->accept();
}

void MetricChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        emit resetRequested();
    event->accept();
}

void MetricChartView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0) {
        event->ignore();
        return;
    }
    emit wheelZoomed(event->position(), std::pow(0.8, steps));
    event->accept();
}

void MetricChartView::keyPressEvent(QKeyEvent *event)
{
    const QPointF centre = QRectF(viewport()->rect()).center();
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: emit wheelZoomed(centre, 0.8); break;
    case Qt::Key_Minus: emit wheelZoomed(centre, 1.25); break;
    case Qt::Key_Left: emit panned(QPointF(viewport()->width() / 10.0, 0)); break;
    case Qt::Key_Right: emit panned(QPointF(-viewport()->width() / 10.0, 0)); break;
    case Qt::Key_Home:
    case Qt::Key_0: emit resetRequested(); break;
    case Qt::Key_F:
    case Qt::Key_Return:
    case Qt::Key_Enter: emit forkKeyPressed(); break;
    default: QChartView::keyPressEvent(event); return;
    }
    event->accept();
}

void MetricChartView::leaveEvent(QEvent *event)
{
    emit hoverLeft();
    QChartView::leaveEvent(event);
}

void MetricChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    emit resized();
}

} // namespace forkscope
