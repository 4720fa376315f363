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
#include "support/schema_versions.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

const QList<QStringList> kReads{{"projects"},
                                {"runs", "--project", "p"},
                                {"show", "r1", "--project", "p"},
                                {"history", "r1", "--project", "p"},
                                {"checkpoints", "r1", "--project", "p"},
                                {"check"}};

bool execSql(const QString &path, const std::string &sql)
{
    sqlite3 *db = nullptr;
    const bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK &&
                    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

// A folder for a store file that a reader cannot write once locked; made
// writable again at the end so that QTemporaryDir can remove it.
class ReadOnlyFolder {
public:
    ReadOnlyFolder() : dir_(base_.filePath(QStringLiteral("ro"))) { QDir().mkpath(dir_); }
    ~ReadOnlyFolder() { QFile::setPermissions(dir_, kReadable | QFileDevice::WriteOwner); }
    bool isValid() const { return base_.isValid() && QFileInfo(dir_).isDir(); }
    QString dir() const { return dir_; }
    QString store() const { return dir_ + QStringLiteral("/store.sqlite"); }
    // Takes write permission from the store file and its folder.
    bool lock() const
    {
        return QFile::setPermissions(base_.path(), kReadable | QFileDevice::WriteOwner) &&
               QFile::setPermissions(store(),
                                     QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther) &&
               QFile::setPermissions(dir_, kReadable);
    }

private:
    static constexpr QFileDevice::Permissions kReadable{QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                                        QFileDevice::ReadGroup | QFileDevice::ExeGroup |
                                                        QFileDevice::ReadOther | QFileDevice::ExeOther};
    QTemporaryDir base_;
    QString dir_;
};

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
    if (!process.waitForStarted(30000)) {
        ADD_FAILURE() << "could not run " << program.toStdString() << ": " << process.errorString().toStdString();
        return {};
    }
    return finishCli(process, program + QLatin1Char(' ') + command.join(QLatin1Char(' ')), 120000);
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
        EXPECT_EQ(queryStore(store.path(), "PRAGMA journal_mode"), QStringLiteral("delete"))
            << args.join(' ').toStdString();
        EXPECT_EQ(filesIn(store.dir()), files) << args.join(' ').toStdString();
    }
    EXPECT_TRUE(runCli(store.path(), {"history", "r1", "--project", "p"}).out.contains("0.25"));
}

TEST(CliReadOnly, ReadCommandsLeaveAWalStoreByteIdentical)
{
    TempStore store;
    makeStore(store.path());
    ASSERT_EQ(queryStore(store.path(), "PRAGMA journal_mode"), QStringLiteral("wal"));
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
    ASSERT_TRUE(
        execSql(store.path(), "PRAGMA journal_mode=DELETE; CREATE TABLE t(a); DROP TABLE t")); // valid, no tables
    const QByteArray before = readFile(store.path());
    const auto r = runCli(store.path(), {"projects"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains("empty SQLite database")) << r.err.toStdString();
    EXPECT_EQ(readFile(store.path()), before);
}

TEST(CliReadOnly, DeviceFileIsRefusedForReadingAndWriting)
{
    const bool journalExisted = QFile::exists("/dev/null-journal");
    for (const QStringList &args : kReads + QList<QStringList>{{"init", "--project", "p"}, {"log", "--project", "p"}}) {
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
    ReadOnlyFolder folder;
    ASSERT_TRUE(folder.isValid());
    const QString dir = folder.dir(), path = folder.store();
    makeStore(path);
    // A WAL store without -wal/-shm files (the last writer removed them), in
    // a folder where a reader cannot make them.
    ASSERT_EQ(filesIn(dir), QStringList{"store.sqlite"});
    ASSERT_TRUE(folder.lock());
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
}

// A store of an older Forkscope is read as it is: reading cannot migrate, so
// the newer columns come from views in the connection's temp schema.
TEST(CliReadOnly, AnOlderStoreIsReadWithoutBeingMigrated)
{
    ReadOnlyFolder folder;
    ASSERT_TRUE(folder.isValid());
    const QString dir = folder.dir(), path = folder.store();
    makeStore(path);
    ASSERT_EQ(runCli(path, {"log", "r1", "--project", "p"}, "{\"epoch\": 3}\n").exitCode, 0);
    // Back to what version 1 wrote: no series.integral, no runs.writer_*, no
    // checkpoints or console output.
    ASSERT_TRUE(execSql(path, test::kBackToVersion4));
    ASSERT_TRUE(execSql(path, "ALTER TABLE series DROP COLUMN integral; ALTER TABLE runs DROP COLUMN writer_token; "
                              "ALTER TABLE runs DROP COLUMN writer_pid; ALTER TABLE runs DROP COLUMN writer_host; "
                              "DROP TABLE checkpoints; DROP TABLE console_output; "
                              "PRAGMA user_version = 1; PRAGMA journal_mode=DELETE"));
    ASSERT_TRUE(folder.lock());
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
    EXPECT_EQ(queryStore(path, "PRAGMA user_version"), QStringLiteral("1"));
    EXPECT_EQ(filesIn(dir), QStringList{"store.sqlite"});
}

// compact rewrites the store in place: a store it cannot write is refused by
// name before anything is opened for writing, and left byte-identical.
TEST(CliReadOnly, CompactRefusesAReadOnlyStoreClearly)
{
    ReadOnlyFolder folder;
    ASSERT_TRUE(folder.isValid());
    const QString path = folder.store();
    makeStore(path);
    ASSERT_TRUE(folder.lock());
    const QByteArray before = readFile(path);
    const auto r = runUnprivileged(path, {"compact"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains("read-only")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(path)) << r.err.toStdString();
    EXPECT_EQ(readFile(path), before);
    EXPECT_EQ(filesIn(folder.dir()), QStringList{"store.sqlite"});
}
