#pragma once

#include <QChartView>

class QRubberBand;

namespace forkscope {

// Raw input on a chart turned into gestures: a click, a rubber-band drag,
// a pan (middle button or Shift+drag), wheel zoom, hover. MetricPanel
// decides what they mean; this class knows nothing about runs.
class MetricChartView : public QChartView {
    Q_OBJECT
public:
    explicit MetricChartView(QChart *chart, QWidget *parent = nullptr);

signals:
    void clicked(const QPointF &pos);
    void rubberBandSelected(const QRectF &rect);
    void panned(const QPointF &deltaPixels);
    void wheelZoomed(const QPointF &pos, double factor);
    void hovered(const QPointF &pos);
    void hoverLeft();
    void resetRequested();
    void forkKeyPressed();
    void resized();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    enum class Drag { None, Pending, Rubber, Pan };
    Drag drag_ = Drag::None;
    QPoint pressPos_;
    QPoint lastPos_;
    QRubberBand *rubber_ = nullptr;
};

} // namespace forkscope
