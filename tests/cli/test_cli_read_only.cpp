// Reading never writes (issue 16, item 10): read commands open the store
// read-only, refuse empty and special files, and leave every byte as it was.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include "cli/cli_runner.h"
#include "support/temp_store.h"

using namespace fs;
using namespace fs::test;

namespace {

const QList<QStringList> kReads{{"projects"},
                                {"runs", "--project", "p"},
                                {"show", "r1", "--project", "p"},
                                {"history", "r1", "--project", "p"},
                                {"check"}};

// A pragma's value as text, read without writing.
std::string pragma(const QString &path, const std::string &name)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, ("PRAGMA " + name).c_str(), -1, &st, nullptr);
    std::string value;
    if (st && sqlite3_step(st) == SQLITE_ROW)
        value = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return value;
}

bool execSql(const QString &path, const std::string &sql)
{
    sqlite3 *db = nullptr;
    const bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK &&
                    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

void makeStore(const QString &path)
{
    ASSERT_EQ(runCli(path, {"init", "--project", "p", "--id", "r1"}).exitCode, 0);
    ASSERT_EQ(runCli(path, {"log", "r1", "--project", "p"}, "{\"loss\": 0.5}\n{\"loss\": 0.25}\n").exitCode, 0);
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

// forkscope-cli as a user that file permissions bind (tests run as root,
// whom a chmod does not stop): `setpriv` to nobody when root.
CliResult runUnprivileged(const QString &store, const QStringList &args)
{
    QStringList command{QStringLiteral(FORKSCOPE_CLI_PATH), QStringLiteral("--store"), store};
    command += args;
    QString program = command.takeFirst();
    if (geteuid() == 0) {
        command.prepend(program);
        command = QStringList{"--reuid=65534", "--regid=65534", "--clear-groups", "--"} + command;
        program = QStringLiteral("setpriv");
    }
    QProcess process;
    process.start(program, command);
    CliResult r;
    if (!process.waitForStarted(30000) || !process.waitForFinished(120000)) {
        ADD_FAILURE() << "could not run " << program.toStdString() << ": " << process.errorString().toStdString();
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

} // namespace

TEST(CliReadOnly, ReadCommandsLeaveARollbackJournalStoreByteIdentical)
{
    TempStore store;
    makeStore(store.path());
    ASSERT_TRUE(execSql(store.path(), "PRAGMA journal_mode=DELETE"));
    const QByteArray before = readFile(store.path());
    const QStringList files = filesIn(store.dir());
    for (const QStringList &args : kReads) {
        const auto r = runCli(store.path(), args);
        EXPECT_EQ(r.exitCode, 0) << args.join(' ').toStdString() << ": " << r.err.toStdString();
        EXPECT_EQ(readFile(store.path()), before) << args.join(' ').toStdString();
        EXPECT_EQ(pragma(store.path(), "journal_mode"), "delete") << args.join(' ').toStdString();
        EXPECT_EQ(filesIn(store.dir()), files) << args.join(' ').toStdString();
    }
    EXPECT_TRUE(runCli(store.path(), {"history", "r1", "--project", "p"}).out.contains("0.25"));
}

TEST(CliReadOnly, ReadCommandsLeaveAWalStoreByteIdentical)
{
    TempStore store;
    makeStore(store.path());
    ASSERT_EQ(pragma(store.path(), "journal_mode"), "wal");
    const QByteArray before = readFile(store.path());
    for (const QStringList &args : kReads) {
        const auto r = runCli(store.path(), args);
        EXPECT_EQ(r.exitCode, 0) << args.join(' ').toStdString() << ": " << r.err.toStdString();
        EXPECT_EQ(readFile(store.path()), before) << args.join(' ').toStdString();
    }
}

TEST(CliReadOnly, EmptyFileIsRefusedAndStaysEmpty)
{
    TempStore store;
    ASSERT_TRUE(writeFile(store.path(), {}));
    for (const QStringList &args : kReads) {
        const auto r = runCli(store.path(), args);
        EXPECT_EQ(r.exitCode, 1) << args.join(' ').toStdString();
        EXPECT_TRUE(r.err.contains("is not a Forkscope store: it is empty") && r.err.contains(store.path()))
            << args.join(' ').toStdString() << ": " << r.err.toStdString();
        EXPECT_EQ(QFileInfo(store.path()).size(), 0) << args.join(' ').toStdString();
        EXPECT_EQ(filesIn(store.dir()), QStringList{"store.sqlite"}) << args.join(' ').toStdString();
    }
}

TEST(CliReadOnly, EmptySqliteDatabaseIsNotAStoreForReading)
{
    TempStore store;
    ASSERT_TRUE(execSql(store.path(), "PRAGMA journal_mode=DELETE; CREATE TABLE t(a); DROP TABLE t")); // valid, no tables
    const QByteArray before = readFile(store.path());
    const auto r = runCli(store.path(), {"projects"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains("empty SQLite database")) << r.err.toStdString();
    EXPECT_EQ(readFile(store.path()), before);
}

TEST(CliReadOnly, DeviceFileIsRefusedForReadingAndWriting)
{
    const bool journalExisted = QFile::exists("/dev/null-journal");
    for (const QStringList &args :
         kReads + QList<QStringList>{{"init", "--project", "p"}, {"log", "--project", "p"}}) {
        const auto r = runCli(QStringLiteral("/dev/null"), args, "{\"a\": 1}\n");
        EXPECT_EQ(r.exitCode, 2) << args.join(' ').toStdString();
        EXPECT_TRUE(r.err.contains("'/dev/null' is not a Forkscope store: it is a device"))
            << args.join(' ').toStdString() << ": " << r.err.toStdString();
    }
    if (!journalExisted) {
        EXPECT_FALSE(QFile::exists("/dev/null-journal"));
    }
}

TEST(CliReadOnly, StoreInAReadOnlyFolderIsReadAndLeftByteIdentical)
{
    QTemporaryDir base;
    ASSERT_TRUE(base.isValid());
    const QString dir = base.filePath("ro");
    ASSERT_TRUE(QDir().mkpath(dir));
    const QString path = dir + "/store.sqlite";
    makeStore(path);
    // A WAL store without -wal/-shm files (the last writer removed them), in
    // a folder where a reader cannot make them.
    ASSERT_EQ(filesIn(dir), QStringList{"store.sqlite"});
    const auto rx = QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                    QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
    ASSERT_TRUE(QFile::setPermissions(base.path(), rx | QFileDevice::WriteOwner));
    ASSERT_TRUE(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    ASSERT_TRUE(QFile::setPermissions(dir, rx));
    const QByteArray before = readFile(path);

    for (const QStringList &args : kReads) {
        const auto r = runUnprivileged(path, args);
        EXPECT_EQ(r.exitCode, 0) << args.join(' ').toStdString() << ": " << r.err.toStdString();
        EXPECT_FALSE(r.err.contains("readonly")) << r.err.toStdString();
        EXPECT_EQ(filesIn(dir), QStringList{"store.sqlite"}) << args.join(' ').toStdString();
    }
    EXPECT_TRUE(runUnprivileged(path, {"projects"}).out.contains("p"));
    EXPECT_TRUE(runUnprivileged(path, {"history", "r1", "--project", "p"}).out.contains("0.25"));
    // Writing is refused with SQLite's reason, and changes nothing either.
    const auto w = runUnprivileged(path, {"rename", "r1", "other", "--project", "p"});
    EXPECT_EQ(w.exitCode, 1);
    EXPECT_FALSE(w.err.isEmpty());
    EXPECT_EQ(readFile(path), before);
    EXPECT_EQ(filesIn(dir), QStringList{"store.sqlite"});
    QFile::setPermissions(dir, rx | QFileDevice::WriteOwner); // let QTemporaryDir clean up
}

// A store of an older Forkscope is read as it is: reading cannot migrate, so
// the newer columns come from views in the connection's temp schema.
TEST(CliReadOnly, AnOlderStoreIsReadWithoutBeingMigrated)
{
    QTemporaryDir base;
    ASSERT_TRUE(base.isValid());
    const QString dir = base.filePath("ro");
    ASSERT_TRUE(QDir().mkpath(dir));
    const QString path = dir + "/store.sqlite";
    makeStore(path);
    ASSERT_EQ(runCli(path, {"log", "r1", "--project", "p"}, "{\"epoch\": 3}\n").exitCode, 0);
    // Back to what version 1 wrote: no series.integral, no runs.writer_*.
    ASSERT_TRUE(execSql(path, "ALTER TABLE series DROP COLUMN integral; ALTER TABLE runs DROP COLUMN writer_token; "
                              "ALTER TABLE runs DROP COLUMN writer_pid; ALTER TABLE runs DROP COLUMN writer_host; "
                              "PRAGMA user_version = 1; PRAGMA journal_mode=DELETE"));
    const auto rx = QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                    QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
    ASSERT_TRUE(QFile::setPermissions(base.path(), rx | QFileDevice::WriteOwner));
    ASSERT_TRUE(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    ASSERT_TRUE(QFile::setPermissions(dir, rx));
    const QByteArray before = readFile(path);

    for (const QStringList &args : kReads) {
        const auto r = runUnprivileged(path, args);
        EXPECT_EQ(r.exitCode, 0) << args.join(' ').toStdString() << ": " << r.err.toStdString();
    }
    const auto runs = runUnprivileged(path, {"runs", "--project", "p", "--json"});
    EXPECT_TRUE(runs.out.contains("\"finished\"")) << runs.out.toStdString();
    // Version 1 did not know integers: its numbers read back as doubles.
    const auto history = runUnprivileged(path, {"history", "r1", "--project", "p"});
    EXPECT_TRUE(history.out.contains("\"loss\":0.25")) << history.out.toStdString() << history.err.toStdString();
    EXPECT_TRUE(history.out.contains("\"epoch\":3.0")) << history.out.toStdString();
    EXPECT_EQ(readFile(path), before);
    EXPECT_EQ(pragma(path, "user_version"), "1");
    EXPECT_EQ(filesIn(dir), QStringList{"store.sqlite"});
    QFile::setPermissions(dir, rx | QFileDevice::WriteOwner); // let QTemporaryDir clean up
}
