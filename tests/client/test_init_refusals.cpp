#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "client/init_error.h"
#include "client/run.h"
#include "core/error.h"
#include "core/step_rule.h"
#include "store/store.h"
#include "support/temp_store.h"

using namespace forkscope;
using forkscope::test::initError;

namespace {
InitOptions newRunIn(const QString &storePath)
{
    InitOptions o;
    o.storePath = storePath;
    o.project = QStringLiteral("p");
    return o;
}

} // namespace

// A training program's store that cannot be opened is a storage failure,
// reported as such, never a crash.
TEST(InitRefusals, AStoreThatIsAFolder)
{
    test::TempStore tmp;
    const InitOptions o = newRunIn(tmp.dir());
    QString message;
    EXPECT_EQ(initError(o, &message), Error::Kind::Storage);
    EXPECT_TRUE(message.contains(QStringLiteral("is a folder"))) << message.toStdString();
}

TEST(InitRefusals, AFileThatIsNoStoreIsLeftAsItWas)
{
    test::TempStore tmp;
    const QString path = QDir(tmp.dir()).filePath(QStringLiteral("notes.txt"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    const QByteArray text = QByteArray("not a database\n").repeated(100);
    file.write(text);
    file.close();
    const InitOptions o = newRunIn(path);
    QString message;
    EXPECT_EQ(initError(o, &message), Error::Kind::Storage);
    EXPECT_TRUE(message.contains(path)) << message.toStdString();
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), text);
}

// Malformed input is refused before the store file is created.
TEST(InitRefusals, BadForkSpecOrRunIdCreatesNoStore)
{
    test::TempStore tmp;
    InitOptions o = newRunIn(tmp.path());
    o.forkFrom = QStringLiteral("abc?_step=1.5");
    QString message;
    EXPECT_EQ(initError(o, &message), Error::Kind::BadInput);
    EXPECT_TRUE(message.contains(QStringLiteral("invalid fork spec"))) << message.toStdString();
    o.forkFrom.clear();
    o.id = QStringLiteral("a/b");
    EXPECT_EQ(initError(o, &message), Error::Kind::BadInput);
    EXPECT_TRUE(message.contains(QStringLiteral("may not contain"))) << message.toStdString();
    EXPECT_FALSE(QFileInfo::exists(tmp.path()));
}

// A missing fork source leaves no run behind and no half-started writer.
TEST(InitRefusals, MissingForkSourceCreatesNothing)
{
    test::TempStore tmp;
    InitOptions o = newRunIn(tmp.path());
    o.forkFrom = QStringLiteral("nosuch?_step=1");
    QString message;
    EXPECT_EQ(initError(o, &message), Error::Kind::NotFound);
    Store store(tmp.path());
    EXPECT_EQ(store.runCount(), 0);
}

TEST(InitRefusals, NegativeExplicitStep)
{
    test::TempStore tmp;
    auto run = Run::init(newRunIn(tmp.path()));
    try {
        run->log({{"a", 1.0}}, -1);
        ADD_FAILURE() << "a negative step was accepted";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::BadInput);
        EXPECT_EQ(e.message(), badStepText(QStringLiteral("-1"))); // the one step rule
    }
    run->log({{"a", 2.0}});
    EXPECT_EQ(run->currentStep(), 1);
}
