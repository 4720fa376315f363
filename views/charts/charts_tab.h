#pragma once

#include <QMap>
#include <QPointer>
#include <QWidget>
#include <atomic>
#include <memory>

#include "history/chart_data.h"

class QAction;
class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QScrollArea;
class QSlider;
class QTimer;

namespace forkscope {

class LegendBar;
class SeriesCache;
class MetricPanel;
class StoreWorker;

// One panel per numeric metric of the shown runs, in a grid, filtered by a
// key regex. Reads happen on `worker`; panels ask again on zoom and resize.
class ChartsTab : public QWidget {
    Q_OBJECT
public:
    // Panels are spread over `workers` (at least one), each with its own
    // chunk-index cache; the first also lists keys.
    explicit ChartsTab(const std::vector<StoreWorker *> &workers, QWidget *parent = nullptr);

    // The runs to overlay; the first is the opened run.
    void setRuns(const std::vector<PanelRun> &runs);
    const std::vector<PanelRun> &runs() const { return runs_; }
    // Re-reads keys and data (new points were logged).
    void refresh();
    bool isLoading() const;
    MetricPanel *panel(const QString &metric) const { return panels_.value(metric); }
    QList<MetricPanel *> panels() const { return panels_.values(); }
    // Picks `step` of `runKey` on every panel that shows it.
    void pickStep(qint64 runKey, qint64 step);
    // Forgets the picked step in every panel (after a fork was made of it).
    void clearPicks();
    // A read-only store: every panel's Fork button is off, `reason` its tip.
    void setForkBlocked(const QString &reason);

    // Display options shared by all panels.
    void setSmoothing(double weight);
    double smoothing() const { return smoothing_; }
    void setLogY(bool on);
    void setXAxis(XAxis axis);
    void setSyncZoom(bool on);
    // Picks snap to the nearest checkpoint of a run that has them (on by default).
    void setSnapToCheckpoints(bool on);
    bool snapToCheckpoints() const { return snapToCheckpoints_; }
    QAction *snapAction() const { return snapAction_; }

signals:
    void forkRequested(qint64 runKey, qint64 step);
    void rewindRequested(qint64 runKey, qint64 step);
    // The person switched snapping (to remember it).
    void snapToCheckpointsChanged(bool on);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void loadKeys();
    void setKeys(const QStringList &keys);
    void requestPanel(MetricPanel *panel);
    void relayout();
    void pollLive();

    // One worker thread and the cache it alone uses. A metric stays on one
    // lane, so its cache stays warm and its requests coalesce.
    struct Lane {
        StoreWorker *worker = nullptr;
        std::shared_ptr<SeriesCache> cache;
    };
    size_t laneIndexOf(const QString &metric);
    const Lane &laneOf(const QString &metric);

    std::vector<Lane> lanes_;
    QHash<QString, int> laneOfMetric_;
    int nextLane_ = 0;
    std::vector<PanelRun> runs_;
    QLineEdit *search_ = nullptr;
    LegendBar *legend_ = nullptr;
    QScrollArea *scroll_ = nullptr;
    QWidget *grid_ = nullptr;
    QGridLayout *gridLayout_ = nullptr;
    QLabel *empty_ = nullptr;
    QMap<QString, MetricPanel *> panels_;
    int keysInFlight_ = 0;
    QHash<QString, int> panelGeneration_; // latest request per metric, until delivered
    int generation_ = 0;
    int columns_ = 0;
    QSlider *smoothingSlider_ = nullptr;
    QLabel *smoothingLabel_ = nullptr;
    QCheckBox *logBox_ = nullptr;
    QCheckBox *syncBox_ = nullptr;
    QComboBox *xAxisBox_ = nullptr;
    QAction *snapAction_ = nullptr;
    QTimer *liveTimer_ = nullptr;
    double smoothing_ = 0.0;
    bool logY_ = false;
    XAxis xAxis_ = XAxis::Step;
    bool syncZoom_ = false;
    bool snapToCheckpoints_ = true;
    QString forkBlocked_;
    // The newest request per panel: a running job for an older one stops early.
    QHash<QString, std::shared_ptr<std::atomic<int>>> latest_;
};

} // namespace forkscope
