#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QStatusBar>
#include <QToolButton>
#include <gtest/gtest.h>

#include "store/store.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/overview/overview_tab.h"

namespace forkscope {
namespace {

QStringList actionTexts(QMenu *menu)
{
    QStringList out;
    for (QAction *a : menu->actions()) {
        if (!a->isSeparator())
            out << a->text();
    }
    return out;
}

// Triggers the action called `text`; false (for ASSERT_TRUE) when there is none.
[[nodiscard]] bool triggerAction(QMenu *menu, const QString &text)
{
    for (QAction *a : menu->actions()) {
        if (a->text() == text) {
            a->trigger();
            return true;
        }
    }
    return false;
}

TEST(OverviewMenu, HoldsTheRunActionsAndCopiesTheImmutableId)
{
    test::TempStore temp;
    RunInfo run;
    {
        Store store(temp.path());
        run = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("first"), 120);
    }
    auto window = test::openWindow(temp.path(), run.runId);
    ASSERT_EQ(window->currentRunKey(), run.key);
    OverviewTab *overview = window->runPage()->overview();
    ASSERT_TRUE(test::waitFor([&] { return overview->details().run.key == run.key; }));

    QToolButton *button = overview->actionsButton();
    ASSERT_NE(button, nullptr);
    EXPECT_EQ(button->accessibleName(), QStringLiteral("Run actions"));
    EXPECT_EQ(button->toolTip(), QStringLiteral("Run actions"));
    EXPECT_TRUE(button->focusPolicy() & Qt::TabFocus); // keyboard reachable
    ASSERT_EQ(button->menu(), overview->actionsMenu());
    EXPECT_EQ(actionTexts(overview->actionsMenu()),
              (QStringList{QStringLiteral("Copy immutable Run ID"), QStringLiteral("Copy run ID"),
                           QStringLiteral("Copy run path"), QStringLiteral("Copy fork spec"),
                           QStringLiteral("Fork from step…"), QStringLiteral("Rename…"), QStringLiteral("Delete…")}));

    QApplication::clipboard()->clear();
    ASSERT_TRUE(triggerAction(overview->actionsMenu(), QStringLiteral("Copy immutable Run ID")));
    EXPECT_EQ(QApplication::clipboard()->text(), run.immutableId);
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(run.immutableId));

    ASSERT_TRUE(triggerAction(overview->actionsMenu(), QStringLiteral("Copy run path")));
    EXPECT_EQ(QApplication::clipboard()->text(), run.path().toString());
    ASSERT_TRUE(triggerAction(overview->actionsMenu(), QStringLiteral("Copy fork spec")));
    EXPECT_EQ(QApplication::clipboard()->text(), run.runId + QStringLiteral("?_step=119"));
}

} // namespace
} // namespace forkscope
