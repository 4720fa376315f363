#pragma once

#include <QColor>
#include <QObject>
#include <QString>
#include <vector>

class QFont;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsScene;
class QPointF;
class QRectF;

namespace forkscope {

// The crosshair and the box of values under the cursor, drawn in a chart's
// scene above the curves. The panel decides what it says; this only lays it out.
class HoverReadout : public QObject {
    Q_OBJECT
public:
    struct Line {
        QString text;
        QColor swatch; // invalid: no swatch (the heading)
    };

    HoverReadout(QGraphicsScene *scene, QObject *parent);

    // A vertical line at scene x `lineX` and a horizontal one through the
    // cursor `cursor`, both across `plot` (scene coordinates); the box beside
    // the cursor lists `lines`, kept inside the plot.
    void show(const QRectF &plot, double lineX, const QPointF &cursor, const QFont &font,
              const std::vector<Line> &lines);
    void hide();

private:
    QGraphicsLineItem *crossV_ = nullptr;
    QGraphicsLineItem *crossH_ = nullptr;
    QGraphicsRectItem *box_ = nullptr;
};

} // namespace forkscope
