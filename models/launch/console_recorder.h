#pragma once

#include <QDateTime>
#include <QObject>
#include <memory>

#include "store/console_output.h"
#include "store/run_info.h"

namespace forkscope {

class Store;

// TrainingProcess's store side, living on its own thread with its own
// connection: appends console output and records the end, in the order they
// were asked for. Private to models/launch.
class ConsoleRecorder : public QObject {
    Q_OBJECT
public:
    ConsoleRecorder(const QString &storePath, qint64 runKey);
    ~ConsoleRecorder() override;

    void append(ConsoleStream stream, const QDateTime &time, const QString &text);
    // The run as recorded, or the store's refusal in `*error`.
    RunInfo recordEnd(ProcessEnd end, int exitCode, QString *error);

signals:
    // A write the store refused; said once until another problem comes.
    void problem(const QString &message);

private:
    Store &store();

    QString storePath_;
    qint64 runKey_;
    std::unique_ptr<Store> store_;
    QString lastProblem_;
};

} // namespace forkscope
