#include "views/charts/checkpoint_marks.h"

#include <QPainter>
#include <QPolygonF>

namespace forkscope {

void CheckpointMarksItem::setMarks(std::vector<CheckpointMark> marks)
{
    marks_ = std::move(marks);
    update();
}

void CheckpointMarksItem::setView(const CurveView &view)
{
    prepareGeometryChange();
    view_ = view;
    update();
}

std::optional<QPointF> CheckpointMarksItem::tipOf(const CheckpointMark &mark) const
{
    if (view_.plot.width() < 1 || view_.x.empty() || !view_.x.contains(mark.x))
        return std::nullopt;
    // The curves' own mapping, so a mark sits in the column of its step's point.
    const PlotMapper map(view_);
    return QPointF(map.x(mark.x), view_.plot.bottom() - kHeight);
}

QRectF CheckpointMarksItem::boundingRect() const
{
    return view_.plot.adjusted(-kHalfWidth - 1, 0, kHalfWidth + 1, 1);
}

void CheckpointMarksItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (marks_.empty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const double bottom = view_.plot.bottom();
    for (const CheckpointMark &mark : marks_) {
        const auto tip = tipOf(mark);
        if (!tip)
            continue;
        const QPolygonF triangle{QPointF(tip->x(), tip->y()), QPointF(tip->x() - kHalfWidth, bottom),
                                 QPointF(tip->x() + kHalfWidth, bottom)};
        painter->setPen(QPen(mark.color.darker(140), 1.0));
        painter->setBrush(mark.color);
        painter->drawPolygon(triangle);
    }
    painter->restore();
}

} // namespace forkscope
