#include "importers/tfrecord_reader.h"

#include <cstdint>
#include <cstring>

#include <QCoreApplication>

#include "importers/crc32c.h"

namespace forkscope {

namespace {

QString hex(std::uint32_t v)
{
    return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0'));
}

} // namespace

bool TfRecordReader::halt(ReadStop::Kind kind, std::size_t offset, QString reason)
{
    stop_.kind = kind;
    stop_.offset = qint64(offset);
    stop_.reason = std::move(reason);
    return false;
}

bool TfRecordReader::next(std::string_view &record, qint64 *recordOffset)
{
    if (stop_.isStopped())
        return false;
    const std::size_t size = data_.size();
    if (pos_ == size)
        return halt(ReadStop::Kind::End, pos_, {});
    const std::size_t left = size - pos_;
    if (left < kHeaderSize)
        return halt(
            ReadStop::Kind::Truncated, pos_,
            QCoreApplication::translate("forkscope::Importers",
                                        "file ends at byte %1 inside the 12-byte header of the record at byte %2")
                .arg(qulonglong(size))
                .arg(qulonglong(pos_)));
    const char *h = data_.data() + pos_;
    std::uint64_t length;
    std::uint32_t storedLengthCrc;
    std::memcpy(&length, h, 8);
    std::memcpy(&storedLengthCrc, h + 8, 4);
    const std::uint32_t lengthCrc = maskCrc32c(crc32c(h, 8));
    if (lengthCrc != storedLengthCrc)
        return halt(ReadStop::Kind::Corrupt, pos_,
                    QCoreApplication::translate("forkscope::Importers",
                                                "bad length checksum for the record at byte %1: stored %2, expected %3 "
                                                "(masked CRC-32C of the 8 length bytes)")
                        .arg(qulonglong(pos_))
                        .arg(hex(storedLengthCrc), hex(lengthCrc)));
    if (length > left - kHeaderSize || left - kHeaderSize - length < kFooterSize)
        return halt(
            ReadStop::Kind::Truncated, pos_,
            QCoreApplication::translate("forkscope::Importers",
                                        "file ends mid-record at byte %1: the record at byte %2 declares %3 data bytes "
                                        "plus a 4-byte checksum but only %4 bytes follow its header")
                .arg(qulonglong(size))
                .arg(qulonglong(pos_))
                .arg(qulonglong(length))
                .arg(qulonglong(left - kHeaderSize)));
    const char *payload = h + kHeaderSize;
    std::uint32_t storedDataCrc;
    std::memcpy(&storedDataCrc, payload + length, 4);
    const std::uint32_t dataCrc = maskCrc32c(crc32c(payload, std::size_t(length)));
    if (dataCrc != storedDataCrc)
        return halt(ReadStop::Kind::Corrupt, pos_,
                    QCoreApplication::translate("forkscope::Importers",
                                                "bad data checksum for the record at byte %1: stored %2, expected %3 "
                                                "(masked CRC-32C of the data)")
                        .arg(qulonglong(pos_))
                        .arg(hex(storedDataCrc), hex(dataCrc)));
    record = std::string_view(payload, std::size_t(length));
    if (recordOffset)
        *recordOffset = qint64(pos_);
    pos_ += kHeaderSize + std::size_t(length) + kFooterSize;
    return true;
}

} // namespace forkscope
