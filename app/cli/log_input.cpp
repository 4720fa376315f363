#include "cli/log_input.h"

#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli_tr.h"
#include "core/error.h"
#include "core/step_rule.h"

namespace forkscope {

namespace {

[[noreturn]] void badLine(qint64 lineNumber, const QString &problem)
{
    throw Error(Error::Kind::BadInput, Cli::tr("line %1: %2").arg(lineNumber).arg(problem));
}

QString typeName(const Json &j)
{
    return QString::fromLatin1(j.type_name());
}

} // namespace

LogLine parseLogLine(const std::string &text, qint64 lineNumber)
{
    LogLine out;
    try {
        out.data = parseJson(text, Cli::tr("the line"));
    } catch (const Error &e) {
        badLine(lineNumber, e.message());
    }
    if (!out.data.is_object())
        badLine(lineNumber, Cli::tr("expected a JSON object such as {\"loss\": 0.25}, got %1").arg(typeName(out.data)));
    if (auto it = out.data.find("_step"); it != out.data.end()) {
        out.step = stepFromJson(*it);
        if (!out.step)
            badLine(lineNumber, Cli::tr("_step is %1; %2").arg(toQ(dumpJson(*it)), stepRuleText()));
        out.data.erase(it);
    }
    if (auto it = out.data.find("_commit"); it != out.data.end()) {
        if (!it->is_boolean())
            badLine(lineNumber, Cli::tr("_commit is %1; expected true or false").arg(toQ(dumpJson(*it))));
        out.commit = it->get<bool>();
        out.data.erase(it);
    }
    return out;
}

LineSource::LineSource(const QString &file, size_t maxLineBytes) : maxLineBytes_(maxLineBytes)
{
    if (file.isEmpty() || file == QLatin1String("-")) {
        name_ = Cli::tr("stdin");
        fd_ = STDIN_FILENO;
    } else {
        name_ = QStringLiteral("--file '%1'").arg(file);
        const QFileInfo info(file);
        if (!info.exists() || info.isDir())
            throw Error(Error::Kind::BadInput,
                        Cli::tr("--file '%1' %2; expected a file of JSON lines")
                            .arg(file, info.isDir() ? Cli::tr("is a folder") : Cli::tr("does not exist")));
        fd_ = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC);
        if (fd_ < 0)
            throw Error(Error::Kind::BadInput,
                        Cli::tr("--file '%1' cannot be read; expected a readable file of JSON lines").arg(file));
        ownFd_ = true;
    }
    struct stat st {};
    if (::fstat(fd_, &st) == 0 && S_ISDIR(st.st_mode))
        throw Error(Error::Kind::BadInput, Cli::tr("%1 is a folder; expected JSON lines").arg(name_));
}

LineSource::~LineSource()
{
    if (ownFd_)
        ::close(fd_);
}

bool LineSource::fill()
{
    constexpr size_t kBlock = size_t(1) << 20;
    // Drop the lines already handed out before growing the buffer.
    if (pos_ > 0) {
        buffer_.erase(0, pos_);
        scanned_ -= pos_;
        pos_ = 0;
    }
    const size_t old = buffer_.size();
    buffer_.resize(old + kBlock);
    for (;;) {
        const ssize_t n = ::read(fd_, buffer_.data() + old, kBlock);
        if (n >= 0) {
            buffer_.resize(old + size_t(n));
            return n > 0;
        }
        if (errno == EINTR)
            continue;
        const int error = errno;
        buffer_.resize(old);
        throw Error(error == EISDIR ? Error::Kind::BadInput : Error::Kind::Storage,
                    Cli::tr("line %1: reading %2 failed (%3); the lines before it are logged")
                        .arg(lineNumber_ + 1)
                        .arg(name_, QString::fromLocal8Bit(std::strerror(error))));
    }
}

bool LineSource::next(std::string &line)
{
    for (;;) {
        const size_t nl = buffer_.find('\n', scanned_);
        const size_t end = nl == std::string::npos ? buffer_.size() : nl;
        if (end - pos_ > maxLineBytes_)
            throw Error(Error::Kind::BadInput,
                        Cli::tr("line %1 is longer than %2 bytes; expected one JSON object per line of at most %2 "
                                "bytes")
                            .arg(lineNumber_ + 1)
                            .arg(qulonglong(maxLineBytes_)));
        if (nl != std::string::npos || (eof_ && pos_ < buffer_.size())) {
            line.assign(buffer_, pos_, end - pos_);
            pos_ = scanned_ = nl == std::string::npos ? end : end + 1;
            ++lineNumber_;
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            return true;
        }
        if (eof_)
            return false;
        scanned_ = buffer_.size();
        eof_ = !fill();
    }
}

} // namespace forkscope
