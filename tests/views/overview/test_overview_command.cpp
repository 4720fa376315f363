#include <QLabel>
#include <gtest/gtest.h>

#include "client/run.h"
#include "client/start_command.h"
#include "itemmodels/command_text.h"
#include "store/store.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/overview/overview_tab.h"

namespace forkscope {
namespace {

const QLabel *field(const OverviewTab *overview, const QString &name)
{
    for (const QLabel *label : overview->findChildren<QLabel *>()) {
        if (label->accessibleName() == name)
            return label;
    }
    return nullptr;
}

TEST(OverviewCommand, CommandLinesShowWhereEachArgumentStartsAndEnds)
{
    EXPECT_EQ(commandLineText({QStringLiteral("train.py"), QStringLiteral("--lr"), QStringLiteral("0.1")}),
              QStringLiteral("train.py --lr 0.1"));
    EXPECT_EQ(commandLineText({QStringLiteral("a b"), QString(), QStringLiteral("it's"), QStringLiteral("$HOME")}),
              QStringLiteral("'a b' '' 'it'\\''s' '$HOME'"));
    EXPECT_EQ(runCommandText({{"program", "train.py"}, {"args", {"--name", "my run"}}}),
              QStringLiteral("train.py --name 'my run'"));
    EXPECT_EQ(runCommandText({{"program", "train.py"}, {"args", "--lr 0.1"}}), QStringLiteral("train.py --lr 0.1"));
    EXPECT_EQ(runCommandText({{"command", "make train"}, {"program", "x"}}), QStringLiteral("make train"));
    EXPECT_EQ(runCommandText(Json::object()), QString());
}

TEST(OverviewCommand, ARunLoggedByTheClientShowsHowItWasStarted)
{
    test::TempStore temp;
    InitOptions options;
    options.storePath = temp.path();
    options.project = QStringLiteral("proj");
    auto run = Run::init(options);
    run->log({{"loss", 1.0}});
    run->finish();
    Store store(temp.path());
    const RunInfo info = store.runInfo(run->info().key);
    const Json recorded = startCommandMetadata();

    auto window = test::openWindow(temp.path(), info.runId);
    OverviewTab *overview = window->runPage()->overview();
    ASSERT_TRUE(test::waitFor([&] { return overview->details().run.key == info.key; }));
    const QLabel *command = field(overview, QStringLiteral("Command"));
    ASSERT_NE(command, nullptr);
    EXPECT_EQ(command->textFormat(), Qt::PlainText);
    EXPECT_EQ(command->text(), runCommandText(recorded));
    EXPECT_TRUE(command->text().startsWith(QString::fromStdString(recorded["program"].get<std::string>())));
    const QLabel *git = field(overview, QStringLiteral("Git commit"));
    ASSERT_NE(git, nullptr);
    const QString commit = gitCommitAt(QString::fromStdString(info.metadata["root"].get<std::string>()));
    EXPECT_EQ(git->text(), commit.isEmpty() ? QStringLiteral("—") : commit);
}

} // namespace
} // namespace forkscope
