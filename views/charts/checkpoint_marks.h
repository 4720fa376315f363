#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <vector>

#include "views/charts/chart_curves.h"

namespace forkscope {

// A checkpoint as a panel marks it: where it is drawn (the step, or ms on a
// time axis) and in whose colour.
struct CheckpointMark {
    qint64 runKey = 0;
    qint64 step = 0;
    qint64 x = 0;
    QColor color;
};

// Small triangles along the bottom of the plot, one per checkpoint, in the
// run's colour: where weights were saved, so a fork can start there.
class CheckpointMarksItem : public QGraphicsItem {
public:
    static constexpr double kHeight = 7.0; // how far a mark reaches up into the plot
    static constexpr double kHalfWidth = 4.0;

    CheckpointMarksItem() = default;
    void setMarks(std::vector<CheckpointMark> marks);
    void setView(const CurveView &view);
    const std::vector<CheckpointMark> &marks() const { return marks_; }
    // Where the mark's tip is, in the item's coordinates; none off the visible x range.
    std::optional<QPointF> tipOf(const CheckpointMark &mark) const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    CurveView view_;
    std::vector<CheckpointMark> marks_;
};

} // namespace forkscope
