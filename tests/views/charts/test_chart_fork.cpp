#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <gtest/gtest.h>

#include "itemmodels/json_tree_model.h"
#include "store/store.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/charts/charts_tab.h"
#include "views/charts/metric_panel.h"
#include "views/fork/fork_dialog.h"

namespace forkscope {
namespace {

// Opens `run` on the Charts tab and clicks its `metric` curve at `step`.
MetricPanel *clickStep(MainWindow &window, const RunInfo &run, qint64 step)
{
    window.runPage()->setCurrentTab(RunPage::ChartsIndex);
    MetricPanel *panel = nullptr;
    const bool drawn = test::waitFor([&] {
        panel = window.runPage()->charts()->panel(QStringLiteral("metric"));
        return panel && panel->hasData() && window.isSettled() && panel->positionOf(run.key, step);
    });
    if (!drawn) { // the caller's ASSERT_NE(panel, nullptr) fails
        ADD_FAILURE() << "step " << step << " of the metric panel was not drawn within 15 s";
        return nullptr;
    }
    const QPointF at = *panel->positionOf(run.key, step);
    QTest::mouseClick(panel->plotWidget(), Qt::LeftButton, {}, at.toPoint());
    return panel;
}

TEST(ChartFork, ClickingAStepOpensTheForkDialogAndCreatesTheFork)
{
    test::TempStore temp;
    RunInfo source;
    {
        Store store(temp.path());
        source = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("base"), 300, Json{{"lr", 0.1}});
    }
    auto window = test::openWindow(temp.path(), source.runId, RunPage::ChartsIndex);
    MetricPanel *panel = clickStep(*window, source, 150);
    ASSERT_NE(panel, nullptr);
    ASSERT_TRUE(panel->pick().has_value());
    EXPECT_EQ(panel->pick()->runKey, source.key);
    EXPECT_EQ(panel->pick()->step, 150);

    auto *button = panel->findChild<QPushButton *>(QStringLiteral("forkFromStepButton"));
    ASSERT_NE(button, nullptr);
    ASSERT_TRUE(button->isVisible());
    EXPECT_TRUE(button->text().contains(QStringLiteral("150")));
    button->click();
    ForkDialog *dialog = window->forkDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(test::waitFor([&] { return dialog->isVisible(); }));
    EXPECT_EQ(dialog->stepBox()->value(), 150);
    EXPECT_EQ(dialog->stepBox()->maximum(), 299);
    EXPECT_FALSE(dialog->nameEdit()->text().isEmpty());
    dialog->nameEdit()->setText(QStringLiteral("lower-lr"));
    ASSERT_TRUE(dialog->configModel()->setData(dialog->configModel()->index(0, JsonTreeModel::ValueColumn),
                                               QStringLiteral("0.01")));

    qint64 created = 0;
    QObject::connect(window.get(), &MainWindow::forkCreated, [&](qint64 key) { created = key; });
    dialog->createButton()->click();
    ASSERT_TRUE(test::waitFor([&] { return created != 0; }));

    Store store(temp.path());
    const RunInfo fork = store.runInfo(created);
    EXPECT_EQ(fork.name, QStringLiteral("lower-lr"));
    ASSERT_TRUE(fork.fork.has_value());
    EXPECT_EQ(fork.fork->sourceImmutableId, source.immutableId);
    EXPECT_EQ(fork.fork->sourceRunId, source.runId);
    EXPECT_EQ(fork.fork->step, 150);
    EXPECT_EQ(fork.config["lr"], Json(0.01));
    EXPECT_EQ(fork.nextStep(), 151);

    // The new run is opened on its charts: inherited part up to 150, marker at 150.
    ASSERT_TRUE(test::waitFor([&] { return window->currentRunKey() == created && window->isSettled(); }));
    EXPECT_EQ(window->runPage()->currentTab(), RunPage::ChartsIndex);
    const auto &shown = window->runPage()->charts()->runs();
    ASSERT_FALSE(shown.empty());
    EXPECT_EQ(shown.front().key, created);
    EXPECT_EQ(shown.front().forkStep, std::optional<qint64>(150));
}

TEST(ChartFork, ARefusalIsShownInTheDialog)
{
    test::TempStore temp;
    RunInfo source;
    {
        Store store(temp.path());
        source = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("base"), 100);
    }
    auto window = test::openWindow(temp.path(), source.runId, RunPage::ChartsIndex);
    MetricPanel *panel = clickStep(*window, source, 40);
    ASSERT_NE(panel, nullptr);
    ASSERT_TRUE(panel->pick().has_value());
    QTest::keyClick(panel->plotWidget()->parentWidget(), Qt::Key_F); // the shortcut
    ForkDialog *dialog = window->forkDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->stepBox()->value(), 40);

    {
        Store other(temp.path()); // another process deletes the source meanwhile
        other.deleteRun(source.key, DependentForks::Refuse);
    }
    dialog->createButton()->click();
    ASSERT_TRUE(test::waitFor([&] { return !dialog->errorText().isEmpty(); }));
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_TRUE(dialog->createButton()->isEnabled());
}

} // namespace
} // namespace forkscope
