#include "cli/log_input.h"

#include <QFileInfo>
#include <cmath>
#include <iostream>

#include "cli/cli_tr.h"
#include "core/error.h"

namespace fs {

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
        const Json &s = *it;
        const double v = s.is_number() ? s.get<double>() : -1.0;
        // Whole and well inside qint64; 2^53 keeps doubles exact too.
        if (!s.is_number() || v < 0 || v > 9007199254740992.0 || v != std::floor(v))
            badLine(lineNumber, Cli::tr("_step is %1; expected a whole number >= 0").arg(toQ(dumpJson(s))));
        out.step = s.is_number_integer() ? s.get<qint64>() : qint64(v);
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

LineSource::LineSource(const QString &file)
{
    if (file.isEmpty() || file == QLatin1String("-")) {
        std::ios::sync_with_stdio(false);
        in_ = &std::cin;
        return;
    }
    const QFileInfo info(file);
    if (!info.exists() || info.isDir())
        throw Error(Error::Kind::BadInput,
                    Cli::tr("--file '%1' %2; expected a file of JSON lines")
                        .arg(file, info.isDir() ? Cli::tr("is a folder") : Cli::tr("does not exist")));
    file_.open(file.toLocal8Bit().toStdString(), std::ios::binary);
    if (!file_)
        throw Error(Error::Kind::BadInput,
                    Cli::tr("--file '%1' cannot be read; expected a readable file of JSON lines").arg(file));
    in_ = &file_;
}

bool LineSource::next(std::string &line)
{
    if (!std::getline(*in_, line))
        return false;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return true;
}

} // namespace fs
