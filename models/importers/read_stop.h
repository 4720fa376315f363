#pragma once

#include <QString>

namespace forkscope {

// Why a record reader stopped. Readers yield every whole record before
// `offset` and nothing after it.
struct ReadStop {
    enum class Kind {
        Reading,      // not stopped yet
        End,          // clean end of file
        Truncated,    // the file ends inside a header or record (cut or still being written)
        Corrupt,      // bad checksum or impossible framing
        NotThisFormat // the file header is wrong: not this kind of file at all
    };
    Kind kind = Kind::Reading;
    qint64 offset = 0; // byte offset in the file where reading stopped
    QString reason;    // empty for End; else names what, where and what was expected

    bool isClean() const { return kind == Kind::End; }
    bool isStopped() const { return kind != Kind::Reading; }
};

} // namespace forkscope
