#include <QApplication>
#include <QContextMenuEvent>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

#include "identity/fork_spec.h"
#include "store/store.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/charts/charts_tab.h"
#include "views/charts/metric_panel.h"
#include "views/fork/rewind_controller.h"
#include "views/overview/overview_tab.h"

namespace forkscope {
namespace {

MetricPanel *clickStep(MainWindow &window, const RunInfo &run, qint64 step)
{
    window.runPage()->setCurrentTab(RunPage::ChartsIndex);
    MetricPanel *panel = nullptr;
    const bool drawn = test::waitFor([&] {
        panel = window.runPage()->charts()->panel(QStringLiteral("metric"));
        return panel && panel->hasData() && window.isSettled() && panel->positionOf(run.key, step);
    });
    if (!drawn) {
        ADD_FAILURE() << "step " << step << " of the metric panel was not drawn within 15 s";
        return nullptr;
    }
    QTest::mouseClick(panel->plotWidget(), Qt::LeftButton, {}, panel->positionOf(run.key, step)->toPoint());
    return panel;
}

// Opens the panel's context menu as a right click does, and chooses the
// action called `objectName` with the keyboard; the texts the menu showed.
QStringList chooseFromContextMenu(MetricPanel *panel, const QString &objectName)
{
    QStringList texts;
    QTimer::singleShot(0, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction *a : menu->actions()) {
            if (!a->isSeparator())
                texts << a->text();
            if (a->objectName() == objectName)
                menu->setActiveAction(a);
        }
        QTest::keyClick(menu, Qt::Key_Return);
    });
    const QPoint at = panel->plotWidget()->geometry().center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, panel->mapToGlobal(at));
    QApplication::sendEvent(panel, &event);
    return texts;
}

TEST(RewindFromChart, ConfirmsWhatIsArchivedRewindsAndListsTheArchivedVersion)
{
    test::TempStore temp;
    RunInfo run;
    {
        Store store(temp.path());
        run = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("base"), 300);
        ForkOptions later;
        later.name = QStringLiteral("later-fork");
        store.createFork(ForkSpec::parse(run.immutableId + QStringLiteral("?_step=250")), later);
    }
    auto window = test::openWindow(temp.path(), run.runId, RunPage::ChartsIndex);
    MetricPanel *panel = clickStep(*window, run, 150);
    ASSERT_NE(panel, nullptr);
    ASSERT_TRUE(panel->pick().has_value());
    ASSERT_EQ(panel->pick()->step, 150);

    const QStringList texts = chooseFromContextMenu(panel, QStringLiteral("rewindToStep"));
    const qsizetype fork = texts.indexOf(QStringLiteral("Fork from step 150…"));
    ASSERT_GE(fork, 0) << texts.join(QStringLiteral(" | ")).toStdString();
    EXPECT_EQ(texts.value(fork + 1), QStringLiteral("Rewind to step 150…"));

    RewindController *rewinds = window->rewindController();
    ASSERT_TRUE(test::waitFor([&] { return rewinds->confirmation() && rewinds->confirmation()->isVisible(); }));
    QMessageBox *box = rewinds->confirmation();
    EXPECT_EQ(box->text(), QStringLiteral("Rewind base to step 150?"));
    // The same from the button beside "Fork from step 150…": it asks the same question.
    auto *button = panel->findChild<QPushButton *>(QStringLiteral("rewindToStepButton"));
    ASSERT_NE(button, nullptr);
    EXPECT_TRUE(button->isVisible());
    EXPECT_EQ(button->text(), QStringLiteral("Rewind to step 150…"));
    box->reject();
    ASSERT_TRUE(test::waitFor([&] { return !rewinds->confirmation() || !rewinds->confirmation()->isVisible(); }));
    button->click();
    ASSERT_TRUE(test::waitFor([&] { return rewinds->confirmation() && rewinds->confirmation()->isVisible(); }));
    box = rewinds->confirmation();
    EXPECT_EQ(box->text(), QStringLiteral("Rewind base to step 150?"));
    EXPECT_TRUE(box->informativeText().contains(QStringLiteral("Steps 151 to 299 will be archived")))
        << box->informativeText().toStdString();
    EXPECT_TRUE(box->informativeText().contains(QStringLiteral("1 fork(s) made after step 150 will name the archived")))
        << box->informativeText().toStdString();
    auto *rewind = box->findChild<QPushButton *>(QStringLiteral("rewindButton"));
    ASSERT_NE(rewind, nullptr);
    rewind->click();

    OverviewTab *overview = window->runPage()->overview();
    ASSERT_TRUE(test::waitFor([&] { return overview->details().archived.size() == 1 && window->isSettled(); }));
    EXPECT_EQ(overview->details().run.key, run.key);
    EXPECT_EQ(overview->details().run.lastStep(), 150);
    auto *archived = overview->findChild<QLabel *>(QStringLiteral("archivedVersions"));
    ASSERT_NE(archived, nullptr);
    EXPECT_FALSE(archived->isHidden());
    EXPECT_TRUE(archived->text().contains(QStringLiteral("steps 151–299"))) << archived->text().toStdString();

    // The link opens the archived version, and its chart draws all 300 steps.
    const qint64 archiveKey = overview->details().archived[0].key;
    emit archived->linkActivated(QStringLiteral("run:%1").arg(archiveKey));
    ASSERT_TRUE(test::waitFor([&] { return window->currentRunKey() == archiveKey && window->isSettled(); }));
    ASSERT_TRUE(test::waitFor([&] { return overview->details().run.key == archiveKey; }));
    EXPECT_TRUE(archived->text().contains(QStringLiteral("Archived version of"))) << archived->text().toStdString();
    window->runPage()->setCurrentTab(RunPage::ChartsIndex);
    ASSERT_TRUE(test::waitFor([&] {
        MetricPanel *p = window->runPage()->charts()->panel(QStringLiteral("metric"));
        return p && p->hasData() && p->positionOf(archiveKey, 299).has_value();
    }));
    EXPECT_EQ(window->runPage()->charts()->runs().front().key, archiveKey);
}

TEST(RewindFromChart, AnArchivedVersionOpensByItsImmutableId)
{
    test::TempStore temp;
    RunInfo archive;
    {
        Store store(temp.path());
        const RunInfo run = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("base"), 100);
        store.rewind(run.key, 40);
        archive = store.archivedVersions(run.key).at(0);
    }
    auto window = test::openWindow(temp.path(), archive.immutableId);
    EXPECT_EQ(window->currentRunKey(), archive.key);
}

} // namespace
} // namespace forkscope
