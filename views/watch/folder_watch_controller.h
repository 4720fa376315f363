#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <memory>
#include <vector>

class QTimer;
class QWidget;

namespace forkscope {

class FolderWatch;
class StoreWorker;

// File → Watch folder…: the folders the app follows while training writes
// to them (models' FolderWatch, the same as `forkscope-cli import --watch`).
// Every poll runs on a worker thread with its own forkscope::Store; the UI only
// keeps the list and each folder's last status. With `persist`, the list is
// kept in QSettings ("watch/folders") and watched again after a restart.
class FolderWatchController : public QObject {
    Q_OBJECT
public:
    struct Folder {
        QString path;
        QString status; // plain text: what the last look found
        bool error = false;
    };

    FolderWatchController(const QString &storePath, bool persist, QWidget *window);
    ~FolderWatchController() override;

    void chooseFolder();
    // False when `path` is not a folder or file, or already watched.
    bool addFolder(const QString &path);
    void removeFolder(const QString &path);
    const std::vector<Folder> &folders() const { return folders_; }
    // No poll queued or running.
    bool isIdle() const;

signals:
    void foldersChanged();
    // A watch created runs; `immutableId` is the first of them.
    void runsCreated(const QString &immutableId);
    // A folder's problem, once each time it changes (for the status bar).
    void problem(const QString &message);

private:
    struct Entry;
    void poll();
    void save() const;

    QPointer<QWidget> window_;
    bool persist_;
    std::unique_ptr<StoreWorker> worker_;
    QTimer *timer_ = nullptr;
    std::vector<Folder> folders_;
    std::vector<std::shared_ptr<FolderWatch>> watches_; // parallel to folders_; used on the worker only
};

} // namespace forkscope
