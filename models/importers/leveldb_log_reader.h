#pragma once

#include <string>
#include <string_view>

#include "importers/read_stop.h"

namespace forkscope {

// Reads the records of a .wandb file: W&B's variant of the LevelDB log
// format (7-byte ":W&B" header, 32 KiB blocks of checksummed chunks that
// reassemble into records). Stops at the first problem and says where.
class LevelDbLogReader {
public:
    static constexpr std::size_t kBlockSize = 32768;
    static constexpr std::size_t kFileHeaderSize = 7;
    static constexpr std::size_t kChunkHeaderSize = 7;
    enum ChunkType : unsigned char { Full = 1, First = 2, Middle = 3, Last = 4 };

    // `file` is the whole file and must outlive the reader. A reader that
    // resumes starts at `start`, the end of a whole record an earlier reader
    // returned (block boundaries count from byte 0, so it needs the whole file).
    explicit LevelDbLogReader(std::string_view file, std::size_t start = 0)
        : data_(file), pos_(start), headerChecked_(start > 0)
    {
    }

    // The next whole record. The view is valid until the next call. Returns
    // false once stopped; stop() then says why.
    bool next(std::string_view &record, qint64 *recordOffset = nullptr);

    const ReadStop &stop() const { return stop_; }
    // Where the record after the last one returned starts (or the start).
    qint64 resumeOffset() const { return qint64(resumeAt_); }

private:
    bool checkFileHeader();
    bool halt(ReadStop::Kind kind, std::size_t offset, QString reason);

    std::string_view data_;
    std::size_t pos_ = 0;
    bool headerChecked_ = false;
    std::size_t resumeAt_ = pos_;
    std::string assembly_; // reused buffer for records split over several chunks
    ReadStop stop_;
};

} // namespace forkscope
