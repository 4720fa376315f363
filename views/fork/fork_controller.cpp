#include "views/fork/fork_controller.h"

#include <QWidget>

#include "core/error.h"

#include "views/charts/charts_tab.h"
#include "views/charts/metric_panel.h"
#include "views/console/training_processes.h"
#include "views/fork/fork_dialog.h"
#include "views/run_browser.h"

namespace forkscope {

ForkController::ForkController(StoreWorker *worker, RunBrowser *runs, ChartsTab *charts, TrainingProcesses *processes,
                               QWidget *window)
    : QObject(window), worker_(worker), runs_(runs), charts_(charts), processes_(processes), window_(window)
{
}

void ForkController::openDialogForOpenRun()
{
    if (!runs_->showsCurrentRun())
        return;
    for (MetricPanel *panel : charts_->panels()) {
        if (const auto pick = panel->pick()) {
            openDialog(pick->runKey, pick->step);
            return;
        }
    }
    const RunInfo &run = runs_->details().run;
    openDialog(run.key, run.lastStep().value_or(0));
}

void ForkController::openDialog(qint64 runKey, qint64 step)
{
    if (const RunInfo *source = runs_->findRun(runKey))
        openDialog(*source, step);
}

void ForkController::openDialog(const RunInfo &source, qint64 step)
{
    if (dialog_)
        dialog_->close();
    // The new run's default name counts on from the runs listed.
    const qint64 nameOrdinal = qint64(runs_->runCount()) + 1;
    auto *dialog = new ForkDialog(source, step, nameOrdinal, worker_, window_);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ForkDialog::forkCreated, this, &ForkController::onForkCreated);
    connect(dialog, &ForkDialog::startTrainingRequested, this,
            [this](const RunInfo &fork, const LaunchCommand &command) {
                try {
                    processes_->start(fork, command);
                    emit statusMessage(tr("Started training for %1").arg(fork.name));
                    emit trainingStarted(fork.key);
                } catch (const Error &e) {
                    emit statusMessage(tr("Could not start training for %1: %2").arg(fork.name, e.message()));
                }
            });
    dialog_ = dialog;
    dialog->open();
}

void ForkController::onForkCreated(const RunInfo &fork)
{
    charts_->clearPicks(); // the pick became the fork
    emit statusMessage(
        tr("Created %1 (%2), forked at step %3").arg(fork.name, fork.runId).arg(fork.fork ? fork.fork->step : 0));
    runs_->openCreatedFork(fork);
    emit forkCreated(fork);
}

} // namespace forkscope
