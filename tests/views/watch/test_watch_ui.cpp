// File → Watch folder…: the persisted list of watched folders, a run that
// appears and grows while the window is open, and stopping a watch.
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <gtest/gtest.h>

#include "itemmodels/project_list_model.h"
#include "itemmodels/run_page_model.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/charts/charts_tab.h"
#include "views/charts/metric_panel.h"
#include "views/runs/runs_panel.h"
#include "views/watch/folder_watch_controller.h"
#include "views/watch/watched_folders_dock.h"

namespace forkscope {
namespace {

// QSettings of this test only, in a temporary folder.
class TemporarySettings {
public:
    TemporarySettings()
    {
        organization_ = QCoreApplication::organizationName();
        QCoreApplication::setOrganizationName(QStringLiteral("forkscope-test-watch"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.path());
    }
    ~TemporarySettings()
    {
        QSettings().clear();
        QCoreApplication::setOrganizationName(organization_);
    }

private:
    QTemporaryDir dir_;
    QString organization_;
};

std::unique_ptr<MainWindow> windowWithSettings(const QString &storePath)
{
    MainWindow::Options options;
    options.storePath = storePath;
    options.useSettings = true;
    auto window = std::make_unique<MainWindow>(options);
    window->show();
    test::waitFor([&] { return window->isSettled(); });
    return window;
}

void appendMlflowSteps(const QString &root, int from, int to)
{
    QFile metric(root + QStringLiteral("/0/feed1234/metrics/loss"));
    ASSERT_TRUE(metric.open(QIODevice::WriteOnly | QIODevice::Append));
    for (int s = from; s < to; ++s)
        metric.write(QByteArray::number(1700000000000LL + s) + ' ' + QByteArray::number(1.0 / (s + 1)) + ' ' +
                     QByteArray::number(s) + '\n');
}

void writeMlflowRun(const QString &root, int steps)
{
    QDir().mkpath(root + QStringLiteral("/0/feed1234/metrics"));
    QFile exp(root + QStringLiteral("/0/meta.yaml"));
    ASSERT_TRUE(exp.open(QIODevice::WriteOnly));
    exp.write("experiment_id: '0'\nname: watched\nlifecycle_stage: active\n");
    QFile meta(root + QStringLiteral("/0/feed1234/meta.yaml"));
    ASSERT_TRUE(meta.open(QIODevice::WriteOnly));
    meta.write("run_id: feed1234\nrun_name: growing\nexperiment_id: '0'\nstatus: 1\nstart_time: 1700000000000\n"
               "lifecycle_stage: active\n");
    appendMlflowSteps(root, 0, steps);
}

MetricPanel *panelFor(MainWindow &window, const QString &metric)
{
    for (MetricPanel *panel : window.runPage()->charts()->panels())
        if (panel->metric() == metric)
            return panel;
    return nullptr;
}

TEST(WatchUi, WatchFolderAddsToThePersistedListAndTheRunAppearsAndGrows)
{
    TemporarySettings settings;
    test::TempStore temp;
    QTemporaryDir sources;
    const QString root = sources.filePath(QStringLiteral("mlruns"));
    writeMlflowRun(root, 5);

    auto window = windowWithSettings(temp.path());
    QAction *watch = window->findChild<QAction *>(QStringLiteral("watchFolderAction"));
    ASSERT_TRUE(watch);
    test::chooseInNextFileDialog(root);
    watch->trigger();

    FolderWatchController *watches = window->folderWatches();
    ASSERT_EQ(watches->folders().size(), 1u);
    EXPECT_EQ(watches->folders()[0].path, QDir::cleanPath(root));
    EXPECT_EQ(QSettings().value(QStringLiteral("watch/folders")).toStringList(), QStringList{QDir::cleanPath(root)});
    EXPECT_TRUE(window->watchedFoldersDock()->isVisible());

    // The run appears, opens (nothing else was open) and its chart follows the file.
    ASSERT_TRUE(test::waitFor([&] { return window->runsPanel()->model()->rowCount() == 1; }, 30000));
    ASSERT_TRUE(test::waitFor([&] { return window->runsPanel()->model()->isSettled(); }));
    EXPECT_EQ(window->runsPanel()->model()->index(0, RunPageModel::NameColumn).data().toString(),
              QStringLiteral("growing"));
    window->runPage()->setCurrentTab(RunPage::ChartsIndex);
    ASSERT_TRUE(test::waitFor(
        [&] {
            MetricPanel *p = panelFor(*window, QStringLiteral("loss"));
            return p && p->hasData() && p->data().stepExtent.hi == 4;
        },
        30000));
    appendMlflowSteps(root, 5, 40);
    EXPECT_TRUE(test::waitFor(
        [&] {
            MetricPanel *p = panelFor(*window, QStringLiteral("loss"));
            return p && p->data().stepExtent.hi == 39;
        },
        15000))
        << "the chart of a watched run updates live";
    QListWidget *list = window->watchedFoldersDock()->list();
    ASSERT_EQ(list->count(), 1);
    EXPECT_TRUE(list->item(0)->text().startsWith(QDir::cleanPath(root)));
    window->close();
    window.reset();

    // After a restart the folder is still watched; it can be stopped.
    auto again = windowWithSettings(temp.path());
    ASSERT_EQ(again->folderWatches()->folders().size(), 1u);
    QListWidget *list2 = again->watchedFoldersDock()->list();
    ASSERT_EQ(list2->count(), 1);
    list2->setCurrentRow(0);
    QPushButton *stop = again->watchedFoldersDock()->stopButton();
    ASSERT_TRUE(stop->isEnabled());
    stop->click();
    EXPECT_TRUE(again->folderWatches()->folders().empty());
    EXPECT_EQ(list2->count(), 0);
    EXPECT_TRUE(QSettings().value(QStringLiteral("watch/folders")).toStringList().isEmpty());
    again->close();
}

TEST(WatchUi, AFolderThatGoesAwayShowsItsErrorAsPlainText)
{
    TemporarySettings settings;
    test::TempStore temp;
    QTemporaryDir sources;
    const QString folder = sources.filePath(QStringLiteral("<b>logs</b>"));
    ASSERT_TRUE(QDir().mkpath(folder));
    auto window = windowWithSettings(temp.path());
    ASSERT_TRUE(window->folderWatches()->addFolder(folder));
    EXPECT_FALSE(window->folderWatches()->addFolder(folder)) << "a folder is watched once";
    ASSERT_TRUE(QDir(folder).removeRecursively());
    QListWidget *list = window->watchedFoldersDock()->list();
    ASSERT_TRUE(test::waitFor(
        [&] { return list->count() == 1 && list->item(0)->text().contains(QStringLiteral("does not exist")); }));
    // The item shows the path's markup as typed, and the status bar says what happened.
    EXPECT_TRUE(list->item(0)->text().contains(QStringLiteral("<b>logs</b>")));
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("does not exist")))
        << window->statusBar()->currentMessage().toStdString();
    window->close();
}

} // namespace
} // namespace forkscope
