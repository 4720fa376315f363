#include "cli/cli_runner.h"

#include <QFile>
#include <QProcess>
#include <gtest/gtest.h>
#include <sqlite3.h>

namespace forkscope::test {

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

CliResult runCli(const QString &store, const QStringList &args, const QByteArray &input, const QProcessEnvironment &env)
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
    return finishCli(process, QStringLiteral("forkscope-cli ") + args.join(QLatin1Char(' ')));
}

CliResult finishCli(QProcess &process, const QString &what, int timeoutMs)
{
    if (!process.waitForFinished(timeoutMs)) {
        ADD_FAILURE() << what.toStdString() << " did not finish";
        process.kill();
        process.waitForFinished();
    }
    CliResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

bool startCli(QProcess &process, const QString &store, const QStringList &args, const QProcessEnvironment &env)
{
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(FORKSCOPE_CLI_PATH), QStringList{QStringLiteral("--store"), store} + args);
    if (process.waitForStarted(30000))
        return true;
    ADD_FAILURE() << "forkscope-cli did not start: " << process.errorString().toStdString();
    return false;
}

std::string runState(const QString &store, const QString &runPath, const QProcessEnvironment &env)
{
    const CliResult show = runCli(store, {QStringLiteral("show"), runPath, QStringLiteral("--json")}, {}, env);
    return show.exitCode == 0 ? show.json().value("state", std::string()) : std::string();
}

QString queryStore(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    QString result;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 30000); // a writer may hold the store a moment
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            result = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
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

} // namespace forkscope::test
