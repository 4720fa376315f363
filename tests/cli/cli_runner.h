#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <vector>

#include "core/json_qt.h"

namespace forkscope::test {

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;

    // stdout as the one JSON object --json prints.
    Json json() const;
    // stdout as JSON lines.
    std::vector<Json> jsonLines() const;
};

// Runs the real forkscope-cli against `store` (--store is added first),
// feeding `input` to stdin.
CliResult runCli(const QString &store, const QStringList &args, const QByteArray &input = {},
                 const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

// Waits for a started `process` (up to `timeoutMs`; past it the process is
// killed and the test fails naming `what`) and collects its exit code and output.
CliResult finishCli(QProcess &process, const QString &what, int timeoutMs = 300000);

// Starts the real forkscope-cli against `store` without waiting for it;
// false (with a test failure) if it did not start.
bool startCli(QProcess &process, const QString &store, const QStringList &args,
              const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

// `show RUN --json`'s state of a run named by path ("" if show failed).
std::string runState(const QString &store, const QString &runPath,
                     const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

// The first column of the first row of `sql`, read straight from the store
// file with SQLite (read-only), as text; "" if there is none.
QString queryStore(const QString &path, const char *sql);
// SQLite's own PRAGMA integrity_check of the store file ("ok" when sound).
inline QString integrityCheck(const QString &path)
{
    return queryStore(path, "PRAGMA integrity_check");
}

// {"key": value} per line, from JSON text lines.
QByteArray jsonLinesText(const std::vector<Json> &rows);

// Writes `bytes` to `path`; returns false on failure.
bool writeFile(const QString &path, const QByteArray &bytes);
QByteArray readFile(const QString &path);

} // namespace forkscope::test
