#include "client/start_command.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <algorithm>
#include <cctype>

namespace forkscope {

namespace {

constexpr int kGitTimeoutMs = 2000;
constexpr const char *kCommandKeys[] = {"program", "args", "executable", "root", "git"};

// argv as the kernel has it: NUL-separated, including arguments with
// spaces or newlines that no shell quoting survived.
QStringList processArguments()
{
    QFile f(QStringLiteral("/proc/self/cmdline"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray all = f.readAll();
    if (all.endsWith('\0'))
        all.chop(1);
    QStringList out;
    for (const QByteArray &part : all.split('\0'))
        out << QString::fromUtf8(part);
    return out;
}

Json stringArray(const QStringList &list)
{
    Json out = Json::array();
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

} // namespace

QString gitCommitAt(const QString &folder)
{
    const QString git = QStandardPaths::findExecutable(QStringLiteral("git"));
    if (git.isEmpty() || !QFileInfo(folder).isDir())
        return {};
    QProcess p;
    p.setWorkingDirectory(folder);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(git, {QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("--quiet"),
                  QStringLiteral("HEAD")});
    if (!p.waitForStarted(kGitTimeoutMs))
        return {};
    if (!p.waitForFinished(kGitTimeoutMs)) {
        p.kill();
        p.waitForFinished(kGitTimeoutMs);
        return {};
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return {};
    const QString commit = QString::fromLatin1(p.readAllStandardOutput()).trimmed();
    // A commit is 40 (SHA-1) or 64 (SHA-256) hex digits; anything else is not.
    const bool hex = std::all_of(commit.begin(), commit.end(), [](QChar c) { return isxdigit(c.unicode()) != 0; });
    return hex && (commit.size() == 40 || commit.size() == 64) ? commit : QString();
}

Json startCommandMetadata(const QString &program, const QStringList &args, const QString &executable,
                          const QString &workingFolder)
{
    Json out = Json::object();
    if (!program.isEmpty())
        out["program"] = program.toStdString();
    out["args"] = stringArray(args);
    if (!executable.isEmpty())
        out["executable"] = executable.toStdString();
    if (!workingFolder.isEmpty())
        out["root"] = workingFolder.toStdString();
    if (const QString commit = gitCommitAt(workingFolder); !commit.isEmpty())
        out["git"] = {{"commit", commit.toStdString()}};
    return out;
}

Json startCommandMetadata()
{
    const QStringList argv = processArguments();
    const QString executable = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
    return startCommandMetadata(argv.value(0), argv.mid(1), executable, QDir::currentPath());
}

Json startCommandKeys(const Json &metadata)
{
    Json out = Json::object();
    if (!metadata.is_object())
        return out;
    for (const char *key : kCommandKeys) {
        if (auto it = metadata.find(key); it != metadata.end())
            out[key] = *it;
    }
    return out;
}

Json restartedMetadata(const Json &stored, const Json &started)
{
    Json out = stored.is_object() ? stored : Json::object();
    for (const char *key : kCommandKeys) {
        if (auto it = started.find(key); it != started.end())
            out[key] = *it;
        else
            out.erase(key);
    }
    return out;
}

Json withStartCommand(const Json &metadata, const Json &recorded)
{
    Json out = metadata.is_object() ? metadata : Json::object();
    for (auto it = recorded.begin(); it != recorded.end(); ++it) {
        if (!out.contains(it.key()))
            out[it.key()] = it.value();
    }
    return out;
}

} // namespace forkscope
