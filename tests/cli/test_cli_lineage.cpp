// `lineage RUN`: the family of a run's root ancestor, as a text tree and as
// {"root": NODE} JSON, on a real store made with the real CLI.
#include <gtest/gtest.h>

#include "cli/cli_runner.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

class CliLineage : public ::testing::Test {
protected:
    void SetUp() override
    {
        // base (steps 0..299), forked at 200 (a: lr) and 100 (b: layers set
        // to null, warmup added); a forked at 250 (c: nested optimizer key);
        // a second fork of base at 100 (d: same config).
        std::vector<Json> lines;
        for (int i = 0; i < 300; ++i)
            lines.push_back({{"loss", 1.0 / (i + 1)}});
        ok({"log", "--project", "p", "--id", "base", "--name", "baseline", "--config",
            R"({"lr": 0.1, "layers": 4, "optimizer": {"name": "adam", "beta": 0.9}})"},
           jsonLinesText(lines));
        ok({"fork", "base?_step=200", "--project", "p", "--id", "a", "--name", "low-lr", "--set", "lr=0.01"});
        ok({"log", "local/p/a"}, jsonLinesText(std::vector<Json>(60, Json{{"loss", 0.5}})));
        ok({"fork", "base?_step=100", "--project", "p", "--id", "b", "--set", "layers=null", "--set", "warmup=100"});
        ok({"fork", "a?_step=250", "--project", "p", "--id", "c", "--set",
            R"(optimizer={"name": "sgd", "beta": 0.9})"});
        ok({"fork", "base?_step=100", "--project", "p", "--id", "d"});
    }

    void ok(const QStringList &args, const QByteArray &input = {})
    {
        const auto r = runCli(store.path(), args, input);
        ASSERT_EQ(r.exitCode, 0) << args.join(' ').toStdString() << ": " << r.err.toStdString();
    }

    Json lineageJson(const QString &run)
    {
        const auto r = runCli(store.path(), {"lineage", run, "--json"});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return r.json();
    }

    TempStore store;
};

const Json &child(const Json &node, const std::string &path)
{
    for (const Json &c : node.at("children"))
        if (c.at("path") == path)
            return c;
    ADD_FAILURE() << "no child " << path << " in " << node.dump();
    static const Json none = Json::object();
    return none;
}

} // namespace

TEST_F(CliLineage, JsonIsTheWholeFamilyOfTheRootFromAnyMember)
{
    const Json fromRoot = lineageJson("local/p/base");
    // A fork of a fork names the same family.
    EXPECT_EQ(lineageJson("local/p/c"), fromRoot);
    ASSERT_EQ(fromRoot.size(), 1u);
    const Json &root = fromRoot.at("root");
    EXPECT_EQ(root.at("path"), "local/p/base");
    EXPECT_EQ(root.at("name"), "baseline");
    EXPECT_EQ(root.at("state"), "finished");
    EXPECT_TRUE(root.at("fork_step").is_null());
    EXPECT_EQ(root.at("last_step"), 299);
    EXPECT_EQ(root.at("config_changes"), Json::object());
    EXPECT_TRUE(root.at("immutable_id").get<std::string>().starts_with("fsr:"));

    // Children in fork-step order: b and d at 100 (in creation order), then a at 200.
    const Json &kids = root.at("children");
    ASSERT_EQ(kids.size(), 3u);
    EXPECT_EQ(kids[0].at("path"), "local/p/b");
    EXPECT_EQ(kids[1].at("path"), "local/p/d");
    EXPECT_EQ(kids[2].at("path"), "local/p/a");
    EXPECT_EQ(kids[0].at("fork_step"), 100);
    EXPECT_EQ(kids[2].at("fork_step"), 200);

    const Json &a = child(root, "local/p/a");
    EXPECT_EQ(a.at("name"), "low-lr");
    EXPECT_EQ(a.at("last_step"), 260);
    EXPECT_EQ(a.at("config_changes"), (Json{{"lr", {{"from", 0.1}, {"to", 0.01}}}}));
    const Json &b = child(root, "local/p/b");
    EXPECT_EQ(b.at("state"), "pending");
    EXPECT_EQ(b.at("last_step"), 100);
    EXPECT_EQ(b.at("config_changes"),
              (Json{{"layers", {{"from", 4}, {"to", nullptr}}}, {"warmup", {{"from", nullptr}, {"to", 100}}}}));
    EXPECT_EQ(child(root, "local/p/d").at("config_changes"), Json::object());
    EXPECT_EQ(child(root, "local/p/d").at("children"), Json::array());

    // c is compared with its parent a, not with the root; nested keys by dotted path.
    const Json &c = child(a, "local/p/c");
    EXPECT_EQ(c.at("fork_step"), 250);
    EXPECT_EQ(c.at("config_changes"), (Json{{"optimizer.name", {{"from", "adam"}, {"to", "sgd"}}}}));
}

TEST_F(CliLineage, TextTreeShowsForkStepsChangesAndTheAskedRun)
{
    const auto r = runCli(store.path(), {"lineage", "c", "--project", "p"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QStringList lines = r.out.split('\n');
    ASSERT_GE(lines.size(), 9) << r.out.toStdString();
    EXPECT_EQ(lines[0], "baseline (local/p/base), finished, last step 299");
    EXPECT_TRUE(lines[1].startsWith("├─ ")) << lines[1].toStdString();
    EXPECT_TRUE(lines[1].contains("(local/p/b), forked at step 100, pending, last step 100"));
    EXPECT_TRUE(r.out.contains("layers: 4 → null"));
    EXPECT_TRUE(r.out.contains("warmup: added 100"));
    EXPECT_TRUE(r.out.contains("same config"));
    EXPECT_TRUE(r.out.contains("└─ low-lr (local/p/a), forked at step 200, finished, last step 260"));
    EXPECT_TRUE(r.out.contains("lr: 0.1 → 0.01"));
    EXPECT_TRUE(r.out.contains("   └─ ")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("(local/p/c), forked at step 250, pending, last step 250 <- this run"));
    EXPECT_TRUE(r.out.contains("optimizer.name: adam → sgd"));
    EXPECT_TRUE(r.out.contains("5 run(s) in the family."));
}

TEST_F(CliLineage, HostileNamesAndValuesAreEscaped)
{
    ok({"rename", "local/p/d", "evil\x1b[2J\nname"});
    ok({"fork", "base?_step=10", "--project", "p", "--id", "e", "--set", R"(note="line1\nline2\u001b[31m")"});
    const auto r = runCli(store.path(), {"lineage", "local/p/base"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_FALSE(r.out.contains(QChar(0x1b)));
    EXPECT_TRUE(r.out.contains("evil\\x1b[2J\\nname"));
    EXPECT_TRUE(r.out.contains("note: added line1\\nline2\\x1b[31m"));
}

TEST_F(CliLineage, UnknownRunIsRefusedClearly)
{
    for (const QStringList &args :
         {QStringList{"lineage", "local/p/nosuch"}, QStringList{"lineage", "nosuch", "--project", "p"},
          QStringList{"lineage", "fsr:00000000000000000000000000", "--json"}}) {
        const auto r = runCli(store.path(), args);
        EXPECT_EQ(r.exitCode, 2) << args.join(' ').toStdString();
        EXPECT_TRUE(r.out.isEmpty());
        EXPECT_TRUE(r.err.contains("nosuch") || r.err.contains("fsr:0000")) << r.err.toStdString();
    }
    const auto bare = runCli(store.path(), {"lineage", "base"});
    EXPECT_EQ(bare.exitCode, 2);
    EXPECT_TRUE(bare.err.contains("bare run ID")) << bare.err.toStdString();
}

TEST_F(CliLineage, ADeletedSourceLeavesItsMaterializedForksAsFamiliesOfTheirOwn)
{
    ok({"delete", "local/p/a", "--materialize-forks"});
    const Json c = lineageJson("local/p/c").at("root");
    EXPECT_EQ(c.at("path"), "local/p/c");
    EXPECT_TRUE(c.at("fork_step").is_null());
    EXPECT_EQ(c.at("config_changes"), Json::object());
    const Json base = lineageJson("local/p/base").at("root");
    EXPECT_EQ(base.at("children").size(), 2u);
}
