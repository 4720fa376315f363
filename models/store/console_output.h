#pragma once

#include <QDateTime>
#include <QString>

namespace forkscope {

enum class ConsoleStream { Stdout = 1, Stderr = 2 };

// A piece of a started process's output, in the order it arrived. Text is
// UTF-8 as the process wrote it (invalid bytes replaced), split at line ends
// where the process wrote whole lines.
struct ConsoleChunk {
    qint64 seq = 0; // increasing per run, from 1
    ConsoleStream stream = ConsoleStream::Stdout;
    QDateTime time;
    QString text;
};

// How a started process ended, as far as its starter saw.
enum class ProcessEnd {
    Exited,     // returned an exit code
    Killed,     // ended by a signal (stopped, killed, or crashed)
    NotStarted, // could not be started (no such program, no permission...)
};

} // namespace forkscope
