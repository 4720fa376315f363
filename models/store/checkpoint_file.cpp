#include "store/checkpoint_file.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>
#include <algorithm>

#include "core/error.h"
#include "store/store_text.h"

namespace forkscope {

bool isRemoteCheckpointUri(const QString &path)
{
    const int end = path.indexOf(QLatin1String("://"));
    if (end < 2) // a one-letter "scheme" is a drive letter
        return false;
    const QString scheme = path.left(end);
    const bool wellFormed = scheme.at(0).isLetter() && std::all_of(scheme.begin(), scheme.end(), [](QChar c) {
                                return (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('+') ||
                                       c == QLatin1Char('-') || c == QLatin1Char('.');
                            });
    return wellFormed && scheme.compare(QLatin1String("file"), Qt::CaseInsensitive) != 0;
}

NewCheckpoint describeCheckpointFile(const QString &path, qint64 step, const Json &metadata)
{
    NewCheckpoint c;
    c.step = step;
    c.metadata = metadata;
    c.createdAt = QDateTime::currentDateTimeUtc();
    if (isRemoteCheckpointUri(path)) {
        c.path = path;
        return c;
    }
    const QString local = path.startsWith(QLatin1String("file://")) ? QUrl(path).toLocalFile() : path;
    const QFileInfo info(local);
    if (local.isEmpty() || !info.exists())
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("checkpoint file '%1' does not exist; expected the path of the file the run saved "
                                  "(absolute, or relative to %2), or a URI such as s3://bucket/key")
                        .arg(path, QDir::currentPath()));
    if (!info.isFile())
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("checkpoint '%1' is not a file; expected the file the run saved (for weights "
                                  "saved as a folder, register the folder's main file)")
                        .arg(path));
    QFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("cannot read checkpoint file '%1': %2").arg(path, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        throw Error(Error::Kind::Storage,
                    StoreText::tr("cannot read checkpoint file '%1': %2").arg(path, file.errorString()));
    c.path = QDir::cleanPath(info.absoluteFilePath());
    c.size = file.size();
    c.sha256 = QString::fromLatin1(hash.result().toHex());
    return c;
}

} // namespace forkscope
