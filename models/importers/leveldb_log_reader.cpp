#include "importers/leveldb_log_reader.h"

#include <cstdint>
#include <cstring>

#include <QCoreApplication>
#include <zlib.h>

#include "importers/importer_text.h"

namespace forkscope {

namespace {

constexpr char kMagic[] = {':', 'W', '&', 'B', char(0xe1), char(0xbe), 0};

std::uint32_t readLe32(const char *p)
{
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

std::uint16_t readLe16(const char *p)
{
    return std::uint16_t(std::uint8_t(p[0]) | std::uint8_t(p[1]) << 8);
}

bool allZero(std::string_view s)
{
    for (char c : s)
        if (c != 0)
            return false;
    return true;
}

QString hex(std::uint32_t v, int width = 8)
{
    return QStringLiteral("0x%1").arg(v, width, 16, QLatin1Char('0'));
}

} // namespace

bool LevelDbLogReader::halt(ReadStop::Kind kind, std::size_t offset, QString reason)
{
    stop_.kind = kind;
    stop_.offset = qint64(offset);
    stop_.reason = std::move(reason);
    return false;
}

bool LevelDbLogReader::checkFileHeader()
{
    headerChecked_ = true;
    const std::size_t n = std::min(data_.size(), kFileHeaderSize);
    if (data_.empty())
        return halt(ReadStop::Kind::Truncated, 0,
                    ImporterText::tr("file is empty; expected the 7-byte W&B header (\":W&B\", 0xBEE1, version 0)"));
    if (std::memcmp(data_.data(), kMagic, std::min<std::size_t>(n, 4)) != 0)
        return halt(ReadStop::Kind::NotThisFormat, 0,
                    ImporterText::tr("not a .wandb file: expected \":W&B\" at byte 0"));
    if (n > 4 && std::memcmp(data_.data() + 4, kMagic + 4, std::min<std::size_t>(n, 6) - 4) != 0)
        return halt(ReadStop::Kind::NotThisFormat, 4,
                    ImporterText::tr("not a .wandb file: expected identifier 0xBEE1 (bytes e1 be) at byte 4"));
    if (n > 6 && data_[6] != 0)
        return halt(ReadStop::Kind::NotThisFormat, 6,
                    ImporterText::tr("unsupported .wandb version %1 at byte 6; expected version 0")
                        .arg(static_cast<unsigned>(static_cast<std::uint8_t>(data_[6]))));
    if (n < kFileHeaderSize)
        return halt(ReadStop::Kind::Truncated, n,
                    ImporterText::tr("file ends at byte %1 inside the 7-byte W&B header").arg(qulonglong(n)));
    pos_ = kFileHeaderSize;
    resumeAt_ = pos_;
    return true;
}

bool LevelDbLogReader::next(std::string_view &record, qint64 *recordOffset)
{
    if (stop_.isStopped())
        return false;
    if (!headerChecked_ && !checkFileHeader())
        return false;

    const std::size_t size = data_.size();
    bool inRecord = false;
    std::size_t recordStart = 0;
    for (;;) {
        if (pos_ >= size) {
            if (inRecord)
                return halt(ReadStop::Kind::Truncated, size,
                            ImporterText::tr("file ends at byte %1 inside the record that starts at byte %2; "
                                             "expected its MIDDLE/LAST chunks")
                                .arg(qulonglong(size))
                                .arg(qulonglong(recordStart)));
            return halt(ReadStop::Kind::End, size, {});
        }
        const std::size_t blockEnd = (pos_ / kBlockSize + 1) * kBlockSize;
        if (blockEnd - pos_ < kChunkHeaderSize) { // block trailer: padding
            pos_ = blockEnd;
            continue;
        }
        if (size - pos_ < kChunkHeaderSize) {
            const std::string_view tail = data_.substr(pos_);
            if (!inRecord && allZero(tail)) { // zero padding written ahead of data
                pos_ = size;
                continue;
            }
            return halt(ReadStop::Kind::Truncated, pos_,
                        ImporterText::tr("file ends at byte %1 inside the 7-byte chunk header that starts at byte %2")
                            .arg(qulonglong(size))
                            .arg(qulonglong(pos_)));
        }
        const char *h = data_.data() + pos_;
        const std::uint32_t storedCrc = readLe32(h);
        const std::size_t length = readLe16(h + 4);
        const auto type = std::uint8_t(h[6]);
        if (storedCrc == 0 && length == 0 && type == 0) { // rest of the block is padding
            pos_ = blockEnd;
            continue;
        }
        if (type < Full || type > Last)
            return halt(
                ReadStop::Kind::Corrupt, pos_,
                ImporterText::tr("chunk at byte %1 has type %2; expected 1 (FULL), 2 (FIRST), 3 (MIDDLE) or 4 (LAST)")
                    .arg(qulonglong(pos_))
                    .arg(int(type)));
        if (kChunkHeaderSize + length > blockEnd - pos_)
            return halt(ReadStop::Kind::Corrupt, pos_,
                        ImporterText::tr("chunk at byte %1 declares %2 payload bytes, past its block end at byte %3")
                            .arg(qulonglong(pos_))
                            .arg(qulonglong(length))
                            .arg(qulonglong(blockEnd)));
        if (kChunkHeaderSize + length > size - pos_)
            return halt(
                ReadStop::Kind::Truncated, pos_,
                ImporterText::tr("file ends mid-record at byte %1: the chunk at byte %2 declares %3 payload bytes "
                                 "but only %4 remain")
                    .arg(qulonglong(size))
                    .arg(qulonglong(pos_))
                    .arg(qulonglong(length))
                    .arg(qulonglong(size - pos_ - kChunkHeaderSize)));
        const char *payload = h + kChunkHeaderSize;
        uLong crc = ::crc32(0L, reinterpret_cast<const Bytef *>(h + 6), 1);
        crc = ::crc32(crc, reinterpret_cast<const Bytef *>(payload), uInt(length));
        if (std::uint32_t(crc) != storedCrc)
            return halt(
                ReadStop::Kind::Corrupt, pos_,
                ImporterText::tr(
                    "bad checksum for the chunk at byte %1: stored %2, expected %3 (CRC-32 of type and payload)")
                    .arg(qulonglong(pos_))
                    .arg(hex(storedCrc), hex(std::uint32_t(crc))));

        const std::size_t chunkStart = pos_;
        const std::string_view piece(payload, length);
        switch (type) {
        case Full:
            if (inRecord)
                return halt(ReadStop::Kind::Corrupt, chunkStart,
                            ImporterText::tr("FULL chunk at byte %1 inside the record that starts at byte %2; "
                                             "expected a MIDDLE or LAST chunk")
                                .arg(qulonglong(chunkStart))
                                .arg(qulonglong(recordStart)));
            pos_ += kChunkHeaderSize + length;
            resumeAt_ = pos_;
            record = piece;
            if (recordOffset)
                *recordOffset = qint64(chunkStart);
            return true;
        case First:
            if (inRecord)
                return halt(ReadStop::Kind::Corrupt, chunkStart,
                            ImporterText::tr("FIRST chunk at byte %1 inside the record that starts at byte %2; "
                                             "expected a MIDDLE or LAST chunk")
                                .arg(qulonglong(chunkStart))
                                .arg(qulonglong(recordStart)));
            inRecord = true;
            recordStart = chunkStart;
            assembly_.assign(piece);
            break;
        case Middle:
        case Last:
            if (!inRecord)
                return halt(ReadStop::Kind::Corrupt, chunkStart,
                            ImporterText::tr("%1 chunk at byte %2 without a FIRST chunk before it")
                                .arg(type == Middle ? QStringLiteral("MIDDLE") : QStringLiteral("LAST"))
                                .arg(qulonglong(chunkStart)));
            assembly_.append(piece);
            if (type == Last) {
                pos_ += kChunkHeaderSize + length;
                resumeAt_ = pos_;
                record = assembly_;
                if (recordOffset)
                    *recordOffset = qint64(recordStart);
                return true;
            }
            break;
        }
        pos_ += kChunkHeaderSize + length;
    }
}

} // namespace forkscope
