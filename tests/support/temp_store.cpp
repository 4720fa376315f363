#include "support/temp_store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace forkscope::test {

TempStore::TempStore() : path_(dir_.filePath(QStringLiteral("store.sqlite"))) {}

QString fixturePath(const QString &relative)
{
    return QStringLiteral(FORKSCOPE_FIXTURES_DIR "/") + relative;
}

bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    for (const QFileInfo &fi : QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + QLatin1Char('/') + fi.fileName();
        if (fi.isDir() ? !copyTree(fi.filePath(), target) : !QFile::copy(fi.filePath(), target))
            return false;
    }
    return true;
}

} // namespace forkscope::test
