#pragma once

#include <string_view>

#include <QByteArray>
#include <QFile>
#include <QString>

namespace forkscope {

// A whole file's bytes, memory-mapped when possible (one read otherwise), so
// the readers can walk it without copying.
class MappedFile {
public:
    // Throws forkscope::Error(NotFound) if the file cannot be opened or read.
    explicit MappedFile(const QString &path);
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;

    std::string_view data() const { return data_; }

private:
    QFile file_;
    QByteArray buffer_;
    std::string_view data_;
};

} // namespace forkscope
