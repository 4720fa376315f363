#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <atomic>
#include <memory>
#include <vector>

#include "importers/store_import.h"

class QDragEnterEvent;
class QDropEvent;
class QMimeData;
class QProgressDialog;
class QWidget;

namespace forkscope {

class ImportSummaryDialog;
class StoreWorker;

// What one import request (the folders and files chosen or dropped together)
// produced.
struct ImportResult {
    QStringList paths;
    std::vector<ImportReport> reports; // one per path that could be imported
    QStringList errors;                // "path: why" for paths that could not
    bool cancelled = false;

    qint64 count(ImportOutcome::Status status) const;
    // The run to show afterwards: the first one created or updated, else any.
    QString firstImmutableId() const;
};

// Imports what the user chose (File → Import…) or dropped on the window: on
// a thread of its own with its own forkscope::Store, behind a progress dialog whose
// Cancel rolls back the run being written, then a summary.
class ImportController : public QObject {
    Q_OBJECT
public:
    ImportController(const QString &storePath, QWidget *window);
    ~ImportController() override;

    void chooseFolder();
    void chooseFile();
    // Returns false (and does nothing) while another import is running.
    bool start(const QStringList &paths);
    // Thread-safe: the import stops at its next progress point.
    void cancel();
    bool isRunning() const { return running_; }

    // Local files and folders in a drag; empty when there are none.
    static QStringList localPaths(const QMimeData *mime);
    // For the window's dragEnterEvent/dropEvent: accept local paths, import them.
    void dragEnter(QDragEnterEvent *event);
    void drop(QDropEvent *event);

    const ImportResult &lastResult() const { return last_; }
    QProgressDialog *progressDialog() const;
    ImportSummaryDialog *summaryDialog() const;

signals:
    // Emitted on the import thread (queued to receivers on the UI thread).
    void progressed(qint64 done, qint64 total, const QString &what);
    void finished(const forkscope::ImportResult &result);
    // Runs were added or changed; `openRun` is an immutable ID to show.
    void runsImported(const QString &openRun);

private:
    void showProgress(qint64 done, qint64 total, const QString &what);
    void onFinished(ImportResult result);

    QPointer<QWidget> window_;
    QString storePath_;
    std::unique_ptr<StoreWorker> worker_;
    std::shared_ptr<std::atomic_bool> cancel_;
    bool running_ = false;
    ImportResult last_;
    QPointer<QProgressDialog> progress_;
    QPointer<ImportSummaryDialog> summary_;
};

} // namespace forkscope
