#include "views/fork/rewind_controller.h"

#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

#include "core/error.h"
#include "store/store.h"
#include "views/store_worker.h"

namespace forkscope {

RewindController::RewindController(StoreWorker *worker, QWidget *window)
    : QObject(window), worker_(worker), window_(window)
{
}

QMessageBox *RewindController::confirmation() const
{
    return confirmation_;
}

void RewindController::confirmRewind(qint64 runKey, qint64 step)
{
    worker_->post(this, [this, runKey, step](Store &store) -> StoreWorker::Done {
        try {
            RewindPreview preview = store.previewRewind(runKey, step);
            return [this, preview = std::move(preview)] { ask(preview); };
        } catch (const Error &e) {
            const QString message = e.message();
            return [this, message] { emit statusMessage(tr("Cannot rewind: %1").arg(message)); };
        }
    });
}

void RewindController::ask(const RewindPreview &preview)
{
    if (confirmation_)
        confirmation_->close();
    const RunInfo &run = preview.run;
    // Run names are untrusted text: the box shows plain text only.
    const QString text = tr("Rewind %1 to step %2?").arg(run.name).arg(preview.step);
    QString detail = tr("Steps %1 to %2 will be archived: they stay readable as an archived version listed in the "
                        "run's Overview, and the run logs on from step %1. The run keeps its run ID and its config; "
                        "its summary is recomputed from the steps it keeps.")
                         .arg(preview.step + 1)
                         .arg(preview.lastStep);
    if (!preview.forksRelinked.empty())
        detail += QLatin1Char(' ') + tr("%n fork(s) made after step %1 will name the archived version and keep "
                                        "their history.",
                                        nullptr, int(preview.forksRelinked.size()))
                                         .arg(preview.step);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Rewind run"), text, QMessageBox::Cancel, window_);
    box->setObjectName(QStringLiteral("rewindConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(detail);
    QPushButton *accept = box->addButton(tr("Rewind"), QMessageBox::AcceptRole);
    accept->setObjectName(QStringLiteral("rewindButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    const qint64 runKey = run.key, step = preview.step;
    connect(accept, &QPushButton::clicked, this, [this, runKey, step] { rewind(runKey, step); });
    confirmation_ = box;
    box->open();
}

void RewindController::rewind(qint64 runKey, qint64 step)
{
    worker_->post(this, [this, runKey, step](Store &store) -> StoreWorker::Done {
        try {
            const RunInfo run = store.rewind(runKey, step);
            return [this, run] {
                emit statusMessage(tr("Rewound %1 to step %2; it logs on from step %3")
                                       .arg(run.name)
                                       .arg(run.rewind ? run.rewind->step : 0)
                                       .arg(run.nextStep()));
                emit rewound(run.key);
            };
        } catch (const Error &e) {
            const QString message = e.message();
            return [this, message] { emit statusMessage(tr("Cannot rewind: %1").arg(message)); };
        }
    });
}

} // namespace forkscope
