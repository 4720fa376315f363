#pragma once

#include <string_view>

#include "importers/read_stop.h"

namespace fs {

// Reads TFRecord framing (TensorBoard event files): uint64 LE length,
// masked CRC-32C of the length, data, masked CRC-32C of the data.
// Stops at the first problem and says where.
class TfRecordReader {
public:
    static constexpr std::size_t kHeaderSize = 12;
    static constexpr std::size_t kFooterSize = 4;

    // `file` is the whole file and must outlive the reader.
    explicit TfRecordReader(std::string_view file) : data_(file) {}

    // The next whole record (a view into the file). Returns false once
    // stopped; stop() then says why.
    bool next(std::string_view &record, qint64 *recordOffset = nullptr);

    const ReadStop &stop() const { return stop_; }

private:
    bool halt(ReadStop::Kind kind, std::size_t offset, QString reason);

    std::string_view data_;
    std::size_t pos_ = 0;
    ReadStop stop_;
};

} // namespace fs
