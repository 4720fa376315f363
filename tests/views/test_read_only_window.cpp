// A store that cannot be written is browsed with every write action off and
// the reason shown, and its bytes stay as they were (issue 16, item 10).
#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>
#include <unistd.h>

#include "itemmodels/run_page_model.h"
#include "store/store.h"
#include "view_fixtures.h"
#include "views/charts/charts_tab.h"
#include "views/charts/metric_panel.h"
#include "views/overview/overview_tab.h"
#include "views/runs/runs_panel.h"
#include "views/welcome_view.h"

namespace forkscope {
namespace {

// Makes `dir` read-only for this process, root included: a read-only bind
// mount of the folder onto itself when root (permissions do not bind root),
// else chmod. Undone on destruction.
class ReadOnlyFolder {
public:
    explicit ReadOnlyFolder(const QString &dir) : dir_(dir)
    {
        if (geteuid() == 0) {
            mounted_ = run("mount", {"--bind", dir_, dir_}) && run("mount", {"-o", "remount,ro,bind", dir_});
            ok_ = mounted_;
        } else {
            ok_ = QFile::setPermissions(dir_, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        }
    }
    ~ReadOnlyFolder()
    {
        if (mounted_)
            run("umount", {dir_});
        else
            QFile::setPermissions(dir_, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    bool ok() const { return ok_; }

private:
    static bool run(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.start(program, args);
        return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }
    QString dir_;
    bool mounted_ = false;
    bool ok_ = false;
};

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QAction *actionNamed(QMenu *menu, const QString &objectName)
{
    for (QAction *a : menu->actions()) {
        if (a->objectName() == objectName)
            return a;
    }
    return nullptr;
}

TEST(ReadOnlyWindow, BrowsesWithWriteActionsOffAndTheReasonShown)
{
    QTemporaryDir temp;
    ASSERT_TRUE(temp.isValid());
    const QString dir = temp.filePath(QStringLiteral("ro"));
    ASSERT_TRUE(QDir().mkpath(dir));
    const QString path = dir + QStringLiteral("/store.sqlite");
    RunInfo run;
    {
        Store store(path);
        run = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("first"), 300);
    }
    const QByteArray before = bytesOf(path);
    ASSERT_FALSE(before.isEmpty());
    const QStringList files = QDir(dir).entryList(QDir::Files | QDir::Hidden);
    ReadOnlyFolder readOnly(dir);
    ASSERT_TRUE(readOnly.ok()) << "could not make " << dir.toStdString() << " read-only";
    ASSERT_FALSE(storeReadOnlyReason(path).isEmpty());
    {
        auto window = test::openWindow(path, run.runId);
        EXPECT_TRUE(window->readOnlyReason().contains(dir)) << window->readOnlyReason().toStdString();
        // Browsing works: the run, its overview and its chart.
        ASSERT_EQ(window->currentRunKey(), run.key);
        EXPECT_EQ(window->runsPanel()->model()->rowCount(), 1);
        OverviewTab *overview = window->runPage()->overview();
        ASSERT_TRUE(test::waitFor([&] { return overview->details().run.key == run.key; }));
        window->runPage()->setCurrentTab(RunPage::ChartsIndex);
        MetricPanel *panel = nullptr;
        ASSERT_TRUE(test::waitFor([&] {
            panel = window->runPage()->charts()->panel(QStringLiteral("metric"));
            return panel && panel->hasData() && window->isSettled();
        }));
        EXPECT_TRUE(panel->data().hasData);

        // A step picked on the chart offers its Fork button, off and saying why.
        ASSERT_TRUE(test::waitFor([&] { return panel->positionOf(run.key, 150).has_value(); }));
        QTest::mouseClick(panel->plotWidget(), Qt::LeftButton, {}, panel->positionOf(run.key, 150)->toPoint());
        ASSERT_TRUE(panel->pick().has_value());
        auto *chartFork = panel->findChild<QPushButton *>(QStringLiteral("forkFromStepButton"));
        ASSERT_NE(chartFork, nullptr);
        EXPECT_TRUE(chartFork->isVisible());
        EXPECT_FALSE(chartFork->isEnabled());
        EXPECT_TRUE(chartFork->toolTip().contains(window->readOnlyReason())) << chartFork->toolTip().toStdString();
        QTest::keyClick(panel->plotWidget(), Qt::Key_F);
        EXPECT_EQ(window->forkDialog(), nullptr);

        // Every write action is off and says why.
        for (const char *name : {"forkFromStep", "renameRun", "deleteRun"}) {
            QAction *a = actionNamed(overview->actionsMenu(), QString::fromLatin1(name));
            ASSERT_NE(a, nullptr) << name;
            EXPECT_FALSE(a->isEnabled()) << name;
            EXPECT_TRUE(a->toolTip().contains(QStringLiteral("Read-only store"))) << name;
        }
        EXPECT_TRUE(overview->nameEdit()->isReadOnly());
        for (QAction *a : window->findChildren<QAction *>()) {
            const QString text = a->text();
            if (text.contains(QStringLiteral("demo")) || text.contains(QStringLiteral("Import")) ||
                text.startsWith(QStringLiteral("Fork"))) {
                EXPECT_FALSE(a->isEnabled()) << text.toStdString();
                EXPECT_TRUE(a->toolTip().contains(window->readOnlyReason())) << text.toStdString();
            }
        }
        EXPECT_FALSE(window->welcomeView()->demoButton()->isEnabled());
        EXPECT_FALSE(window->welcomeView()->importButton()->isEnabled());
        auto *badge = window->findChild<QLabel *>(QStringLiteral("readOnlyBadge"));
        ASSERT_NE(badge, nullptr);
        EXPECT_EQ(badge->text(), QStringLiteral("Read-only"));
        EXPECT_TRUE(badge->toolTip().contains(window->readOnlyReason()));
        // A fork asked for anyway (a chart's button) is refused with the reason.
        window->openForkDialog(run.key, 10);
        EXPECT_EQ(window->forkDialog(), nullptr);
        EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("Read-only store")))
            << window->statusBar()->currentMessage().toStdString();
    }
    EXPECT_EQ(bytesOf(path), before);
    EXPECT_EQ(QDir(dir).entryList(QDir::Files | QDir::Hidden), files);
}

TEST(ReadOnlyWindow, WritableStoreKeepsItsWriteActions)
{
    QTemporaryDir temp;
    const QString path = temp.filePath(QStringLiteral("store.sqlite"));
    RunInfo run;
    {
        Store store(path);
        run = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("first"), 30);
    }
    auto window = test::openWindow(path, run.runId);
    EXPECT_TRUE(window->readOnlyReason().isEmpty());
    OverviewTab *overview = window->runPage()->overview();
    ASSERT_TRUE(test::waitFor([&] { return overview->details().run.key == run.key; }));
    QAction *rename = actionNamed(overview->actionsMenu(), QStringLiteral("renameRun"));
    ASSERT_NE(rename, nullptr);
    EXPECT_TRUE(rename->isEnabled());
    EXPECT_EQ(window->findChild<QLabel *>(QStringLiteral("readOnlyBadge")), nullptr);
}

} // namespace
} // namespace forkscope
