#include "views/charts/hover_readout.h"

#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QPen>
#include <algorithm>

namespace forkscope {

HoverReadout::HoverReadout(QGraphicsScene *scene, QObject *parent) : QObject(parent)
{
    QPen cross(QColor(0x9aa0a6), 1, Qt::DashLine);
    crossV_ = scene->addLine(QLineF(), cross);
    crossH_ = scene->addLine(QLineF(), cross);
    box_ = scene->addRect(QRectF(), QPen(QColor(0xdadce0)), QColor(255, 255, 255, 235));
    for (QGraphicsItem *item : {static_cast<QGraphicsItem *>(crossV_), static_cast<QGraphicsItem *>(crossH_),
                                static_cast<QGraphicsItem *>(box_)}) {
        item->setZValue(100);
        item->hide();
    }
}

void HoverReadout::hide()
{
    crossV_->hide();
    crossH_->hide();
    box_->hide();
}

void HoverReadout::show(const QRectF &plot, double lineX, const QPointF &cursor, const QFont &font,
                        const std::vector<Line> &lines)
{
    crossV_->setLine(lineX, plot.top(), lineX, plot.bottom());
    crossH_->setLine(plot.left(), cursor.y(), plot.right(), cursor.y());
    crossV_->show();
    crossH_->show();

    for (QGraphicsItem *child : box_->childItems())
        delete child;
    const double lineHeight = QFontMetricsF(font).height() + 2;
    double y = 5 - lineHeight, width = 0;
    for (const Line &line : lines) {
        y += lineHeight;
        auto *t = new QGraphicsSimpleTextItem(line.text, box_);
        t->setFont(font);
        t->setBrush(QColor(0x202124));
        t->setPos(line.swatch.isValid() ? 20 : 8, y);
        if (line.swatch.isValid()) {
            auto *dot = new QGraphicsRectItem(8, y + 4, 8, 8, box_);
            dot->setBrush(line.swatch);
            dot->setPen(Qt::NoPen);
        }
        width = std::max(width, t->boundingRect().width() + (line.swatch.isValid() ? 28 : 16));
    }
    const QSizeF size(width, y + lineHeight + 4);
    QPointF at = cursor + QPointF(14, 14);
    if (at.x() + size.width() > plot.right())
        at.setX(cursor.x() - 14 - size.width());
    if (at.y() + size.height() > plot.bottom())
        at.setY(std::max(plot.top(), plot.bottom() - size.height()));
    box_->setRect(QRectF(QPointF(0, 0), size));
    box_->setPos(at);
    box_->show();
}

} // namespace forkscope
