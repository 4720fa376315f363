// forkscope-cli commands end to end: the real binary on a real store.
#include <gtest/gtest.h>

#include "cli/cli_runner.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

QByteArray metricLines(int count, const char *key = "metric")
{
    std::vector<Json> lines;
    for (int i = 0; i < count; ++i)
        lines.push_back({{key, i}});
    return jsonLinesText(lines);
}

void createRun(const TempStore &store, const QString &id, int steps)
{
    const auto r = runCli(store.path(), {"log", "--project", "p", "--id", id}, metricLines(steps));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
}

} // namespace

TEST(CliCommands, VersionHelpAndUsageErrors)
{
    TempStore store;
    auto r = runCli(store.path(), {"--version"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.startsWith("forkscope-cli 0.")) << r.out.toStdString();

    r = runCli(store.path(), {"--help"});
    EXPECT_EQ(r.exitCode, 0);
    for (const char *command :
         {"projects", "runs", "show", "init", "log", "finish", "fork", "history", "rename", "delete", "demo"})
        EXPECT_TRUE(r.out.contains(QString("\n  ") + command + " ")) << command;

    r = runCli(store.path(), {"history", "--help"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains("--format jsonl|csv"));

    r = runCli(store.path(), {"runs", "--project", "p", "--frobnicate"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("'--frobnicate'"));
    EXPECT_TRUE(r.err.contains("--project, --entity, --sort, --filter, --offset, --limit, --json"));

    r = runCli(store.path(), {"frobnicate"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("'frobnicate'"));
    EXPECT_TRUE(r.err.contains("projects, runs, show"));

    r = runCli(store.path(), {"show"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("RUN"));

    r = runCli(store.path(), {"history", "x", "--project", "p", "--format", "xml"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("jsonl or csv"));

    ASSERT_EQ(runCli(store.path(), {"init", "--project", "other"}).exitCode, 0);
    r = runCli(store.path(), {"show", "nosuch", "--project", "p"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("no project 'p'")) << r.err.toStdString();
}

TEST(CliCommands, ShowJsonHasTheIdentityKeysAndTheForkLink)
{
    TempStore store;
    auto init = runCli(store.path(), {"init", "--project", "p", "--id", "src", "--name", "first", "--config",
                                      "{\"lr\": 0.1, \"layers\": 4}", "--json"});
    ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    EXPECT_EQ(init.json().at("state"), "pending");
    ASSERT_EQ(runCli(store.path(), {"log", "src", "--project", "p"}, metricLines(10)).exitCode, 0);

    auto show = runCli(store.path(), {"show", "local/p/src", "--json"});
    ASSERT_EQ(show.exitCode, 0) << show.err.toStdString();
    const Json src = show.json();
    for (const char *key : {"id", "immutable_id", "path", "name", "project", "entity", "state", "fork", "config",
                            "summary", "metadata", "created_at", "finished_at", "exit_code"})
        EXPECT_TRUE(src.contains(key)) << key;
    EXPECT_EQ(src.at("id"), "src");
    EXPECT_EQ(src.at("path"), "local/p/src");
    EXPECT_EQ(src.at("name"), "first");
    EXPECT_EQ(src.at("project"), "p");
    EXPECT_EQ(src.at("entity"), "local");
    EXPECT_EQ(src.at("state"), "finished"); // `log RUN` ends the run it resumed
    EXPECT_TRUE(src.at("fork").is_null());
    EXPECT_EQ(src.at("config"), Json({{"lr", 0.1}, {"layers", 4}}));
    EXPECT_EQ(src.at("summary").at("metric"), 9.0);
    EXPECT_EQ(src.at("last_step"), 9);

    auto fork = runCli(store.path(), {"fork", "src?_step=4", "--project", "p", "--id", "child", "--set", "lr=0.01",
                                      "--set", "note=\"x\"", "--json"});
    ASSERT_EQ(fork.exitCode, 0) << fork.err.toStdString();
    const auto byImmutable = runCli(
        store.path(), {"show", QString::fromStdString(fork.json().at("immutable_id").get<std::string>()), "--json"});
    ASSERT_EQ(byImmutable.exitCode, 0);
    const Json child = byImmutable.json();
    EXPECT_EQ(child.at("id"), "child");
    EXPECT_EQ(child.at("state"), "pending");
    EXPECT_EQ(child.at("fork").at("source"), src.at("immutable_id"));
    EXPECT_EQ(child.at("fork").at("source_id"), "src");
    EXPECT_EQ(child.at("fork").at("source_path"), "local/p/src");
    EXPECT_EQ(child.at("fork").at("step"), 4);
    EXPECT_EQ(child.at("config"), Json({{"lr", 0.01}, {"layers", 4}, {"note", "x"}}));
    EXPECT_EQ(child.at("summary").at("metric"), 4.0);

    // The human block names the same things.
    const auto text = runCli(store.path(), {"show", "child", "--project", "p"});
    EXPECT_TRUE(text.out.contains("local/p/src at step 4")) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QString::fromStdString(child.at("immutable_id").get<std::string>())));
}

TEST(CliCommands, ProjectsAndRunsJsonAndTables)
{
    TempStore store;
    createRun(store, "a1", 3);
    createRun(store, "a2", 5);
    ASSERT_EQ(runCli(store.path(), {"init", "--project", "q", "--entity", "team"}).exitCode, 0);

    const auto projects = runCli(store.path(), {"projects", "--json"});
    ASSERT_EQ(projects.exitCode, 0);
    const Json list = projects.json().at("projects");
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].at("entity"), "local");
    EXPECT_EQ(list[0].at("name"), "p");
    EXPECT_EQ(list[0].at("runs"), 2);
    EXPECT_EQ(list[1].at("path"), "team/q");

    const auto runs = runCli(store.path(), {"runs", "--project", "p", "--json"});
    ASSERT_EQ(runs.exitCode, 0);
    const Json entries = runs.json().at("runs");
    ASSERT_EQ(entries.size(), 2u);
    const Json show = runCli(store.path(), {"show", "a1", "--project", "p", "--json"}).json();
    for (const char *key : {"id", "immutable_id", "path", "name", "project", "entity", "state", "fork"})
        EXPECT_EQ(entries[0].at(key), show.at(key)) << key;
    EXPECT_EQ(entries[1].at("last_step"), 4);

    const auto table = runCli(store.path(), {"runs", "--project", "p"});
    const QStringList lines = table.out.split('\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3);
    EXPECT_TRUE(lines[0].startsWith("ID  "));
    EXPECT_EQ(lines[1].indexOf("finished"), lines[0].indexOf("STATE")); // aligned columns

    auto missing = runCli(store.path(), {"runs", "--project", "nope"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains("local/p")) << missing.err.toStdString();
    missing = runCli(store.path(), {"runs"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains("--project"));
}

TEST(CliCommands, MalformedLogLineIsReportedWithItsNumberAndEarlierLinesStay)
{
    TempStore store;
    const QByteArray input = "{\"loss\": 1.0}\n{\"loss\": 0.9}\n\n{\"loss\": 0.8}\n{\"loss\": oops}\n{\"loss\": 0.7}\n";
    const auto r = runCli(store.path(), {"log", "--project", "p", "--id", "r"}, input);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("line 5")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("not valid JSON")) << r.err.toStdString();
    const auto h = runCli(store.path(), {"history", "r", "--project", "p", "--keys", "loss"});
    EXPECT_EQ(h.jsonLines(),
              (std::vector<Json>{Json({{"_step", 0}, {"loss", 1.0}}), Json({{"_step", 1}, {"loss", 0.9}}),
                                 Json({{"_step", 2}, {"loss", 0.8}})}));
    const Json show = runCli(store.path(), {"show", "r", "--project", "p", "--json"}).json();
    EXPECT_EQ(show.at("state"), "failed");

    for (const auto &[line, message] :
         std::vector<std::pair<QByteArray, QString>>{{"[1, 2]", "expected a JSON object"},
                                                     {"{\"_step\": 1.5, \"a\": 1}", "_step is 1.5"},
                                                     {"{\"_step\": -2, \"a\": 1}", "_step is -2"},
                                                     {"{\"_commit\": 1, \"a\": 1}", "_commit is 1"}}) {
        const auto bad = runCli(store.path(), {"log", "r", "--project", "p"}, "{\"ok\": 1}\n" + line + "\n");
        EXPECT_EQ(bad.exitCode, 2) << line.toStdString();
        EXPECT_TRUE(bad.err.contains("line 2: " + message)) << bad.err.toStdString();
    }
    // Appending to a failed run keeps it failed.
    EXPECT_EQ(runCli(store.path(), {"show", "r", "--project", "p", "--json"}).json().at("state"), "failed");
}

TEST(CliCommands, StepGoingBackIsDroppedWithAWarning)
{
    TempStore store;
    const QByteArray input = "{\"a\": 1}\n{\"a\": 2, \"_step\": 10}\n{\"a\": 3, \"_step\": 4}\n{\"b\": 5}\n"
                             "{\"c\": 1, \"_commit\": false}\n{\"d\": 2}\n";
    const auto r = runCli(store.path(), {"log", "--project", "p", "--id", "r"}, input);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("line 3: warning:")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("monotonically")) << r.err.toStdString();
    const auto h = runCli(store.path(), {"history", "r", "--project", "p", "--keys", "a,b,c,d"});
    EXPECT_EQ(h.jsonLines(),
              (std::vector<Json>{Json({{"_step", 0}, {"a", 1.0}}), Json({{"_step", 10}, {"a", 2.0}, {"b", 5.0}}),
                                 Json({{"_step", 11}, {"c", 1.0}, {"d", 2.0}})}));
}

TEST(CliCommands, DeleteIsRefusedWhileForksExistAndMaterializingKeepsTheirHistory)
{
    TempStore store;
    createRun(store, "src", 50);
    ASSERT_EQ(runCli(store.path(), {"fork", "src?_step=20", "--project", "p", "--id", "f1"}).exitCode, 0);
    ASSERT_EQ(runCli(store.path(), {"log", "f1", "--project", "p"}, metricLines(10, "other")).exitCode, 0);
    ASSERT_EQ(runCli(store.path(), {"fork", "f1?_step=25", "--project", "p", "--id", "f2"}).exitCode, 0);

    const auto before1 = runCli(store.path(), {"history", "f1", "--project", "p"});
    const auto before2 = runCli(store.path(), {"history", "f2", "--project", "p", "--format", "csv"});
    ASSERT_EQ(before1.exitCode, 0);
    ASSERT_EQ(before1.jsonLines().size(), 31u);

    const auto refused = runCli(store.path(), {"delete", "src", "--project", "p"});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains("f1")) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains("--materialize-forks")) << refused.err.toStdString();
    EXPECT_EQ(runCli(store.path(), {"show", "src", "--project", "p"}).exitCode, 0);

    const auto deleted = runCli(store.path(), {"delete", "src", "--project", "p", "--materialize-forks", "--json"});
    ASSERT_EQ(deleted.exitCode, 0) << deleted.err.toStdString();
    EXPECT_EQ(deleted.json().at("materialized_forks").size(), 1u);
    EXPECT_EQ(runCli(store.path(), {"show", "src", "--project", "p"}).exitCode, 2);

    EXPECT_EQ(runCli(store.path(), {"history", "f1", "--project", "p"}).out, before1.out);
    EXPECT_EQ(runCli(store.path(), {"history", "f2", "--project", "p", "--format", "csv"}).out, before2.out);
    const Json f1 = runCli(store.path(), {"show", "f1", "--project", "p", "--json"}).json();
    EXPECT_EQ(f1.at("fork").at("source_id"), "src"); // the link stays, as history
    EXPECT_EQ(f1.at("fork").at("step"), 20);
}

TEST(CliCommands, RunIdIsNeverReusedAfterDelete)
{
    TempStore store;
    createRun(store, "once", 3);
    ASSERT_EQ(runCli(store.path(), {"delete", "once", "--project", "p"}).exitCode, 0);
    for (const QStringList &args : {QStringList{"init", "--project", "p", "--id", "once"},
                                    QStringList{"log", "--project", "p", "--id", "once"}}) {
        const auto r = runCli(store.path(), args, "{\"a\": 1}\n");
        EXPECT_EQ(r.exitCode, 2);
        EXPECT_TRUE(r.err.contains("never reused")) << r.err.toStdString();
    }
    EXPECT_EQ(runCli(store.path(), {"runs", "--project", "p", "--json"}).json().at("runs").size(), 0u);
}

TEST(CliCommands, RenameAndFinishChangeOnlyWhatTheySay)
{
    TempStore store;
    const Json created = runCli(store.path(), {"init", "--project", "p", "--id", "r", "--json"}).json();
    const auto renamed = runCli(store.path(), {"rename", "local/p/r", "better name", "--json"});
    ASSERT_EQ(renamed.exitCode, 0) << renamed.err.toStdString();
    EXPECT_EQ(renamed.json().at("name"), "better name");
    EXPECT_EQ(renamed.json().at("immutable_id"), created.at("immutable_id"));
    EXPECT_EQ(runCli(store.path(), {"rename", "r", "  ", "--project", "p"}).exitCode, 2);

    const auto finished = runCli(store.path(), {"finish", "r", "--project", "p", "--exit-code", "3", "--json"});
    ASSERT_EQ(finished.exitCode, 0);
    EXPECT_EQ(finished.json().at("state"), "failed");
    EXPECT_EQ(runCli(store.path(), {"show", "r", "--project", "p", "--json"}).json().at("exit_code"), 3);
    EXPECT_EQ(runCli(store.path(), {"finish", "r", "--project", "p", "--exit-code", "x"}).exitCode, 2);
}

TEST(CliCommands, InitRefusesBadOptions)
{
    TempStore store;
    auto r = runCli(store.path(), {"init", "--project", "p", "--config", "[1]"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("JSON object"));
    r = runCli(store.path(), {"init", "--project", "p", "--id", "a/b"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("'/'")) << r.err.toStdString();
    r = runCli(store.path(), {"init"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("--project"));
    r = runCli(store.path(), {"log", "x", "--name", "n"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("--name"));
    r = runCli(store.path(), {"fork", "x?_step=1", "--set", "lr"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("KEY=JSON"));
}

TEST(CliCommands, CsvQuotesFieldsAndKeepsNonFiniteValues)
{
    TempStore store;
    const QByteArray input = "{\"loss\": 0.5, \"note\": \"a, \\\"quoted\\\" word\"}\n"
                             "{\"loss\": NaN}\n"
                             "{\"loss\": Infinity, \"note\": \"two\\nlines\"}\n"
                             "{\"loss\": -Infinity}\n"
                             "{\"flag\": true}\n"
                             "{\"note\": \"plain\"}\n";
    ASSERT_EQ(runCli(store.path(), {"log", "--project", "p", "--id", "r"}, input).exitCode, 0);
    const auto csv = runCli(store.path(), {"history", "r", "--project", "p", "--format", "csv", "--keys", "loss,note"});
    ASSERT_EQ(csv.exitCode, 0) << csv.err.toStdString();
    EXPECT_EQ(csv.out, "_step,loss,note\n"
                       "0,0.5,\"a, \"\"quoted\"\" word\"\n"
                       "1,NaN,\n"
                       "2,Infinity,\"two\nlines\"\n"
                       "3,-Infinity,\n"
                       "5,,plain\n");
    const auto jsonl = runCli(store.path(), {"history", "r", "--project", "p", "--keys", "loss,flag"});
    EXPECT_EQ(jsonl.out, "{\"_step\":0,\"loss\":0.5}\n{\"_step\":1,\"loss\":NaN}\n{\"_step\":2,\"loss\":Infinity}\n"
                         "{\"_step\":3,\"loss\":-Infinity}\n{\"_step\":4,\"flag\":true}\n");
    const auto all = runCli(store.path(), {"history", "r", "--project", "p", "--format", "csv"});
    EXPECT_TRUE(all.out.startsWith("_step,_runtime,_timestamp,flag,loss,note\n")) << all.out.toStdString();
    const auto unknown = runCli(store.path(), {"history", "r", "--project", "p", "--keys", "loss,nope"});
    EXPECT_EQ(unknown.exitCode, 0);
    EXPECT_TRUE(unknown.err.contains("'nope'"));
}

TEST(CliCommands, TablesAlignByDisplayWidthForWideCharacters)
{
    TempStore store;
    const auto wide =
        runCli(store.path(), {"log", "--project", "p", "--id", "w1", "--name", "日本語の run"}, metricLines(2));
    ASSERT_EQ(wide.exitCode, 0) << wide.err.toStdString();
    const auto narrow =
        runCli(store.path(), {"log", "--project", "p", "--id", "n1", "--name", "plain"}, metricLines(2));
    ASSERT_EQ(narrow.exitCode, 0) << narrow.err.toStdString();
    const auto table = runCli(store.path(), {"runs", "--project", "p"});
    ASSERT_EQ(table.exitCode, 0);
    // Terminal columns: CJK characters take two each.
    const auto column = [](const QString &line, const QString &text) {
        const qsizetype at = line.indexOf(text);
        qsizetype width = 0;
        for (const char32_t c : line.left(at).toUcs4())
            width += (c >= 0x2E80 && c <= 0xFFEF) ? 2 : 1;
        return width;
    };
    const QStringList lines = table.out.split('\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3);
    const qsizetype stateColumn = column(lines[0], QStringLiteral("STATE"));
    EXPECT_EQ(column(lines[1], QStringLiteral("finished")), stateColumn) << lines[1].toStdString();
    EXPECT_EQ(column(lines[2], QStringLiteral("finished")), stateColumn) << lines[2].toStdString();
}
