// forkscope-cli rewind: the run keeps its IDs, `log RUN` continues it at N+1,
// `show --json` lists what was archived, and the refusals of a fork spec.
#include <gtest/gtest.h>

#include "cli/cli_runner.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

class CliRewind : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::vector<Json> lines;
        for (int i = 0; i < 10; ++i)
            lines.push_back({{"loss", 10 - i}});
        const auto r = runCli(store.path(), {"log", "--project", "p", "--id", "abc"}, jsonLinesText(lines));
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }

    std::vector<std::pair<qint64, Json>> loss(const QString &run)
    {
        std::vector<std::pair<qint64, Json>> out;
        for (const Json &row : runCli(store.path(), {"history", run, "--keys", "loss"}).jsonLines())
            if (row.contains("loss"))
                out.emplace_back(row["_step"].get<qint64>(), row["loss"]);
        return out;
    }

    void expectRefused(const QStringList &args, const QStringList &mentions)
    {
        const QByteArray before = readFile(store.path());
        const auto r = runCli(store.path(), args);
        EXPECT_EQ(r.exitCode, 2) << args.join(' ').toStdString();
        EXPECT_TRUE(r.out.isEmpty()) << r.out.toStdString();
        for (const QString &m : mentions)
            EXPECT_TRUE(r.err.contains(m)) << "'" << m.toStdString() << "' not in: " << r.err.toStdString();
        EXPECT_EQ(runCli(store.path(), {"show", "local/p/abc", "--json"}).json()["archived"], Json::array());
    }

    TempStore store;
};

} // namespace

TEST_F(CliRewind, TheRunKeepsItsIdsAndLogOnContinuesAtNPlusOne)
{
    const Json before = runCli(store.path(), {"show", "local/p/abc", "--json"}).json();
    const auto r = runCli(store.path(), {"rewind", "abc?_step=4", "--project", "p", "--set", "lr=0.5", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const Json rewound = r.json();
    // As show --json prints it.
    EXPECT_EQ(rewound, runCli(store.path(), {"show", "local/p/abc", "--json"}).json());
    EXPECT_EQ(rewound["id"], "abc");
    EXPECT_EQ(rewound["immutable_id"], before["immutable_id"]);
    EXPECT_EQ(rewound["path"], "local/p/abc");
    EXPECT_EQ(rewound["last_step"], 4);
    EXPECT_EQ(rewound["fork"], nullptr);
    EXPECT_EQ(rewound["rewind"]["step"], 4);
    EXPECT_EQ(rewound["summary"]["loss"], 6);
    EXPECT_EQ(rewound["config"]["lr"], 0.5);
    ASSERT_EQ(rewound["archived"].size(), 1u);
    const Json archived = rewound["archived"][0];
    EXPECT_EQ(archived["first_step"], 5);
    EXPECT_EQ(archived["last_step"], 9);
    EXPECT_TRUE(archived["archived_at"].is_string());
    EXPECT_EQ(rewound["rewind"]["archived_version"], archived["immutable_id"]);

    const auto logged = runCli(store.path(), {"log", "abc", "--project", "p"}, "{\"loss\": 100}\n");
    ASSERT_EQ(logged.exitCode, 0) << logged.err.toStdString();
    std::vector<std::pair<qint64, Json>> expected;
    for (qint64 s = 0; s <= 4; ++s)
        expected.emplace_back(s, Json(10 - s));
    expected.emplace_back(5, Json(100));
    EXPECT_EQ(loss(QStringLiteral("local/p/abc")), expected);

    // The archived version: not in the runs list, shown and read by its ID.
    const QString archiveId = QString::fromStdString(archived["immutable_id"].get<std::string>());
    const Json runs = runCli(store.path(), {"runs", "--project", "p", "--json"}).json();
    EXPECT_EQ(runs["runs"].size(), 1u) << runs.dump();
    const Json shown = runCli(store.path(), {"show", archiveId, "--json"}).json();
    EXPECT_EQ(shown["archived_version_of"]["rewind_step"], 4);
    EXPECT_EQ(shown["last_step"], 9);
    EXPECT_EQ(loss(archiveId).size(), 10u);
    const auto text = runCli(store.path(), {"show", "local/p/abc"});
    EXPECT_TRUE(text.out.contains(archiveId + QStringLiteral(": steps 5..9"))) << text.out.toStdString();
    // It is not logged to.
    const auto refused = runCli(store.path(), {"log", archiveId}, "{\"loss\": 1}\n");
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains("archived version of run 'abc'")) << refused.err.toStdString();
}

TEST_F(CliRewind, SpecsAreRefusedAsForAFork)
{
    const QString expected = "'<run>?_step=<N>'";
    for (const char *spec : {"abc?epoch=3", "abc", "abc?_step=", "abc?_step=1.5", "abc?_step=-1", "abc?_step=1&x=2"}) {
        const auto fork = runCli(store.path(), {"fork", spec, "--project", "p"});
        expectRefused({"rewind", spec, "--project", "p"}, {expected, fork.err.trimmed()});
    }
    expectRefused({"rewind", "abc?_step=9", "--project", "p"}, {"its last step is 9", "from 0 to 8"});
    expectRefused({"rewind", "abc?_step=10", "--project", "p"}, {"its last step is 9"});
}

TEST_F(CliRewind, AnUnknownRunIsRefusedNamingIt)
{
    const auto r = runCli(store.path(), {"rewind", "nosuch?_step=1", "--project", "p"});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains("cannot rewind: the run was not found")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("nosuch")) << r.err.toStdString();
}

TEST_F(CliRewind, TheFamilyKeepsTheArchivedVersionAndTheForksThatLiveThroughIt)
{
    ASSERT_EQ(runCli(store.path(), {"fork", "abc?_step=7", "--project", "p", "--id", "late"}).exitCode, 0);
    ASSERT_EQ(runCli(store.path(), {"fork", "abc?_step=2", "--project", "p", "--id", "early"}).exitCode, 0);
    const auto r = runCli(store.path(), {"rewind", "abc?_step=4", "--project", "p", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const Json archived = r.json()["archived"];
    ASSERT_EQ(archived.size(), 1u);

    // Asked from the run, from the fork kept through the archive, from the archive: one family.
    const Json family = runCli(store.path(), {"lineage", "local/p/abc", "--json"}).json();
    for (const QString &member :
         {QStringLiteral("local/p/late"), QString::fromStdString(archived[0]["immutable_id"].get<std::string>())})
        EXPECT_EQ(runCli(store.path(), {"lineage", member, "--json"}).json(), family) << member.toStdString();
    const Json &root = family["root"];
    EXPECT_EQ(root["path"], "local/p/abc");
    ASSERT_EQ(root["children"].size(), 2u);
    EXPECT_EQ(root["children"][0]["path"], "local/p/early");
    EXPECT_EQ(root["children"][0]["fork_step"], 2);
    const Json &archive = root["children"][1];
    EXPECT_EQ(archive["archived"], true);
    EXPECT_EQ(archive["immutable_id"], archived[0]["immutable_id"]);
    EXPECT_EQ(archive["fork_step"], 4);
    EXPECT_EQ(archive["last_step"], 9);
    ASSERT_EQ(archive["children"].size(), 1u);
    EXPECT_EQ(archive["children"][0]["path"], "local/p/late");
    EXPECT_EQ(archive["children"][0]["fork_step"], 7);

    const auto text = runCli(store.path(), {"lineage", "local/p/abc"});
    EXPECT_TRUE(text.out.contains("cut off by a rewind to step 4")) << text.out.toStdString();
}

TEST_F(CliRewind, FamilyAndRefusalsSpeakJapaneseUnderAJapaneseLocale)
{
    QProcessEnvironment ja = QProcessEnvironment::systemEnvironment();
    ja.insert(QStringLiteral("LC_ALL"), QStringLiteral("ja_JP.UTF-8"));
    ja.insert(QStringLiteral("LANG"), QStringLiteral("ja_JP.UTF-8"));
    ja.remove(QStringLiteral("LANGUAGE"));
    ASSERT_EQ(runCli(store.path(), {"fork", "abc?_step=7", "--project", "p", "--id", "late"}).exitCode, 0);
    ASSERT_EQ(runCli(store.path(), {"rewind", "abc?_step=4", "--project", "p"}).exitCode, 0);

    const auto tree = runCli(store.path(), {"lineage", "local/p/abc"}, {}, ja);
    ASSERT_EQ(tree.exitCode, 0) << tree.err.toStdString();
    EXPECT_TRUE(tree.out.contains(QStringLiteral("step 7 でフォーク"))) << tree.out.toStdString();
    EXPECT_TRUE(tree.out.contains(QStringLiteral("ステップ 4 への巻き戻しで切り離されたアーカイブ版")))
        << tree.out.toStdString();

    const auto refused = runCli(store.path(), {"rewind", "abc?_step=99", "--project", "p"}, {}, ja);
    EXPECT_EQ(refused.exitCode, 2);
    bool hasJapanese = false;
    for (QChar c : refused.err)
        hasJapanese = hasJapanese || (c.unicode() >= 0x3040 && c.unicode() <= 0x9fff);
    EXPECT_TRUE(hasJapanese) << refused.err.toStdString();
}
