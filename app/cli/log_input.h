#pragma once

#include <QString>
#include <optional>
#include <string>

#include "core/json_qt.h"

namespace forkscope {

// One input line of `log`: the data of one Run::log() call.
struct LogLine {
    Json data;                  // without _step / _commit
    std::optional<qint64> step; // from "_step"
    std::optional<bool> commit; // from "_commit"
};

// Throws forkscope::Error(BadInput) that starts with "line N:" and says what is
// expected.
LogLine parseLogLine(const std::string &text, qint64 lineNumber);

// JSON lines from a file or stdin ("" or "-"). Reads with read(2), so a read
// error is an error and never taken for the end of input.
class LineSource {
public:
    // A longer line is refused (it would be read whole into memory).
    static constexpr size_t kMaxLineBytes = size_t(64) << 20;

    // Throws forkscope::Error(BadInput) when the file cannot be read or is a folder.
    explicit LineSource(const QString &file, size_t maxLineBytes = kMaxLineBytes);
    ~LineSource();
    LineSource(const LineSource &) = delete;
    LineSource &operator=(const LineSource &) = delete;

    // The next line without its line ending; false at the end of input.
    // Throws forkscope::Error naming the line when reading fails or the line is
    // longer than the limit.
    bool next(std::string &line);

private:
    bool fill(); // false at the end of input

    QString name_; // for messages: "stdin" or the file
    int fd_ = -1;
    bool ownFd_ = false;
    size_t maxLineBytes_;
    std::string buffer_;
    size_t pos_ = 0;     // start of the next line in buffer_
    size_t scanned_ = 0; // buffer_ before this holds no '\n' after pos_
    bool eof_ = false;
    qint64 lineNumber_ = 0;
};

} // namespace forkscope
