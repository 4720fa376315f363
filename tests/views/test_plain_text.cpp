#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTextDocument>
#include <gtest/gtest.h>

#include "identity/fork_spec.h"
#include "itemmodels/run_page_model.h"
#include "store/store.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/overview/overview_tab.h"
#include "views/runs/runs_panel.h"

namespace forkscope {
namespace {

QString rendered(const QLabel *label)
{
    if (label->textFormat() == Qt::PlainText)
        return label->text();
    QTextDocument doc;
    doc.setHtml(label->text());
    return doc.toPlainText();
}

TEST(PlainText, RichTextNamesShowAsTheCharactersTyped)
{
    const QString name = QStringLiteral("<b>x</b>");
    const QString forkName = QStringLiteral("<a href=\"y\">z</a> & co");
    test::TempStore temp;
    RunInfo run, fork;
    {
        Store store(temp.path());
        run = test::makeRun(store, QStringLiteral("proj"), name, 30, Json{{"note", "<i>cfg</i>"}});
        store.setNotes(run.key, QStringLiteral("<h1>notes</h1>"));
        store.setTags(run.key, {QStringLiteral("<u>tag</u>")});
        ForkOptions fo;
        fo.name = forkName;
        fork = store.createFork(ForkSpec::parse(formatForkSpec(run.immutableId, 10)), fo);
    }
    auto window = test::openWindow(temp.path(), run.runId);
    OverviewTab *overview = window->runPage()->overview();
    ASSERT_TRUE(
        test::waitFor([&] { return overview->details().run.key == run.key && !overview->details().forks.empty(); }));

    EXPECT_EQ(overview->nameEdit()->text(), name);
    bool sawNotes = false, sawTags = false, sawForkLink = false;
    for (const QLabel *label : overview->findChildren<QLabel *>()) {
        const QString text = rendered(label);
        sawNotes = sawNotes || text == QStringLiteral("<h1>notes</h1>");
        sawTags = sawTags || text == QStringLiteral("<u>tag</u>");
        sawForkLink = sawForkLink || text.contains(forkName);
        // No label interprets user text as markup.
        EXPECT_FALSE(text.contains(QStringLiteral("notes")) && !text.contains(QStringLiteral("<h1>")));
    }
    EXPECT_TRUE(sawNotes);
    EXPECT_TRUE(sawTags);
    EXPECT_TRUE(sawForkLink);

    const RunPageModel *model = window->runsPanel()->model();
    ASSERT_GE(model->loadedRowOfKey(run.key), 0);
    EXPECT_EQ(model->index(model->loadedRowOfKey(run.key), RunPageModel::NameColumn).data().toString(), name);

    // The fork's Overview links back to its source by the literal name.
    window->openRun(fork.key);
    ASSERT_TRUE(test::waitFor([&] { return overview->details().run.key == fork.key; }));
    EXPECT_EQ(overview->nameEdit()->text(), forkName);
    const auto *forkedFrom = overview->findChild<QLabel *>(QStringLiteral("forkedFromLink"));
    ASSERT_NE(forkedFrom, nullptr);
    EXPECT_EQ(rendered(forkedFrom), QStringLiteral("Forked from <b>x</b> at step 10"));
    EXPECT_EQ(window->windowTitle(), forkName + QStringLiteral(" — Forkscope"));
}

} // namespace
} // namespace forkscope
