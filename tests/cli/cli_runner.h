#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <vector>

#include "core/json_qt.h"

namespace fs::test {

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

// {"key": value} per line, from JSON text lines.
QByteArray jsonLinesText(const std::vector<Json> &rows);

// Writes `bytes` to `path`; returns false on failure.
bool writeFile(const QString &path, const QByteArray &bytes);
QByteArray readFile(const QString &path);

// SQLite's PRAGMA integrity_check on the store file: "ok" when it is sound.
QString integrityCheck(const QString &path);

} // namespace fs::test
