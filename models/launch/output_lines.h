#pragma once

#include <QByteArray>
#include <QString>

namespace forkscope {

// Bytes a process writes to one stream, turned into text at line ends: what
// arrives after the last '\n' waits for the rest of its line, unless it grows
// past `maxPending` bytes (a progress bar redrawn with '\r' never ends its
// line) or is flushed (the process went quiet, or ended). Bytes that are not
// UTF-8 become U+FFFD; a character split between two reads is kept whole.
class OutputLines {
public:
    explicit OutputLines(qsizetype maxPending = 64 * 1024) : maxPending_(maxPending) {}

    // The whole lines `bytes` completes (each ending in '\n'), or empty.
    QString add(const QByteArray &bytes);
    // Whatever is pending, even without its line end (but a character the
    // next read completes waits for it); empty if nothing is.
    QString flush();
    // Everything pending: the stream has ended.
    QString finish();
    bool hasPending() const { return !pending_.isEmpty(); }

private:
    QByteArray pending_;
    qsizetype maxPending_;
};

} // namespace forkscope
