// A file that is not a Forkscope store (a text file, another program's
// SQLite file, a newer Forkscope's store) opens to a page that says why and
// offers to open another store or create a new one; either replaces the
// page with the normal view. The file itself is left as it was.
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <gtest/gtest.h>

#include "itemmodels/run_page_model.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/runs/runs_panel.h"
#include "views/store_problem_page.h"
#include "views/store_window_host.h"
#include "views/welcome_view.h"

namespace forkscope {
namespace {

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::unique_ptr<StoreWindowHost> hostOn(const QString &storePath)
{
    MainWindow::Options options;
    options.storePath = storePath;
    options.useSettings = false;
    auto host = std::make_unique<StoreWindowHost>(options);
    host->window()->show();
    return host;
}

// Shows the page for `path`, checks what it says, and returns it.
StoreProblemPage *problemPageFor(StoreWindowHost &host, const QString &expectedReason)
{
    MainWindow *window = host.window();
    StoreProblemPage *page = window->storeProblemPage();
    if (!test::waitFor([&] { return page->isVisible() && window->isSettled(); })) {
        ADD_FAILURE() << "the store problem page was not shown within 15 s";
        return nullptr;
    }
    EXPECT_FALSE(window->runsPanel()->isVisible());
    EXPECT_FALSE(window->welcomeView()->isVisible());
    auto *reason = page->findChild<QLabel *>(QStringLiteral("storeProblemReason"));
    EXPECT_NE(reason, nullptr);
    if (reason) {
        EXPECT_EQ(reason->textFormat(), Qt::PlainText);
        EXPECT_EQ(reason->text(), page->reason());
        EXPECT_TRUE(reason->text().contains(expectedReason, Qt::CaseInsensitive)) << reason->text().toStdString();
    }
    EXPECT_TRUE(page->openButton()->isVisible());
    EXPECT_TRUE(page->createButton()->isVisible());
    EXPECT_EQ(page->openButton()->text().remove(QLatin1Char('&')), QStringLiteral("Open another store…"));
    EXPECT_EQ(page->createButton()->text().remove(QLatin1Char('&')), QStringLiteral("Create a new store…"));
    return page;
}

TEST(StoreProblemPage, ATextFileSaysWhyAndCreateANewStoreOpensIt)
{
    test::TempStore temp;
    const QString text = temp.dir() + QStringLiteral("/notes.txt");
    {
        QFile f(text);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("These are my notes, not a database.\n");
    }
    const QByteArray before = bytesOf(text);
    auto host = hostOn(text);
    MainWindow *first = host->window();
    StoreProblemPage *page = problemPageFor(*host, QStringLiteral("notes.txt"));
    ASSERT_NE(page, nullptr);

    const QString created = temp.dir() + QStringLiteral("/fresh.sqlite");
    test::chooseInNextFileDialog(created);
    page->createButton()->click();
    ASSERT_TRUE(test::waitFor([&] {
        return host->window() != first && host->window()->isSettled() && host->window()->welcomeView()->isVisible();
    })) << "the window on the new store did not show its welcome page";
    EXPECT_EQ(host->window()->storePath(), created);
    EXPECT_FALSE(host->window()->storeProblemPage()->isVisible());
    {
        Store store(created, StoreAccess::ReadOnly); // a real, empty store
        EXPECT_TRUE(store.projects().empty());
    }
    EXPECT_EQ(bytesOf(text), before);
}

TEST(StoreProblemPage, AnotherProgramsSqliteFileSaysWhyAndOpenAnotherStoreShowsItsRuns)
{
    test::TempStore temp;
    const QString foreign = temp.dir() + QStringLiteral("/contacts.db");
    {
        SqliteDb db(foreign);
        db.exec("CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Ada', '123')");
    }
    const QByteArray before = bytesOf(foreign);
    RunInfo run;
    {
        Store store(temp.path());
        run = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("good"), 20);
    }
    auto host = hostOn(foreign);
    MainWindow *first = host->window();
    StoreProblemPage *page = problemPageFor(*host, QStringLiteral("another program"));
    ASSERT_NE(page, nullptr);

    test::chooseInNextFileDialog(temp.path());
    page->openButton()->click();
    ASSERT_TRUE(test::waitFor([&] {
        MainWindow *w = host->window();
        return w != first && w->isSettled() && w->runsPanel()->isVisible() && w->currentRunKey() == run.key;
    })) << "the window on the chosen store did not show its runs";
    EXPECT_EQ(host->window()->runsPanel()->model()->rowCount(), 1);
    EXPECT_EQ(bytesOf(foreign), before);
}

TEST(StoreProblemPage, ANewerStoreSaysSoAndIsLeftUntouched)
{
    test::TempStore temp;
    {
        Store store(temp.path());
        test::makeRun(store, QStringLiteral("proj"), QStringLiteral("future"), 5);
    }
    {
        SqliteDb db(temp.path());
        db.exec("PRAGMA user_version = 99");
    }
    const QByteArray before = bytesOf(temp.path());
    auto host = hostOn(temp.path());
    ASSERT_NE(problemPageFor(*host, QStringLiteral("newer")), nullptr);
    EXPECT_EQ(bytesOf(temp.path()), before);
}

} // namespace
} // namespace forkscope
