#include "views/store_worker.h"

#include <QThread>
#include <condition_variable>
#include <deque>
#include <mutex>

#include "core/error.h"
#include "store/store.h"

namespace forkscope {

struct StoreWorker::Impl {
    struct Item {
        QPointer<QObject> receiver;
        Job job;
        QString key;
    };
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<Item> queue;
    bool stop = false;
    bool running = false;
    std::unique_ptr<QThread> thread;
};

StoreWorker::StoreWorker(const QString &storePath, const QString &name, QObject *parent, StoreAccess access)
    : QObject(parent), d(std::make_unique<Impl>()), path_(storePath)
{
    d->thread.reset(QThread::create([this, access] {
        std::unique_ptr<Store> store;
        QString openError;
        try {
            store = std::make_unique<Store>(path_, access);
        } catch (const std::exception &e) {
            openError = QString::fromUtf8(e.what());
            QMetaObject::invokeMethod(
                this, [this, openError] { emit openFailed(openError); }, Qt::QueuedConnection);
        }
        for (;;) {
            Impl::Item item;
            {
                std::unique_lock lock(d->mutex);
                d->wake.wait(lock, [this] { return d->stop || !d->queue.empty(); });
                if (d->stop)
                    return;
                item = std::move(d->queue.front());
                d->queue.pop_front();
                d->running = true;
            }
            Done done;
            QString error = openError;
            if (store) {
                try {
                    done = item.job(*store);
                } catch (const Error &e) {
                    error = e.message();
                } catch (const std::exception &e) {
                    error = QString::fromUtf8(e.what());
                }
            }
            QMetaObject::invokeMethod(
                this,
                [this, receiver = item.receiver, done, error] {
                    if (!error.isEmpty())
                        emit failed(error);
                    deliver(receiver, done);
                },
                Qt::QueuedConnection);
            std::lock_guard lock(d->mutex);
            d->running = false;
        }
    }));
    d->thread->setObjectName(name);
    d->thread->start();
}

StoreWorker::~StoreWorker()
{
    {
        std::lock_guard lock(d->mutex);
        d->stop = true;
        d->queue.clear();
    }
    d->wake.notify_all();
    d->thread->wait();
}

void StoreWorker::post(QObject *receiver, Job job, const QString &coalesceKey)
{
    const bool wasIdle = isIdle();
    {
        std::lock_guard lock(d->mutex);
        bool replaced = false;
        if (!coalesceKey.isEmpty()) {
            for (auto &item : d->queue) {
                if (item.key == coalesceKey) {
                    item = {receiver, std::move(job), coalesceKey};
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) {
            d->queue.push_back({receiver, std::move(job), coalesceKey});
            ++undelivered_;
        }
    }
    d->wake.notify_one();
    if (wasIdle)
        emit busyChanged(true);
}

void StoreWorker::deliver(QPointer<QObject> receiver, Done done)
{
    --undelivered_;
    if (receiver && done)
        done();
    if (isIdle())
        emit busyChanged(false);
}

bool StoreWorker::isIdle() const
{
    return undelivered_ == 0;
}

} // namespace forkscope
