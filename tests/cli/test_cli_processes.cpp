// Several forkscope-cli processes on one store, and one killed mid-run.
#include <QProcess>
#include <QThread>
#include <gtest/gtest.h>

#include "cli/cli_runner.h"
#include "support/temp_store.h"

using namespace fs;
using namespace fs::test;

namespace {

QByteArray numberedLines(int count, double scale)
{
    QByteArray out;
    out.reserve(count * 32);
    for (int i = 0; i < count; ++i) {
        out += "{\"x\": " + QByteArray::number(i) + ", \"y\": " + QByteArray::number(i * scale, 'g', 17);
        // More keys: more to write per flush, so readers meet the writers.
        for (const char *key : {"a", "b", "c", "d", "e", "f"})
            out += ", \"" + QByteArray(key) + "\": " + QByteArray::number(i % 97 * scale);
        out += "}\n";
    }
    return out;
}

void startCli(QProcess &process, const QString &store, const QStringList &args)
{
    process.start(FORKSCOPE_CLI_PATH, QStringList{"--store", store} + args);
    ASSERT_TRUE(process.waitForStarted(30000));
}

} // namespace

TEST(CliProcesses, TwoWritersAndAReaderShareTheStore)
{
    constexpr int kLines = 100000;
    TempStore store;
    const QString file1 = store.dir() + "/w1.jsonl";
    const QString file2 = store.dir() + "/w2.jsonl";
    ASSERT_TRUE(writeFile(file1, numberedLines(kLines, 0.5)));
    ASSERT_TRUE(writeFile(file2, numberedLines(kLines, 0.25)));
    ASSERT_EQ(runCli(store.path(), {"init", "--project", "mp", "--id", "seed"}).exitCode, 0);

    QProcess w1, w2;
    startCli(w1, store.path(), {"log", "--project", "mp", "--id", "w1", "--file", file1});
    startCli(w2, store.path(), {"log", "--project", "mp", "--id", "w2", "--file", file2});
    int reads = 0;
    int readsWhileWriting = 0;
    bool running = true;
    while (running || reads < 3) {
        w1.waitForFinished(1);
        w2.waitForFinished(1);
        running = w1.state() != QProcess::NotRunning || w2.state() != QProcess::NotRunning;
        readsWhileWriting += running ? 1 : 0;
        const auto runs = runCli(store.path(), {"runs", "--project", "mp", "--json"});
        ASSERT_EQ(runs.exitCode, 0) << runs.err.toStdString();
        for (const auto &r : runs.json().at("runs")) {
            const auto h = runCli(store.path(), {"history", QString::fromStdString(r.at("path").get<std::string>()),
                                                 "--keys", "x", "--format", "csv"});
            ASSERT_EQ(h.exitCode, 0) << h.err.toStdString();
            EXPECT_FALSE(h.err.contains("locked"));
        }
        ++reads;
    }
    EXPECT_GT(readsWhileWriting, 0);
    for (QProcess *w : {&w1, &w2}) {
        ASSERT_EQ(w->state(), QProcess::NotRunning);
        EXPECT_EQ(w->exitStatus(), QProcess::NormalExit);
        EXPECT_EQ(w->exitCode(), 0);
        const QByteArray err = w->readAllStandardError();
        EXPECT_FALSE(err.contains("locked")) << err.toStdString();
    }
    for (const auto &[id, scale] : {std::pair{"w1", 0.5}, std::pair{"w2", 0.25}}) {
        const auto h = runCli(store.path(), {"history", id, "--project", "mp", "--keys", "x,y"});
        ASSERT_EQ(h.exitCode, 0);
        const auto rows = h.jsonLines();
        ASSERT_EQ(rows.size(), size_t(kLines)) << id;
        for (int i = 0; i < kLines; ++i) {
            ASSERT_EQ(rows[size_t(i)].at("_step").get<int>(), i);
            ASSERT_EQ(rows[size_t(i)].at("x").get<double>(), double(i));
            ASSERT_EQ(rows[size_t(i)].at("y").get<double>(), i * scale);
        }
        EXPECT_EQ(runCli(store.path(), {"show", id, "--project", "mp", "--json"}).json().at("state"), "finished");
    }
}

TEST(CliProcesses, KilledLoggerKeepsItsRowsAndReadsAsCrashed)
{
    constexpr int kLines = 500;
    TempStore store;
    ASSERT_EQ(runCli(store.path(), {"init", "--project", "p", "--id", "k"}).exitCode, 0);

    QProcess logger;
    startCli(logger, store.path(), {"log", "k", "--project", "p"});
    logger.write(numberedLines(kLines, 1.0));
    ASSERT_TRUE(logger.waitForBytesWritten(30000));
    QThread::msleep(2000);   // past the logger's 1 s flush interval
    ASSERT_EQ(logger.state(), QProcess::Running);
    logger.kill();           // SIGKILL: no chance to flush or finish
    ASSERT_TRUE(logger.waitForFinished(30000));
    EXPECT_EQ(logger.exitStatus(), QProcess::CrashExit);

    EXPECT_EQ(integrityCheck(store.path()), "ok");
    EXPECT_EQ(runCli(store.path(), {"projects"}).exitCode, 0);
    const auto h = runCli(store.path(), {"history", "k", "--project", "p", "--keys", "x"});
    ASSERT_EQ(h.exitCode, 0) << h.err.toStdString();
    const auto rows = h.jsonLines();
    ASSERT_EQ(rows.size(), size_t(kLines));
    EXPECT_EQ(rows.back().at("x").get<double>(), kLines - 1.0);

    QThread::msleep(700);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("FORKSCOPE_HEARTBEAT_TIMEOUT_MS", "500");
    const auto show = runCli(store.path(), {"show", "k", "--project", "p", "--json"}, {}, env);
    ASSERT_EQ(show.exitCode, 0) << show.err.toStdString();
    EXPECT_EQ(show.json().at("state"), "crashed");
    // With the default timeout (30 s) the run still looks alive.
    EXPECT_EQ(runCli(store.path(), {"show", "k", "--project", "p", "--json"}).json().at("state"), "running");
}
