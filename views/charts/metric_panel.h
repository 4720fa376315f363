#pragma once

#include <QFrame>
#include <QImage>
#include <QPointer>
#include <optional>

#include "history/chart_data.h"

class QChart;
class QLabel;
class QLogValueAxis;
class QPushButton;
class QScatterSeries;
class QTimer;
class QValueAxis;
class QGraphicsSimpleTextItem;

namespace forkscope {

class ChartCurvesItem;
class CheckpointMarksItem;
class HoverReadout;
class MetricChartView;
struct ChartPicture;

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
        qint64 x = 0; // where it is drawn: the step, or ms on a time axis
        // Snapped to a checkpoint of the run (else a logged step).
        std::optional<Checkpoint> checkpoint;
    };
    // A checkpoint mark as drawn, for tests and tools.
    struct DrawnMark {
        qint64 runKey = 0;
        Checkpoint checkpoint;
        QPointF tip; // view coordinates of the mark's tip
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
    // On: a pick on a run with checkpoints in view goes to the nearest one.
    void setSnapToCheckpoints(bool on);
    bool snapToCheckpoints() const { return snapToCheckpoints_; }
    // A read-only store: the Fork button stays, disabled, with `reason` as its tip.
    void setForkBlocked(const QString &reason);

    // Display options (each asks for data again when it changes the reduction).
    void setSmoothing(double weight);
    double smoothing() const { return smoothing_; }
    void setLogY(bool on);
    bool logY() const { return logY_; }
    // Steps, or each run's own time; resets the zoom.
    void setXAxis(XAxis axis);
    XAxis xAxis() const { return xAxis_; }
    // Synchronised x-zoom: applies another panel's x range without echoing.
    void setXZoom(std::optional<std::pair<double, double>> range);
    std::optional<std::pair<double, double>> xZoom() const { return zoomX_; }
    const PanelData &data() const { return data_; }

    // Exports of what is drawn. False (and nothing written) on failure.
    bool exportPng(const QString &path) const;
    bool exportSvg(const QString &path) const;
    bool exportCsv(const QString &path) const;
    QImage renderImage() const;
    ChartPicture picture() const;

    // For tests and tools: the widget that takes the mouse, and where the
    // run's point at `step` is drawn on it.
    QWidget *plotWidget() const;
    std::optional<QPointF> positionOf(qint64 runKey, qint64 step) const;
    // The checkpoint marks in the visible x range.
    std::vector<DrawnMark> drawnMarks() const;
    // What hovering `pos` (view coordinates) says about the checkpoints
    // marked there (plain text; empty when no mark is under it).
    QString checkpointTipAt(const QPointF &pos) const;

signals:
    // Zoom or size changed: ask for request() again.
    void dataWanted();
    // The user changed the x range (none: reset).
    void xZoomChanged(std::optional<std::pair<double, double>> range);
    void forkRequested(qint64 runKey, qint64 step);
    void rewindRequested(qint64 runKey, qint64 step);
    void stepPicked(qint64 runKey, qint64 step);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Curve {
        PanelRun run;
        PointVector points;                   // inherited + own at their x, for hover and picking
        std::vector<qint64> steps;            // the step of each of `points`
        std::vector<InheritedSource> sources; // ancestors by step, for the hover
    };

    Curve *curveOf(qint64 runKey);
    const Curve *curveOf(qint64 runKey) const;
    void clearCurves();
    QPointF toValue(const QPointF &viewPos) const;
    QPointF toView(const QPointF &value) const;
    QRectF plotRectInView() const;
    void applyAxes();
    // "damaged data at steps a–b of key k in run r" (empty when none).
    QString damagedStatus() const;
    void updateCurveView();
    void exportDialog();
    // Keep: the y range the person chose stays; Fit: y fits the data again.
    enum class YRange { Fit, Keep };
    // Shows x from `lo` to `hi` and tells the synchronised panels.
    void zoomX(double lo, double hi, YRange y);
    // The same without telling them (another panel's zoom).
    void applyXRange(double lo, double hi, YRange y);
    void scheduleReload();
    // What a click at `pos` (view coordinates) picks (chart_pick.h).
    std::optional<Pick> pointAt(const QPointF &pos) const;
    // `pick` moved to the checkpoint of its run nearest its step, among those
    // in view (unchanged when there is none or snapping is off).
    Pick snapped(const Pick &pick) const;
    // A pick at `checkpoint` of the curve, at the value drawn there.
    std::optional<Pick> pickAtCheckpoint(const Curve &curve, const Checkpoint &checkpoint) const;
    const RunSeries *seriesOf(qint64 runKey) const;
    // The marks under `pos` (view coordinates), with a little room around them.
    std::vector<DrawnMark> marksAt(const QPointF &pos) const;
    void updateMarks();
    void showCheckpointTip(const QPointF &pos);
    void onClicked(const QPointF &pos);
    void onHover(const QPointF &pos);
    void hideHover();
    void updatePickMarker();
    void updateTimeTicks();
    void requestFork();
    void requestRewind();
    // "Fork from step N…" or "Fork from checkpoint at step N…": what the pick did.
    QString forkActionText() const;

    QString metric_;
    QLabel *title_ = nullptr;
    QLabel *status_ = nullptr;
    QChart *chart_ = nullptr;
    MetricChartView *view_ = nullptr;
    QValueAxis *axisX_ = nullptr;
    QValueAxis *axisY_ = nullptr;
    QLogValueAxis *axisYLog_ = nullptr;
    ChartCurvesItem *curvesItem_ = nullptr;
    CheckpointMarksItem *marksItem_ = nullptr;
    QScatterSeries *pickMarker_ = nullptr;
    QPushButton *forkButton_ = nullptr;
    QPushButton *rewindButton_ = nullptr;
    QString forkBlocked_;
    HoverReadout *hover_ = nullptr;
    std::vector<QGraphicsSimpleTextItem *> timeTicks_; // time axes draw their own labels
    QTimer *reloadTimer_ = nullptr;

    std::vector<Curve> curves_;
    PanelData data_;
    bool loaded_ = false;
    std::optional<std::pair<double, double>> zoomX_;
    std::optional<std::pair<double, double>> zoomY_;
    std::optional<Pick> pick_;
    int requestedWidth_ = 0;
    double smoothing_ = 0.0;
    bool logY_ = false;
    bool snapToCheckpoints_ = true;
    XAxis xAxis_ = XAxis::Step;
};

} // namespace forkscope
