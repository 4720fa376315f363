#pragma once

#include <QString>
#include <fstream>
#include <optional>
#include <string>

#include "core/json_qt.h"

namespace fs {

// One input line of `log`: the data of one Run::log() call.
struct LogLine {
    Json data;                    // without _step / _commit
    std::optional<qint64> step;   // from "_step"
    std::optional<bool> commit;   // from "_commit"
};

// Throws fs::Error(BadInput) that starts with "line N:" and says what is
// expected.
LogLine parseLogLine(const std::string &text, qint64 lineNumber);

// JSON lines from a file or stdin ("" or "-").
class LineSource {
public:
    // Throws fs::Error(BadInput) when the file cannot be read.
    explicit LineSource(const QString &file);
    // The next line without its line ending; false at the end of input.
    bool next(std::string &line);

private:
    std::ifstream file_;
    std::istream *in_ = nullptr;
};

} // namespace fs
