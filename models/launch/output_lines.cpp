#include "launch/output_lines.h"

namespace forkscope {

namespace {

// The length of `bytes` without a UTF-8 sequence its end cuts short.
qsizetype completeUtf8Length(const QByteArray &bytes)
{
    qsizetype end = bytes.size();
    // A sequence is at most 4 bytes: look at the last 3 for its lead byte.
    for (qsizetype back = 1; back <= 3 && back <= bytes.size(); ++back) {
        const auto byte = static_cast<unsigned char>(bytes.at(end - back));
        if ((byte & 0xC0) == 0x80)
            continue; // continuation byte
        const int need = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
        return need > back ? end - back : end;
    }
    return end;
}

} // namespace

QString OutputLines::add(const QByteArray &bytes)
{
    pending_ += bytes;
    const qsizetype lineEnd = pending_.lastIndexOf('\n');
    if (lineEnd >= 0) {
        const QString text = QString::fromUtf8(pending_.constData(), lineEnd + 1);
        pending_.remove(0, lineEnd + 1);
        return text;
    }
    if (pending_.size() > maxPending_) {
        const qsizetype cut = completeUtf8Length(pending_);
        const QString text = QString::fromUtf8(pending_.constData(), cut);
        pending_.remove(0, cut);
        return text;
    }
    return {};
}

QString OutputLines::flush()
{
    const qsizetype cut = completeUtf8Length(pending_);
    const QString text = QString::fromUtf8(pending_.constData(), cut);
    pending_.remove(0, cut);
    return text;
}

QString OutputLines::finish()
{
    const QString text = QString::fromUtf8(pending_);
    pending_.clear();
    return text;
}

} // namespace forkscope
