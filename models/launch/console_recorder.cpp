#include "launch/console_recorder.h"

#include "core/error.h"
#include "store/store.h"

namespace forkscope {

ConsoleRecorder::ConsoleRecorder(const QString &storePath, qint64 runKey) : storePath_(storePath), runKey_(runKey) {}

ConsoleRecorder::~ConsoleRecorder() = default;

Store &ConsoleRecorder::store()
{
    // Opened on first use, on the recorder's thread: a connection belongs to
    // the thread that uses it.
    if (!store_)
        store_ = std::make_unique<Store>(storePath_);
    return *store_;
}

void ConsoleRecorder::append(ConsoleStream stream, const QDateTime &time, const QString &text)
{
    try {
        store().appendConsole(runKey_, stream, time, text);
        lastProblem_.clear();
    } catch (const Error &e) {
        if (e.message() != lastProblem_) {
            lastProblem_ = e.message();
            emit problem(e.message());
        }
    }
}

RunInfo ConsoleRecorder::recordEnd(ProcessEnd end, int exitCode, QString *error)
{
    try {
        return store().recordProcessEnd(runKey_, end, exitCode);
    } catch (const Error &e) {
        *error = e.message();
        return {};
    }
}

} // namespace forkscope
