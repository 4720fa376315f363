#include "store/checkpoint.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include "store/checkpoint_file.h"

namespace forkscope {

namespace {

QString localPath(const QString &path)
{
    return path.startsWith(QLatin1String("file://")) ? QUrl(path).toLocalFile() : path;
}

} // namespace

std::optional<Checkpoint> checkpointToResume(const std::vector<Checkpoint> &checkpoints, qint64 forkStep)
{
    // The last one at or before the step: at the step itself a fork's own
    // re-registration comes after its source's, and both are the same weights.
    std::optional<Checkpoint> best;
    for (const auto &c : checkpoints) {
        if (c.step > forkStep)
            continue;
        if (!best || c.step >= best->step)
            best = c;
    }
    return best;
}

std::optional<Checkpoint> nearestCheckpoint(const std::vector<Checkpoint> &checkpoints, qint64 step)
{
    std::optional<Checkpoint> best;
    auto distance = [step](qint64 s) { return s > step ? quint64(s) - quint64(step) : quint64(step) - quint64(s); };
    for (const auto &c : checkpoints) {
        if (!best || distance(c.step) < distance(best->step) ||
            (distance(c.step) == distance(best->step) && c.step < best->step))
            best = c;
    }
    return best;
}

CheckpointFileState checkCheckpointFile(const Checkpoint &checkpoint)
{
    if (isRemoteCheckpointUri(checkpoint.path))
        return {true, true};
    const QString path = localPath(checkpoint.path);
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        return {false, false};
    CheckpointFileState state{true, true};
    if (checkpoint.size && info.size() != *checkpoint.size)
        return {true, false}; // no need to read it
    if (checkpoint.sha256.isEmpty())
        return state;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {true, false}; // cannot be read: cannot be trusted to be the same
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {true, false};
    state.matches = QString::fromLatin1(hash.result().toHex()) == checkpoint.sha256;
    return state;
}

} // namespace forkscope
