#pragma once

#include <QWidget>
#include <memory>

#include "store/run_family.h"

class QLabel;
class QPushButton;
class QStackedWidget;

namespace forkscope {

class LineageGraph;
class StoreWorker;

// The Lineage tab: the open run's whole family of forks (LineageGraph),
// read on a StoreWorker whenever the open run changes or is reloaded while
// the tab is shown, with buttons to overlay the family or the selected runs
// in Charts.
class LineageTab : public QWidget {
    Q_OBJECT
public:
    explicit LineageTab(QWidget *parent = nullptr);

    void attach(StoreWorker *worker);
    // The open run (0: none); its family is read when the tab is shown.
    void setRun(qint64 runKey);
    // Reads the family again (the store changed).
    void reload();
    bool isLoading() const { return loading_; }
    LineageGraph *graph() const { return graph_; }
    const RunFamily *family() const;
    // A read-only store: forking from a bar is off.
    void setForkBlocked(const QString &reason);

signals:
    void openRunRequested(qint64 runKey);
    void overlayRequested(const QList<qint64> &runKeys);
    void forkRequested(qint64 runKey, qint64 step);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void load();
    void showFamily(std::shared_ptr<const RunFamily> family, qint64 runKey);
    void updateButtons();

    StoreWorker *worker_ = nullptr;
    qint64 runKey_ = 0;
    qint64 loadedKey_ = 0;
    bool stale_ = true;
    bool loading_ = false;
    QStackedWidget *stack_ = nullptr;
    QLabel *message_ = nullptr;
    QLabel *summary_ = nullptr;
    QPushButton *overlayFamily_ = nullptr;
    QPushButton *overlaySelected_ = nullptr;
    QPushButton *expandAll_ = nullptr;
    QPushButton *fit_ = nullptr;
    LineageGraph *graph_ = nullptr;
};

} // namespace forkscope
