#pragma once

#include <string_view>

#include "importers/read_stop.h"

namespace forkscope {

// Reads TFRecord framing (TensorBoard event files): uint64 LE length,
// masked CRC-32C of the length, data, masked CRC-32C of the data.
// Stops at the first problem and says where.
class TfRecordReader {
public:
    static constexpr std::size_t kHeaderSize = 12;
    static constexpr std::size_t kFooterSize = 4;

    // `file` is the whole file and must outlive the reader; reading starts
    // at `start` (the end of a record an earlier reader returned).
    explicit TfRecordReader(std::string_view file, std::size_t start = 0) : data_(file), pos_(start) {}

    // The next whole record (a view into the file). Returns false once
    // stopped; stop() then says why.
    bool next(std::string_view &record, qint64 *recordOffset = nullptr);

    const ReadStop &stop() const { return stop_; }
    // Where the record after the last one returned starts.
    qint64 resumeOffset() const { return qint64(pos_); }

private:
    bool halt(ReadStop::Kind kind, std::size_t offset, QString reason);

    std::string_view data_;
    std::size_t pos_ = 0;
    ReadStop stop_;
};

} // namespace forkscope
