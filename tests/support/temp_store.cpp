#include "support/temp_store.h"

namespace fs::test {

TempStore::TempStore() : path_(dir_.filePath(QStringLiteral("store.sqlite"))) {}

QString fixturePath(const QString &relative)
{
    return QStringLiteral(FORKSCOPE_FIXTURES_DIR "/") + relative;
}

} // namespace fs::test
