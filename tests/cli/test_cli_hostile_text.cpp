// forkscope-cli with hostile text: control characters in names and IDs,
// bytes that are not UTF-8, keys a comma list cannot name, files with
// nothing readable, identifiers that look like numbers.
#include <gtest/gtest.h>

#include <QDir>
#include <QFileInfo>
#include <QProcess>

#include "cli/cli_runner.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

// ESC [2J clears a terminal; ESC ]0;...BEL retitles it; U+202E flips the line.
const QString kHostileName = QStringLiteral("evil\x1b[2J\nFAKE LINE\x1b]0;owned\x07\u202Eend");
const QString kHostileId = QStringLiteral("id\x1b[31mred\tx");

bool hasRawControl(const QString &text)
{
    for (const QChar c : text) {
        if ((c.unicode() < 0x20 && c != QLatin1Char('\n')) || c.unicode() == 0x7f || c.unicode() == 0x202e)
            return true;
    }
    return false;
}

// Runs forkscope-cli through sh so arguments can hold bytes that are not
// UTF-8 (QProcess takes QStrings). `script` sees the CLI as $0 and the store as $1.
CliResult runCliRaw(const QString &store, const QString &script)
{
    QProcess process;
    process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script, QStringLiteral(FORKSCOPE_CLI_PATH), store});
    return finishCli(process, QStringLiteral("sh -c ") + script, 120000);
}

qint64 runCount(const TempStore &store, const QString &project)
{
    const auto r = runCli(store.path(), {"runs", "--project", project, "--json"});
    return r.exitCode == 0 ? qint64(r.json().at("runs").size()) : -1;
}

} // namespace

TEST(CliHostileText, TablesAndShowEscapeControlCharacters)
{
    TempStore store;
    auto r = runCli(store.path(), {"init", "--project", "p\x1b[1mq", "--id", kHostileId, "--name", kHostileName});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_FALSE(hasRawControl(r.out)) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("\\x1b[2J\\nFAKE LINE")) << r.out.toStdString();

    r = runCli(store.path(), {"runs", "--project", "p\x1b[1mq"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_FALSE(hasRawControl(r.out)) << r.out.toStdString();
    EXPECT_EQ(r.out.count('\n'), 2) << r.out.toStdString(); // header and one row, no fake line
    EXPECT_TRUE(r.out.contains("id\\x1b[31mred\\tx")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("evil\\x1b[2J\\nFAKE LINE\\x1b]0;owned\\x07\\u202eend")) << r.out.toStdString();

    r = runCli(store.path(), {"projects"});
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_FALSE(hasRawControl(r.out)) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("p\\x1b[1mq")) << r.out.toStdString();

    r = runCli(store.path(), {"show", kHostileId, "--project", "p\x1b[1mq"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_FALSE(hasRawControl(r.out)) << r.out.toStdString();
    EXPECT_FALSE(r.out.contains("\nFAKE LINE")) << r.out.toStdString();

    // --json stays exact: the stored text, escaped as JSON.
    r = runCli(store.path(), {"show", kHostileId, "--project", "p\x1b[1mq", "--json"});
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_EQ(QString::fromStdString(r.json().at("name").get<std::string>()), kHostileName);
    EXPECT_EQ(QString::fromStdString(r.json().at("id").get<std::string>()), kHostileId);

    // Errors that quote the text escape it too.
    r = runCli(store.path(), {"show", "nope\x1b[2J", "--project", "p\x1b[1mq"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_FALSE(hasRawControl(r.err)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("nope\\x1b[2J")) << r.err.toStdString();

    r = runCli(store.path(), {"delete", kHostileId, "--project", "p\x1b[1mq"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_FALSE(hasRawControl(r.out)) << r.out.toStdString();
    EXPECT_EQ(r.out.count('\n'), 1) << r.out.toStdString();
}

TEST(CliHostileText, ArgumentsThatAreNotUtf8AreRefused)
{
    TempStore store;
    ASSERT_EQ(runCli(store.path(), {"init", "--project", "p", "--id", "keep"}).exitCode, 0);
    for (const char *script : {"exec \"$0\" --store \"$1\" init --project p --id \"$(printf 'a\\377b')\"",
                               "exec \"$0\" --store \"$1\" init --project \"$(printf 'p\\300\\257')\"",
                               "exec \"$0\" --store \"$1\" init --project p --name \"$(printf 'n\\355\\240\\200')\"",
                               "exec \"$0\" --store \"$1\" show \"$(printf 'local/p/\\377')\""}) {
        const auto r = runCliRaw(store.path(), QString::fromLatin1(script));
        EXPECT_EQ(r.exitCode, 2) << script;
        EXPECT_TRUE(r.err.contains("is not valid UTF-8")) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains("expected UTF-8 text")) << r.err.toStdString();
    }
    // Nothing was added; what was there is intact.
    const auto runs = runCli(store.path(), {"runs", "--project", "p", "--json"});
    ASSERT_EQ(runs.exitCode, 0);
    ASSERT_EQ(runs.json().at("runs").size(), 1u);
    EXPECT_EQ(runs.json().at("runs")[0].at("id"), "keep");
    EXPECT_EQ(runCli(store.path(), {"projects", "--json"}).json().at("projects").size(), 1u);
}

TEST(CliHostileText, LogLinesThatAreNotUtf8AreRefusedWithTheirLine)
{
    TempStore store;
    const QByteArray input = QByteArray("{\"a\": 1}\n{\"b\xff\": 2}\n{\"c\": \"x\xfey\"}\n");
    const auto r = runCli(store.path(), {"log", "--project", "p", "--id", "u8"}, input);
    EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("line 2")) << r.err.toStdString();
    const auto history = runCli(store.path(), {"history", "u8", "--project", "p"});
    ASSERT_EQ(history.exitCode, 0) << history.err.toStdString();
    ASSERT_EQ(history.jsonLines().size(), 1u); // line 1 kept
    EXPECT_EQ(history.jsonLines()[0].at("a"), 1);
}

TEST(CliHostileText, EmptyAndCommaKeysAreSelectableWithKey)
{
    TempStore store;
    const QByteArray input = QByteArray("{\"\": 1, \"comma,key\": 2, \"plain\": 3}\n{\"plain\": 4}\n");
    ASSERT_EQ(runCli(store.path(), {"log", "--project", "p", "--id", "k"}, input).exitCode, 0);

    auto r = runCli(store.path(), {"history", "k", "--project", "p", "--key", ""});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    ASSERT_EQ(r.jsonLines().size(), 1u) << r.out.toStdString();
    EXPECT_EQ(r.jsonLines()[0], (Json{{"_step", 0}, {"", 1}}));

    r = runCli(store.path(), {"history", "k", "--project", "p", "--key", "comma,key", "--format", "csv"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2) << r.out.toStdString();
    EXPECT_EQ(lines[0], "_step,\"comma,key\"");
    EXPECT_TRUE(lines[1] == "0,2" || lines[1] == "0,2.0") << r.out.toStdString();

    r = runCli(store.path(), {"history", "k", "--project", "p", "--key=comma,key", "--key=", "--keys", "plain"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    ASSERT_EQ(r.jsonLines().size(), 2u);
    EXPECT_EQ(r.jsonLines()[0], (Json{{"_step", 0}, {"", 1}, {"comma,key", 2}, {"plain", 3}}));
    EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();

    r = runCli(store.path(), {"history", "--help"});
    EXPECT_TRUE(r.out.contains("--key K...")) << r.out.toStdString();
}

TEST(CliHostileText, FilesWithNothingReadableImportNothingAndSayWhy)
{
    TempStore store;
    ASSERT_EQ(runCli(store.path(), {"init", "--project", "imported", "--id", "keep"}).exitCode, 0);
    const QString tb = store.dir() + "/tb/events.out.tfevents.1700000000.host";
    QByteArray random(4096, '\0');
    for (int i = 0; i < random.size(); ++i)
        random[i] = char((i * 7919 + 13) % 251);
    ASSERT_TRUE(QDir().mkpath(store.dir() + "/tb"));
    ASSERT_TRUE(writeFile(tb, random));
    auto r = runCli(store.path(), {"import", store.dir() + "/tb"});
    EXPECT_EQ(r.exitCode, 2) << r.out.toStdString() << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("nothing was imported")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("no readable record")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("checksum")) << r.err.toStdString(); // the reader's reason

    r = runCli(store.path(), {"import", tb});
    EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();

    const QString wandb = store.dir() + "/wandb/run-20240101_000000-empty1/run-empty1.wandb";
    ASSERT_TRUE(QDir().mkpath(store.dir() + "/wandb/run-20240101_000000-empty1"));
    ASSERT_TRUE(writeFile(wandb, QByteArray()));
    r = runCli(store.path(), {"import", wandb});
    EXPECT_EQ(r.exitCode, 2) << r.out.toStdString() << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("no readable record")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("empty")) << r.err.toStdString();
    r = runCli(store.path(), {"import", store.dir() + "/wandb", "--json"});
    EXPECT_EQ(r.exitCode, 2) << r.out.toStdString() << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("nothing was imported")) << r.err.toStdString();

    // No empty run was made anywhere; the run that was there is intact.
    EXPECT_EQ(runCount(store, "imported"), 1);
    EXPECT_EQ(runCount(store, "uncategorized"), -1);
    EXPECT_EQ(runCli(store.path(), {"projects", "--json"}).json().at("projects").size(), 1u);
}

TEST(CliHostileText, MlflowRunIdsOfDigitsStayTextAndCollisionsFail)
{
    TempStore store;
    const QString root = store.dir() + "/mlruns";
    const auto write = [](const QString &path, const QByteArray &bytes) {
        ASSERT_TRUE(QDir().mkpath(QFileInfo(path).path()));
        ASSERT_TRUE(writeFile(path, bytes));
    };
    write(root + "/0/meta.yaml", "experiment_id: '0'\nname: many\nlifecycle_stage: active\n");
    // Unquoted, as MLflow writes them: YAML would read numbers (octal for 0o10).
    const QStringList ids = {
        "00000000000000000000000000000010", "0000000000000000000000000000010", "10", "010", "0o10", "1e3", "0x10"};
    for (int i = 0; i < ids.size(); ++i) {
        const QString dir = root + "/0/" + ids[i];
        write(dir + "/meta.yaml", QStringLiteral("run_id: %1\nrun_name: r%2\nexperiment_id: 0\nstatus: 3\n"
                                                 "start_time: 1000\nend_time: 2000\nlifecycle_stage: active\n")
                                      .arg(ids[i])
                                      .arg(i)
                                      .toUtf8());
        write(dir + "/metrics/loss", QStringLiteral("1000 %1 0\n").arg(i).toUtf8());
    }
    auto r = runCli(store.path(), {"import", root, "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    const Json report = r.json();
    ASSERT_EQ(report.at("runs").size(), size_t(ids.size()));
    for (const Json &run : report.at("runs"))
        EXPECT_EQ(run.at("status"), "created") << run.dump();
    for (int i = 0; i < ids.size(); ++i) {
        const auto h = runCli(store.path(), {"history", "local/many/" + ids[i]});
        ASSERT_EQ(h.exitCode, 0) << ids[i].toStdString() << h.err.toStdString();
        ASSERT_EQ(h.jsonLines().size(), 1u);
        EXPECT_EQ(h.jsonLines()[0].at("loss"), double(i)) << ids[i].toStdString();
    }

    // Another mlruns folder holding a different run under a taken ID: an
    // error for that run, never "unchanged", and the stored run keeps its rows.
    const QString other = store.dir() + "/other/mlruns";
    write(other + "/0/meta.yaml", "experiment_id: '0'\nname: many\nlifecycle_stage: active\n");
    write(other + "/0/x/meta.yaml", "run_id: 010\nrun_name: intruder\nexperiment_id: 0\nstatus: 3\n"
                                    "lifecycle_stage: active\n");
    write(other + "/0/x/metrics/loss", "1000 99 0\n1000 98 1\n");
    r = runCli(store.path(), {"import", other, "--json"});
    EXPECT_EQ(r.exitCode, 1) << r.out.toStdString();
    const Json collided = r.json();
    ASSERT_EQ(collided.at("runs").size(), 1u);
    const Json &failed = collided.at("runs")[0];
    EXPECT_EQ(failed.at("status"), "failed");
    const QString error = QString::fromStdString(failed.at("error").get<std::string>());
    EXPECT_TRUE(error.contains("run ID '010'")) << error.toStdString();
    EXPECT_TRUE(error.contains("a different source")) << error.toStdString();
    EXPECT_TRUE(error.contains(root + "/0/010")) << error.toStdString();
    const auto h = runCli(store.path(), {"history", "local/many/010"});
    ASSERT_EQ(h.jsonLines().size(), 1u);
    EXPECT_EQ(h.jsonLines()[0].at("loss"), 3.0);
    EXPECT_EQ(runCli(store.path(), {"show", "local/many/010", "--json"}).json().at("name"), "r3");

    // The same source again is still idempotent.
    r = runCli(store.path(), {"import", root, "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString();
    const Json second = r.json();
    for (const Json &run : second.at("runs"))
        EXPECT_EQ(run.at("status"), "unchanged") << run.dump();
}
