// A store argument that is a URL is recognised before anything touches the
// file system, and a password in it is never shown.
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include "core/error.h"
#include "store/store.h"
#include "store/store_location.h"

using namespace forkscope;

TEST(StoreLocation, PathsAreFilesAndPostgresUrlsAreServers)
{
    EXPECT_EQ(storeLocationKind(QStringLiteral("/home/a/store.sqlite")), StoreLocationKind::File);
    EXPECT_EQ(storeLocationKind(QStringLiteral("runs/store.sqlite")), StoreLocationKind::File);
    EXPECT_EQ(storeLocationKind(QStringLiteral("C:\\runs\\store.sqlite")), StoreLocationKind::File);
    EXPECT_EQ(storeLocationKind(QStringLiteral("odd:name.sqlite")), StoreLocationKind::File);
    EXPECT_EQ(storeLocationKind(QStringLiteral("postgresql://host/db")), StoreLocationKind::PostgreSql);
    EXPECT_EQ(storeLocationKind(QStringLiteral("postgres://u@host:5433/db?sslmode=require")),
              StoreLocationKind::PostgreSql);
    EXPECT_EQ(storeLocationKind(QStringLiteral("PostgreSQL://host/db")), StoreLocationKind::PostgreSql);
}

TEST(StoreLocation, OtherSchemesAreRefusedByName)
{
    for (const char *url : {"http://host/store", "file:///tmp/store.sqlite", "mysql://root:hunter2@host/db"}) {
        try {
            storeLocationKind(QString::fromUtf8(url));
            ADD_FAILURE() << url << " was accepted";
        } catch (const Error &e) {
            EXPECT_EQ(e.kind(), Error::Kind::BadInput);
            const std::string text = e.what();
            const std::string scheme = std::string(url).substr(0, std::string(url).find(':'));
            EXPECT_NE(text.find("'" + scheme + "://'"), std::string::npos) << text;
            EXPECT_NE(text.find("postgresql://"), std::string::npos) << text;
            EXPECT_EQ(text.find("hunter2"), std::string::npos) << text;
        }
    }
}

TEST(StoreLocation, PasswordsAreMaskedWhereverLibpqTakesThem)
{
    EXPECT_EQ(displayedStoreLocation(QStringLiteral("postgresql://ana:s3cret@db.lab:5432/runs")),
              QStringLiteral("postgresql://ana:***@db.lab:5432/runs"));
    // A password may hold '@' and ':'; the userinfo ends at the last '@'.
    EXPECT_EQ(displayedStoreLocation(QStringLiteral("postgres://ana:p@ss:w@rd@host/db")),
              QStringLiteral("postgres://ana:***@host/db"));
    EXPECT_EQ(displayedStoreLocation(QStringLiteral("postgresql://host/db?sslmode=require&password=s3cret&x=1")),
              QStringLiteral("postgresql://host/db?sslmode=require&password=***&x=1"));
    EXPECT_EQ(displayedStoreLocation(QStringLiteral("postgresql://ana@host/db")),
              QStringLiteral("postgresql://ana@host/db"));
    EXPECT_EQ(displayedStoreLocation(QStringLiteral("postgresql://host/db?user=a@b")),
              QStringLiteral("postgresql://host/db?user=a@b"));
    EXPECT_EQ(displayedStoreLocation(QStringLiteral("/tmp/a:b@c/store.sqlite")),
              QStringLiteral("/tmp/a:b@c/store.sqlite"));
}

TEST(StoreLocation, AServerUrlNeverBecomesAFolder)
{
    QTemporaryDir tmp;
    ASSERT_TRUE(tmp.isValid());
    const QString before = QDir::currentPath();
    ASSERT_TRUE(QDir::setCurrent(tmp.path()));
    for (const StoreAccess access : {StoreAccess::ReadWrite, StoreAccess::ReadOnly}) {
        try {
            Store store(QStringLiteral("postgresql://ana:s3cret@localhost/runs"), access);
            ADD_FAILURE() << "a PostgreSQL URL opened as a store file";
        } catch (const Error &e) {
            EXPECT_EQ(e.kind(), Error::Kind::BadInput);
            const std::string text = e.what();
            EXPECT_NE(text.find("postgresql://ana:***@localhost/runs"), std::string::npos) << text;
            EXPECT_EQ(text.find("s3cret"), std::string::npos) << text;
        }
    }
    EXPECT_TRUE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    QDir::setCurrent(before);
}
