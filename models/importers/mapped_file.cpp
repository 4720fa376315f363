#include "importers/mapped_file.h"

#include <QCoreApplication>

#include "core/error.h"

namespace forkscope {

MappedFile::MappedFile(const QString &path) : file_(path)
{
    if (!file_.open(QIODevice::ReadOnly))
        throw Error(
            Error::Kind::NotFound,
            QCoreApplication::translate("forkscope::Importers", "cannot open %1: %2").arg(path, file_.errorString()));
    const qint64 size = file_.size();
    if (size > 0) {
        if (uchar *p = file_.map(0, size)) {
            data_ = std::string_view(reinterpret_cast<const char *>(p), size_t(size));
            return;
        }
    }
    buffer_ = file_.readAll();
    if (file_.error() != QFileDevice::NoError)
        throw Error(
            Error::Kind::NotFound,
            QCoreApplication::translate("forkscope::Importers", "cannot read %1: %2").arg(path, file_.errorString()));
    data_ = std::string_view(buffer_.constData(), size_t(buffer_.size()));
}

} // namespace forkscope
