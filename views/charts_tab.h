#pragma once

#include <QMap>
#include <QPointer>
#include <QWidget>

#include "views/panel_data.h"

class QGridLayout;
class QLabel;
class QLineEdit;
class QScrollArea;

namespace fs {

class LegendBar;
class MetricPanel;
class StoreWorker;

// One panel per numeric metric of the shown runs, in a grid, filtered by a
// key regex. Reads happen on `worker`; panels ask again on zoom and resize.
class ChartsTab : public QWidget {
    Q_OBJECT
public:
    explicit ChartsTab(StoreWorker *worker, QWidget *parent = nullptr);

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

signals:
    void forkRequested(qint64 runKey, qint64 step);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void loadKeys();
    void setKeys(const QStringList &keys);
    void requestPanel(MetricPanel *panel);
    void relayout();

    StoreWorker *worker_;
    std::vector<PanelRun> runs_;
    QLineEdit *search_ = nullptr;
    LegendBar *legend_ = nullptr;
    QScrollArea *scroll_ = nullptr;
    QWidget *grid_ = nullptr;
    QGridLayout *gridLayout_ = nullptr;
    QLabel *empty_ = nullptr;
    QMap<QString, MetricPanel *> panels_;
    int keysInFlight_ = 0;
    QHash<QString, int> panelGeneration_;   // latest request per metric, until delivered
    int generation_ = 0;
    int columns_ = 0;
};

} // namespace fs
