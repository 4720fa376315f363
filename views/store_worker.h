#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>

#include "store/store.h"

namespace forkscope {

// A thread with its own forkscope::Store that runs jobs one at a time, so the UI
// thread never waits on SQLite. A job runs on the worker thread and returns
// a closure that is run on the UI thread, unless `receiver` died meanwhile.
// Jobs posted with the same non-empty `coalesceKey` replace each other while
// still queued (a zoom or a refresh only needs its latest request).
class StoreWorker : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void()>;
    using Job = std::function<Done(Store &)>;

    StoreWorker(const QString &storePath, const QString &name, QObject *parent = nullptr,
                StoreAccess access = StoreAccess::ReadWrite);
    ~StoreWorker() override;

    QString storePath() const { return path_; }
    void post(QObject *receiver, Job job, const QString &coalesceKey = {});
    // No job queued or running, and every result delivered.
    bool isIdle() const;

signals:
    // An exception escaped a job: the models' message, for the status bar.
    void failed(const QString &message);
    // The store could not be opened: every job will fail with `message`.
    void openFailed(const QString &message);
    void busyChanged(bool busy);

private:
    void deliver(QPointer<QObject> receiver, Done done);

    struct Impl;
    std::unique_ptr<Impl> d;
    QString path_;
    int undelivered_ = 0;
};

} // namespace forkscope
