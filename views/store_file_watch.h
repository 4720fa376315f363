#pragma once

#include <QObject>
#include <QString>

class QTimer;

namespace forkscope {

// Learns of other processes' writes to a store: every second a stat of the
// store file and its `-wal` (not a query, so cheap enough for the UI
// thread); they change whenever any process commits.
class StoreFileWatch : public QObject {
    Q_OBJECT
public:
    StoreFileWatch(const QString &storePath, QObject *parent);

    void start();
    void stop();

signals:
    // The store changed since the last look (not sent for the first look).
    void changed();

private:
    void look();

    QString storePath_;
    QString signature_;
    QTimer *timer_ = nullptr;
};

} // namespace forkscope
