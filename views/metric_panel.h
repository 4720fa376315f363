#pragma once

#include <QFrame>
#include <QPointer>
#include <optional>

#include "views/panel_data.h"

class QChart;
class QLabel;
class QLineSeries;
class QPushButton;
class QScatterSeries;
class QTimer;
class QValueAxis;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;

namespace fs {

class MetricChartView;

// One metric's chart: the runs overlaid, inherited history paler and dashed
// with a marker at the fork step, crosshair readout, zoom and pan, and
// picking a logged step to fork from. The chart library stays behind this
// class (Qt Charts today, Qt Graphs one day).
class MetricPanel : public QFrame {
    Q_OBJECT
public:
    struct Pick {
        qint64 runKey = 0;
        qint64 step = 0;
        double value = 0.0;
    };

    explicit MetricPanel(const QString &metric, QWidget *parent = nullptr);

    QString metric() const { return metric_; }
    void setRuns(const std::vector<PanelRun> &runs);
    // The request that draws the panel at its current zoom and size.
    PanelRequest request() const;
    void setData(const PanelData &data);
    bool hasData() const { return loaded_; }

    std::optional<Pick> pick() const { return pick_; }
    void setPick(qint64 runKey, qint64 step);
    void clearPick();
    void resetZoom();

    // For tests and tools: the widget that takes the mouse, and where the
    // run's point at `step` is drawn on it.
    QWidget *plotWidget() const;
    std::optional<QPointF> positionOf(qint64 runKey, qint64 step) const;

signals:
    // Zoom or size changed: ask for request() again.
    void dataWanted();
    void forkRequested(qint64 runKey, qint64 step);
    void stepPicked(qint64 runKey, qint64 step);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Curve {
        PanelRun run;
        QLineSeries *inherited = nullptr;
        QLineSeries *own = nullptr;
        QScatterSeries *forkMarker = nullptr;
        PointVector points;   // inherited + own, for hover and picking
    };

    Curve *curveOf(qint64 runKey);
    const Curve *curveOf(qint64 runKey) const;
    void clearCurves();
    QPointF toValue(const QPointF &viewPos) const;
    QPointF toView(const QPointF &value) const;
    QRectF plotRectInView() const;
    void applyAxes();
    void setXRange(double lo, double hi, bool fixY);
    void scheduleReload();
    void onClicked(const QPointF &pos);
    void onHover(const QPointF &pos);
    void hideHover();
    void updatePickMarker();
    void requestFork();

    QString metric_;
    QLabel *title_ = nullptr;
    QLabel *status_ = nullptr;
    QChart *chart_ = nullptr;
    MetricChartView *view_ = nullptr;
    QValueAxis *axisX_ = nullptr;
    QValueAxis *axisY_ = nullptr;
    QScatterSeries *pickMarker_ = nullptr;
    QPushButton *forkButton_ = nullptr;
    QGraphicsLineItem *crossV_ = nullptr;
    QGraphicsLineItem *crossH_ = nullptr;
    QGraphicsRectItem *hoverBox_ = nullptr;
    std::vector<QGraphicsSimpleTextItem *> hoverLines_;
    QTimer *reloadTimer_ = nullptr;

    std::vector<Curve> curves_;
    PanelData data_;
    bool loaded_ = false;
    std::optional<std::pair<double, double>> zoomX_;
    std::optional<std::pair<double, double>> zoomY_;
    std::optional<Pick> pick_;
    int requestedWidth_ = 0;
};

} // namespace fs
