#include "cli/cli_runner.h"

#include <QFile>
#include <QProcess>
#include <gtest/gtest.h>
#include <sqlite3.h>

namespace fs::test {

Json CliResult::json() const
{
    return parseJson(out.trimmed().toStdString(), QStringLiteral("forkscope-cli output"));
}

std::vector<Json> CliResult::jsonLines() const
{
    std::vector<Json> rows;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        rows.push_back(parseJson(line.toStdString(), QStringLiteral("history line")));
    return rows;
}

CliResult runCli(const QString &store, const QStringList &args, const QByteArray &input,
                 const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(FORKSCOPE_CLI_PATH), QStringList{QStringLiteral("--store"), store} + args);
    CliResult result;
    if (!process.waitForStarted(30000)) {
        ADD_FAILURE() << "forkscope-cli did not start: " << process.errorString().toStdString();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(300000)) {
        ADD_FAILURE() << "forkscope-cli " << args.join(QLatin1Char(' ')).toStdString() << " did not finish";
        process.kill();
        process.waitForFinished();
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QByteArray jsonLinesText(const std::vector<Json> &rows)
{
    QByteArray out;
    for (const auto &r : rows) {
        out += QByteArray::fromStdString(dumpJson(r));
        out += '\n';
    }
    return out;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString integrityCheck(const QString &path)
{
    sqlite3 *db = nullptr;
    QString result;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            result = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return result;
}

} // namespace fs::test
