#pragma once

#include <QObject>
#include <QPointer>

#include "store/run_info.h"

class QWidget;

namespace forkscope {

class ChartsTab;
class ForkDialog;
class RunBrowser;
class StoreWorker;
class TrainingProcesses;

// The fork flow: the fork dialog for a run at a step (the open run at the
// step picked on a chart, else at its last step), and what follows a fork:
// the pick is forgotten and the fork opens overlaid on its source.
class ForkController : public QObject {
    Q_OBJECT
public:
    ForkController(StoreWorker *worker, RunBrowser *runs, ChartsTab *charts, TrainingProcesses *processes,
                   QWidget *window);

    // The dialog while it is open (one at a time).
    ForkDialog *dialog() const { return dialog_; }
    void openDialog(qint64 runKey, qint64 step);
    // The same for a run the browser may not list (a family member in another project).
    void openDialog(const RunInfo &source, qint64 step);
    void openDialogForOpenRun();

signals:
    void forkCreated(const forkscope::RunInfo &fork);
    void statusMessage(const QString &message);
    // Training was started for `fork` (its console has the output).
    void trainingStarted(qint64 forkKey);

private:
    void onForkCreated(const RunInfo &fork);

    StoreWorker *worker_;
    RunBrowser *runs_;
    ChartsTab *charts_;
    TrainingProcesses *processes_;
    QWidget *window_;
    QPointer<ForkDialog> dialog_;
};

} // namespace forkscope
