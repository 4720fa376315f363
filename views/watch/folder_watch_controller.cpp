#include "views/watch/folder_watch_controller.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QTime>
#include <QTimer>
#include <algorithm>

#include "views/store_worker.h"
#include "watch/folder_watch.h"

namespace forkscope {

namespace {

const QString kSettingsKey = QStringLiteral("watch/folders");

struct PollResult {
    QString path;
    WatchPass pass;
};

QString describe(const WatchPass &pass, const QString &previous, bool *error)
{
    *error = false;
    if (!pass.error.isEmpty()) {
        *error = true;
        return pass.error;
    }
    for (const ImportOutcome &r : pass.report.runs) {
        if (r.status == ImportOutcome::Status::Failed) {
            *error = true;
            return FolderWatchController::tr("%1 failed: %2").arg(r.sourcePath, r.error);
        }
    }
    if (pass.waiting)
        return FolderWatchController::tr("Nothing to import yet; waiting");
    if (pass.report.format.isEmpty())
        return previous; // nothing changed since the last look
    qint64 rows = 0;
    for (const ImportOutcome &r : pass.report.runs)
        rows += r.rowsAdded;
    const int runs = int(pass.report.runs.size());
    return FolderWatchController::tr("%n run(s) read, %1 row(s) added at %2", nullptr, runs)
        .arg(rows)
        .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")));
}

} // namespace

FolderWatchController::FolderWatchController(const QString &storePath, bool persist, QWidget *window)
    : QObject(window), window_(window), persist_(persist),
      worker_(std::make_unique<StoreWorker>(storePath, QStringLiteral("forkscope-watch")))
{
    connect(worker_.get(), &StoreWorker::failed, this, &FolderWatchController::problem);
    timer_ = new QTimer(this);
    timer_->setInterval(kWatchIntervalMs);
    connect(timer_, &QTimer::timeout, this, &FolderWatchController::poll);
    if (persist_) {
        for (const QString &path : QSettings().value(kSettingsKey).toStringList()) {
            folders_.push_back({path, tr("Starting"), false});
            watches_.push_back(std::make_shared<FolderWatch>(path));
        }
    }
    if (!folders_.empty())
        timer_->start();
}

FolderWatchController::~FolderWatchController() = default;

void FolderWatchController::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(window_, tr("Watch a folder while training writes to it"),
                                                          QString(), QFileDialog::ShowDirsOnly);
    if (!dir.isEmpty())
        addFolder(dir);
}

bool FolderWatchController::addFolder(const QString &path)
{
    const QString abs = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    if (!QFileInfo::exists(abs))
        return false;
    if (std::any_of(folders_.begin(), folders_.end(), [&](const Folder &f) { return f.path == abs; }))
        return false;
    folders_.push_back({abs, tr("Starting"), false});
    watches_.push_back(std::make_shared<FolderWatch>(abs));
    save();
    emit foldersChanged();
    timer_->start();
    poll();
    return true;
}

void FolderWatchController::removeFolder(const QString &path)
{
    for (size_t i = 0; i < folders_.size(); ++i) {
        if (folders_[i].path != path)
            continue;
        // A poll already running keeps its own reference and finishes.
        folders_.erase(folders_.begin() + qsizetype(i));
        watches_.erase(watches_.begin() + qsizetype(i));
        save();
        if (folders_.empty())
            timer_->stop();
        emit foldersChanged();
        return;
    }
}

bool FolderWatchController::isIdle() const
{
    return worker_->isIdle();
}

void FolderWatchController::save() const
{
    if (!persist_)
        return;
    QStringList paths;
    for (const Folder &f : folders_)
        paths << f.path;
    QSettings().setValue(kSettingsKey, paths);
}

void FolderWatchController::poll()
{
    if (watches_.empty())
        return;
    worker_->post(
        this,
        [this, watches = watches_](Store &store) -> StoreWorker::Done {
            std::vector<PollResult> results;
            for (const auto &watch : watches)
                results.push_back({watch->path(), watch->poll(store)});
            return [this, results = std::move(results)] {
                bool changed = false;
                for (const PollResult &r : results) {
                    auto it = std::find_if(folders_.begin(), folders_.end(),
                                           [&](const Folder &f) { return f.path == r.path; });
                    if (it == folders_.end())
                        continue; // stopped meanwhile
                    bool error = false;
                    const QString status = describe(r.pass, it->status, &error);
                    if (error && status != it->status)
                        emit problem(tr("Watching %1: %2").arg(r.path, status));
                    changed = changed || status != it->status || error != it->error;
                    it->status = status;
                    it->error = error;
                    for (const ImportOutcome &o : r.pass.report.runs) {
                        if (o.status == ImportOutcome::Status::Created && !o.immutableId.isEmpty()) {
                            emit runsCreated(o.immutableId);
                            break;
                        }
                    }
                }
                if (changed)
                    emit foldersChanged();
            };
        },
        QStringLiteral("poll"));
}

} // namespace forkscope
