// At the window's default size, the runs table of the demo project shows
// every column whole: each is as wide as its header and its longest cell,
// so nothing is elided.
#include <QHeaderView>
#include <QStyle>
#include <QTableView>
#include <gtest/gtest.h>

#include "demo/demo_project.h"
#include "store/store.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/runs/runs_panel.h"

namespace forkscope {
namespace {

TEST(RunsColumns, EveryColumnOfTheDemoIsReadableAtTheDefaultWindowSize)
{
    test::TempStore temp;
    {
        Store store(temp.path());
        createDemoProject(store);
    }
    MainWindow::Options options;
    options.storePath = temp.path();
    options.useSettings = false; // a first start: the default size and layout
    MainWindow window(options);
    const QSize defaultSize = window.size();
    window.show();
    ASSERT_TRUE(test::waitFor([&] { return window.isSettled() && window.currentRunKey() != 0; }));
    ASSERT_EQ(window.size(), defaultSize);

    QTableView *table = window.runsPanel()->view();
    QHeaderView *header = table->horizontalHeader();
    const int rows = table->model()->rowCount();
    ASSERT_GE(rows, 5);
    const QFontMetrics fm(table->font());
    const int textMargin = table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1;
    for (int c = 0; c < header->count(); ++c) {
        if (header->isSectionHidden(c))
            continue;
        const QString title = table->model()->headerData(c, Qt::Horizontal).toString();
        EXPECT_GE(header->sectionSize(c), header->sectionSizeHint(c)) << "header of " << title.toStdString();
        // What the delegate asks for (the state badge is wider than its text)...
        EXPECT_GE(header->sectionSize(c), static_cast<QAbstractItemView *>(table)->sizeHintForColumn(c))
            << title.toStdString();
        // ...and, measured here, the text of every cell inside the style's margins.
        for (int r = 0; r < rows; ++r) {
            const QString text = table->model()->index(r, c).data().toString();
            EXPECT_GE(header->sectionSize(c), fm.horizontalAdvance(text) + 2 * textMargin)
                << title.toStdString() << ": '" << text.toStdString() << "' is cut";
        }
    }
}

} // namespace
} // namespace forkscope
