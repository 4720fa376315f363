#include "views/store_file_watch.h"

#include <QDateTime>
#include <QFileInfo>
#include <QTimer>

namespace forkscope {

StoreFileWatch::StoreFileWatch(const QString &storePath, QObject *parent) : QObject(parent), storePath_(storePath)
{
    timer_ = new QTimer(this);
    timer_->setInterval(1000);
    connect(timer_, &QTimer::timeout, this, &StoreFileWatch::look);
}

void StoreFileWatch::start()
{
    timer_->start();
}

void StoreFileWatch::stop()
{
    timer_->stop();
}

void StoreFileWatch::look()
{
    QString signature;
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        const QFileInfo info(storePath_ + suffix);
        signature += QString::number(info.size()) + QLatin1Char(':') +
                     QString::number(info.lastModified().toMSecsSinceEpoch()) + QLatin1Char(';');
    }
    if (signature == signature_)
        return;
    const bool first = signature_.isEmpty();
    signature_ = signature;
    if (!first)
        emit changed();
}

} // namespace forkscope
