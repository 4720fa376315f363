// checkpoint add and checkpoints, through the real forkscope-cli.
#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include "cli/cli_runner.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

class CliCheckpoints : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::vector<Json> lines;
        for (int i = 0; i < 100; ++i)
            lines.push_back({{"loss", 1.0 / (i + 1)}});
        auto r = runCli(store.path(), {"log", "--project", "p", "--id", "src"}, jsonLinesText(lines));
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }

    QString save(const QString &name, const QByteArray &content)
    {
        const QString path = QDir(store.dir()).filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly) && f.write(content) == content.size());
        return path;
    }

    CliResult add(const QStringList &more)
    {
        return runCli(store.path(), QStringList{"checkpoint", "add"} + more + QStringList{"--project", "p"});
    }

    TempStore store;
};

} // namespace

TEST_F(CliCheckpoints, AddedCheckpointsListInStepOrderWithSizeHashAndOwner)
{
    const QString w30 = save(QStringLiteral("w30.pt"), "thirty");
    const QString w99 = save(QStringLiteral("w99.pt"), "ninety-nine");
    auto r = add({"src", w99, "--json"}); // default step: the run's last
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json()["step"], 99);
    EXPECT_EQ(r.json()["path"], w99.toStdString());
    ASSERT_EQ(add({"src", w30, "--step", "30"}).exitCode, 0);

    r = runCli(store.path(), {"checkpoints", "src", "--project", "p", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const Json list = r.json()["checkpoints"];
    ASSERT_EQ(list.size(), 2u);
    const std::string sha = QCryptographicHash::hash("thirty", QCryptographicHash::Sha256).toHex().toStdString();
    EXPECT_EQ(list[0], Json({{"step", 30},
                             {"path", w30.toStdString()},
                             {"size", 6},
                             {"sha256", sha},
                             {"run", "local/p/src"},
                             {"exists", true},
                             {"matches", true}}));
    EXPECT_EQ(list[1]["step"], 99);

    r = runCli(store.path(), {"checkpoints", "src", "--project", "p"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("STEP"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(w30)) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("local/p/src"))) << r.out.toStdString();
}

TEST_F(CliCheckpoints, AForkListsItsSourcesUpToTheForkStepThenItsOwn)
{
    for (int s : {20, 40, 60})
        ASSERT_EQ(add({"src", save(QStringLiteral("w%1.pt").arg(s), "w"), "--step", QString::number(s)}).exitCode, 0);
    ASSERT_EQ(runCli(store.path(), {"fork", "src?_step=50", "--project", "p", "--id", "f"}).exitCode, 0);
    // A fork that logged nothing yet: its default step is the fork step.
    auto r = add({"f", save(QStringLiteral("f.pt"), "f"), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json()["step"], 50);

    r = runCli(store.path(), {"checkpoints", "f", "--project", "p", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    std::vector<std::pair<qint64, std::string>> seen;
    const Json list = r.json();
    for (const Json &c : list["checkpoints"])
        seen.emplace_back(c["step"].get<qint64>(), c["run"].get<std::string>());
    EXPECT_EQ(seen, (std::vector<std::pair<qint64, std::string>>{
                        {20, "local/p/src"}, {40, "local/p/src"}, {50, "local/p/f"}}));
}

TEST_F(CliCheckpoints, MissingAndChangedFilesAreReportedWithoutFailing)
{
    const QString gone = save(QStringLiteral("gone.pt"), "gone");
    const QString changed = save(QStringLiteral("changed.pt"), "before");
    ASSERT_EQ(add({"src", gone, "--step", "10"}).exitCode, 0);
    ASSERT_EQ(add({"src", changed, "--step", "20"}).exitCode, 0);
    ASSERT_EQ(add({"src", "s3://bucket/w.pt", "--step", "30"}).exitCode, 0);
    ASSERT_TRUE(QFile::remove(gone));
    save(QStringLiteral("changed.pt"), "after!");

    auto r = runCli(store.path(), {"checkpoints", "src", "--project", "p", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const Json list = r.json()["checkpoints"];
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0]["exists"], false);
    EXPECT_EQ(list[0]["matches"], false);
    EXPECT_EQ(list[1]["exists"], true);
    EXPECT_EQ(list[1]["matches"], false);
    EXPECT_EQ(list[2]["path"], "s3://bucket/w.pt");
    EXPECT_TRUE(list[2]["size"].is_null());
    EXPECT_TRUE(list[2]["sha256"].is_null());

    r = runCli(store.path(), {"checkpoints", "src", "--project", "p"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("missing"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("changed"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("not checked"))) << r.out.toStdString();
}

TEST_F(CliCheckpoints, BadInputIsRefusedNamingWhatIsExpected)
{
    const QString w = save(QStringLiteral("w.pt"), "w");
    const auto expectRefused = [&](const QStringList &args, const QString &mention) {
        const auto r = runCli(store.path(), args);
        EXPECT_EQ(r.exitCode, 2) << args.join(' ').toStdString() << ": " << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(mention)) << "'" << mention.toStdString() << "' not in: " << r.err.toStdString();
    };
    expectRefused({"checkpoint", "add", "src", QDir(store.dir()).filePath("nope.pt"), "--project", "p"},
                  "nope.pt' does not exist");
    expectRefused({"checkpoint", "add", "src", w, "--step", "-3", "--project", "p"},
                  "--step -3: expected a whole number from 0 to 2^53");
    expectRefused({"checkpoint", "add", "src", w, "--step", "ten", "--project", "p"}, "--step ten");
    expectRefused({"checkpoint", "remove", "src", w, "--project", "p"}, "expected 'checkpoint add RUN PATH'");
    expectRefused({"checkpoint", "add", "nosuch", w, "--project", "p"}, "nosuch");
    expectRefused({"checkpoints", "nosuch", "--project", "p"}, "nosuch");
    const auto r = runCli(store.path(), {"checkpoints", "src", "--project", "p", "--json"});
    EXPECT_EQ(r.json()["checkpoints"], Json::array()); // nothing of the refused ones
}
