// Store files the CLI must refuse without changing them.
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "cli/cli_runner.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

bool setUserVersion(const QString &path, int version)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    const std::string sql = "PRAGMA user_version = " + std::to_string(version);
    const bool ok = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    return sqlite3_close(db) == SQLITE_OK && ok;
}

} // namespace

TEST(CliStoreFiles, NewerSchemaIsRefusedAndLeftByteIdentical)
{
    TempStore store;
    ASSERT_EQ(runCli(store.path(), {"log", "--project", "p"}, "{\"a\": 1}\n").exitCode, 0);
    ASSERT_TRUE(setUserVersion(store.path(), 99));
    const QByteArray before = readFile(store.path());
    ASSERT_FALSE(before.isEmpty());
    for (const QStringList &args : {QStringList{"projects"}, QStringList{"runs", "--project", "p"},
                                    QStringList{"log", "--project", "p"}, QStringList{"demo"}}) {
        const auto r = runCli(store.path(), args, "{\"a\": 2}\n");
        EXPECT_EQ(r.exitCode, 1) << args.join(' ').toStdString();
        EXPECT_TRUE(r.err.contains("schema version 99")) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains("newer Forkscope")) << r.err.toStdString();
        EXPECT_TRUE(r.out.isEmpty());
    }
    EXPECT_EQ(readFile(store.path()), before);
}

TEST(CliStoreFiles, NonSqliteFileIsRefusedClearly)
{
    TempStore store;
    const QByteArray text = "loss,accuracy\n0.5,0.9\n";
    ASSERT_TRUE(writeFile(store.path(), text));
    const auto r = runCli(store.path(), {"projects"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains("not a Forkscope store")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(store.path())) << r.err.toStdString();
    EXPECT_EQ(readFile(store.path()), text);
}

TEST(CliStoreFiles, FolderAsStoreIsBadInput)
{
    TempStore store;
    const auto r = runCli(store.dir(), {"projects"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("is a folder")) << r.err.toStdString();
}

TEST(CliStoreFiles, StoreComesFromTheEnvironmentWithoutStoreOption)
{
    TempStore store;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("FORKSCOPE_STORE", store.path());
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(FORKSCOPE_CLI_PATH, {"init", "--project", "envproj"});
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    const auto projects = runCli(store.path(), {"projects", "--json"});
    ASSERT_EQ(projects.json().at("projects").size(), 1u);
    EXPECT_EQ(projects.json().at("projects")[0].at("name"), "envproj");
}

TEST(CliStoreFiles, ReadingAStoreThatIsNotThereSaysSoAndCreatesNothing)
{
    TempStore dir;
    const QString typo = dir.dir() + QStringLiteral("/stroe.sqlite");
    const QList<QStringList> reads{{"projects"},
                                   {"runs", "--project", "p"},
                                   {"show", "abc12345", "--project", "p"},
                                   {"history", "abc12345", "--project", "p"},
                                   {"fork", "abc12345?_step=1", "--project", "p"},
                                   {"rename", "abc12345", "new-name", "--project", "p"},
                                   {"delete", "abc12345", "--project", "p"}};
    for (const QStringList &args : reads) {
        const auto r = runCli(typo, args);
        EXPECT_EQ(r.exitCode, 2) << args.join(' ').toStdString(); // not found
        EXPECT_TRUE(r.err.contains("there is no store at") && r.err.contains(typo))
            << args.join(' ').toStdString() << ": " << r.err.toStdString();
        EXPECT_FALSE(QFile::exists(typo)) << args.join(' ').toStdString();
    }
    // Commands that add runs create the store.
    EXPECT_EQ(runCli(typo, {"init", "--project", "p", "--id", "abc12345"}).exitCode, 0);
    EXPECT_TRUE(QFile::exists(typo));
    EXPECT_EQ(runCli(typo, {"show", "abc12345", "--project", "p"}).exitCode, 0);
}

TEST(CliStoreFiles, AServerUrlIsNotAFileAndItsPasswordIsNeverPrinted)
{
    const QString url = QStringLiteral("postgresql://ana:s3cret@localhost:5432/runs");
    for (const QStringList &args : {QStringList{"projects"}, QStringList{"runs", "--project", "p"},
                                    QStringList{"log", "--project", "p"}, QStringList{"demo"}}) {
        const auto r = runCli(url, args, "{\"a\": 1}\n");
        EXPECT_EQ(r.exitCode, 2) << args.join(' ').toStdString();
        EXPECT_TRUE(r.err.contains("postgresql://ana:***@localhost:5432/runs")) << r.err.toStdString();
        EXPECT_FALSE(r.err.contains("s3cret") || r.out.contains("s3cret")) << r.err.toStdString();
    }
    const auto other = runCli(QStringLiteral("https://example.org/store"), {"projects"});
    EXPECT_EQ(other.exitCode, 2);
    EXPECT_TRUE(other.err.contains("'https://'")) << other.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(QStringLiteral("postgresql:")));
    EXPECT_FALSE(QFileInfo::exists(QStringLiteral("https:")));
}
