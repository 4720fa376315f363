#include "views/import/import_controller.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QProgressDialog>
#include <QUrl>
#include <algorithm>

#include "core/error.h"
#include "views/import/import_summary_dialog.h"
#include "views/store_worker.h"

namespace forkscope {

qint64 ImportResult::count(ImportOutcome::Status status) const
{
    qint64 n = 0;
    for (const ImportReport &report : reports)
        for (const ImportOutcome &run : report.runs)
            n += run.status == status ? 1 : 0;
    return n;
}

QString ImportResult::firstImmutableId() const
{
    QString any;
    for (const ImportReport &report : reports) {
        for (const ImportOutcome &run : report.runs) {
            if (run.immutableId.isEmpty())
                continue;
            if (run.status == ImportOutcome::Status::Created || run.status == ImportOutcome::Status::Updated)
                return run.immutableId;
            if (any.isEmpty())
                any = run.immutableId;
        }
    }
    return any;
}

ImportController::ImportController(const QString &storePath, QWidget *window)
    : QObject(window), window_(window), storePath_(storePath)
{
    connect(this, &ImportController::progressed, this, &ImportController::showProgress);
}

ImportController::~ImportController()
{
    // The worker's destructor waits for the job; make it stop at its next row.
    if (cancel_)
        *cancel_ = true;
}

QProgressDialog *ImportController::progressDialog() const
{
    return progress_;
}

ImportSummaryDialog *ImportController::summaryDialog() const
{
    return summary_;
}

void ImportController::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(window_, tr("Import runs from a folder"), QString(),
                                                          QFileDialog::ShowDirsOnly | QFileDialog::DontResolveSymlinks);
    if (!dir.isEmpty())
        start({dir});
}

void ImportController::chooseFile()
{
    const QStringList files =
        QFileDialog::getOpenFileNames(window_, tr("Import runs from files"), QString(),
                                      tr("W&B and TensorBoard logs (*.wandb events.out.tfevents.*);;All files (*)"));
    if (!files.isEmpty())
        start(files);
}

bool ImportController::start(const QStringList &paths)
{
    if (running_ || paths.isEmpty())
        return false;
    running_ = true;
    if (!worker_) {
        worker_ = std::make_unique<StoreWorker>(storePath_, QStringLiteral("forkscope-import"));
        connect(worker_.get(), &StoreWorker::failed, this, [this](const QString &message) {
            // The store could not be opened: the job never ran.
            if (!running_)
                return;
            ImportResult result;
            result.paths = last_.paths;
            result.errors << message;
            onFinished(std::move(result));
        });
    }
    cancel_ = std::make_shared<std::atomic_bool>(false);
    last_ = {};
    last_.paths = paths;

    if (summary_)
        summary_->close();
    auto *dialog = new QProgressDialog(window_);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Importing runs"));
    dialog->setLabelText(tr("Reading %1…").arg(QFileInfo(paths.first()).fileName()));
    dialog->setCancelButtonText(tr("Cancel"));
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setAutoReset(false);
    dialog->setAutoClose(false);
    dialog->setRange(0, 0);
    dialog->setMinimumWidth(420);
    dialog->setMinimumDuration(300); // a small import finishes before the dialog would flash
    connect(dialog, &QProgressDialog::canceled, this, [this, dialog] {
        cancel();
        dialog->setLabelText(tr("Cancelling…"));
        dialog->setRange(0, 0);
    });
    progress_ = dialog;

    const auto cancel = cancel_;
    worker_->post(this, [this, paths, cancel](Store &store) -> StoreWorker::Done {
        ImportResult result;
        result.paths = paths;
        ImportOptions options;
        options.progress = [this, cancel](qint64 done, qint64 total, const QString &what) {
            if (*cancel)
                return false;
            emit progressed(done, total, what);
            return !*cancel;
        };
        for (const QString &path : paths) {
            if (*cancel) {
                result.cancelled = true;
                break;
            }
            try {
                ImportReport report = importPath(store, path, options);
                result.cancelled = report.cancelled;
                result.reports.push_back(std::move(report));
            } catch (const Error &e) {
                result.errors << e.message();
            } catch (const std::exception &e) {
                result.errors << tr("%1: %2").arg(path, QString::fromLocal8Bit(e.what()));
            }
            if (result.cancelled)
                break;
        }
        return [this, result = std::move(result)]() mutable { onFinished(std::move(result)); };
    });
    return true;
}

void ImportController::cancel()
{
    if (cancel_)
        *cancel_ = true;
}

void ImportController::showProgress(qint64 done, qint64 total, const QString &what)
{
    if (!progress_ || (cancel_ && *cancel_))
        return;
    // `total` is the runs of the import between runs, the rows of the run
    // being written within one: either way, `what` names the run.
    progress_->setLabelText(tr("Importing “%1”…").arg(what));
    const int scale = total > 0 ? 1000 : 0;
    progress_->setRange(0, scale);
    progress_->setValue(total > 0 ? int(std::min<qint64>(done, total) * 1000 / total) : 0);
}

void ImportController::onFinished(ImportResult result)
{
    running_ = false;
    if (progress_)
        progress_->close();
    last_ = std::move(result);
    emit finished(last_);
    const bool changed = last_.count(ImportOutcome::Status::Created) + last_.count(ImportOutcome::Status::Updated) > 0;
    if (changed)
        emit runsImported(last_.firstImmutableId());
    if (!window_)
        return;
    auto *dialog = new ImportSummaryDialog(last_, window_);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    summary_ = dialog;
    dialog->open();
}

QStringList ImportController::localPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo::exists(url.toLocalFile()))
            paths << url.toLocalFile();
    }
    return paths;
}

void ImportController::dragEnter(QDragEnterEvent *event)
{
    if (!running_ && !localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ImportController::drop(QDropEvent *event)
{
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    // Not from inside the drop: a drag source waits for the drop to return.
    QMetaObject::invokeMethod(
        this, [this, paths] { start(paths); }, Qt::QueuedConnection);
}

} // namespace forkscope
