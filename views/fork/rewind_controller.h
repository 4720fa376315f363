#pragma once

#include <QObject>
#include <QPointer>

class QMessageBox;
class QWidget;

namespace forkscope {

class StoreWorker;
struct RewindPreview;

// The rewind flow from a chart pick: what a rewind of the run at the step
// would archive is read on the store worker, a confirmation says it (the
// steps after N, how many forks will name the archived version), and the
// rewind runs on the worker; the views are refreshed by whoever listens to
// rewound().
class RewindController : public QObject {
    Q_OBJECT
public:
    RewindController(StoreWorker *worker, QWidget *window);

    // The confirmation while it is open.
    QMessageBox *confirmation() const;
    void confirmRewind(qint64 runKey, qint64 step);

signals:
    void rewound(qint64 runKey);
    void statusMessage(const QString &message);

private:
    void ask(const RewindPreview &preview);
    void rewind(qint64 runKey, qint64 step);

    StoreWorker *worker_;
    QWidget *window_;
    QPointer<QMessageBox> confirmation_;
};

} // namespace forkscope
