// One live writer per run: two `log RUN` processes at once, and what other
// commands may do to a run a live process is logging.
#include <QProcess>
#include <QSysInfo>
#include <gtest/gtest.h>
#include <iostream>

#include "cli/cli_runner.h"
#include "cli/numbered_lines.h"
#include "support/poll.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

// A `log RUN` process fed through stdin, so the test decides when it ends.
struct LiveLogger {
    QProcess process;

    bool start(const QString &store, const QString &runPath,
               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        return startCli(process, store, {"log", runPath}, env);
    }
    void send(const QByteArray &lines)
    {
        process.write(lines);
        process.waitForBytesWritten(30000);
    }
    // Closes the input; the exit code, or -1 if it crashed or hung.
    int end()
    {
        process.closeWriteChannel();
        if (process.state() != QProcess::NotRunning && !process.waitForFinished(60000))
            return -1;
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
    QString err() { return QString::fromUtf8(process.readAllStandardError()); }
};

// How refusals name a writer process; take it while the process runs (its
// pid reads 0 once it has ended).
QString writerText(const QProcess &writer)
{
    return QStringLiteral("process %1 on host %2").arg(writer.processId()).arg(QSysInfo::machineHostName());
}

qint64 sqlCount(const QString &path, const char *sql)
{
    bool ok = false;
    const qint64 n = queryStore(path, sql).toLongLong(&ok);
    return ok ? n : -1;
}

// Nothing left of a deleted run: no series, chunks or points without a run.
void expectNoOrphans(const QString &path)
{
    EXPECT_EQ(integrityCheck(path), "ok");
    EXPECT_EQ(sqlCount(path, "SELECT count(*) FROM series WHERE run NOT IN (SELECT id FROM runs)"), 0);
    EXPECT_EQ(sqlCount(path, "SELECT count(*) FROM chunks WHERE series NOT IN (SELECT id FROM series)"), 0);
    EXPECT_EQ(sqlCount(path, "SELECT count(*) FROM chunk_data WHERE id NOT IN (SELECT data_id FROM chunks)"), 0);
    EXPECT_EQ(sqlCount(path, "SELECT count(*) FROM text_points WHERE series NOT IN (SELECT id FROM series)"), 0);
}

std::vector<Json> history(const QString &store, const QString &runPath)
{
    const CliResult h = runCli(store, {"history", runPath});
    EXPECT_EQ(h.exitCode, 0) << h.err.toStdString();
    return h.jsonLines();
}

QProcessEnvironment withHeartbeatTimeout(int ms)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("FORKSCOPE_HEARTBEAT_TIMEOUT_MS", QString::number(ms));
    return env;
}

} // namespace

// The report: two `log RUN --file` at the same moment both exited 0 and the
// run held one writer's 1 000 rows. Now the claim is atomic: either one is
// refused, naming the other, or they ran one after the other (2 000 rows).
TEST(CliWriters, TwoLoggersOnOneRunNeverBothSucceedOnOneSetOfRows)
{
    constexpr int kTrials = 10;
    constexpr int kLines = 1000;
    TempStore store;
    const QString fileA = store.dir() + "/a.jsonl";
    const QString fileB = store.dir() + "/b.jsonl";
    ASSERT_TRUE(writeFile(fileA, numberedLines(kLines, 0.5)));
    ASSERT_TRUE(writeFile(fileB, numberedLines(kLines, 0.25, kLines)));
    int refused = 0;
    for (int trial = 0; trial < kTrials; ++trial) {
        const QString path = QStringLiteral("local/p/t%1").arg(trial);
        SCOPED_TRACE(path.toStdString());
        ASSERT_EQ(runCli(store.path(), {"init", "--project", "p", "--id", QStringLiteral("t%1").arg(trial)}).exitCode,
                  0);
        QProcess a, b;
        ASSERT_TRUE(startCli(a, store.path(), {"log", path, "--file", fileA}));
        ASSERT_TRUE(startCli(b, store.path(), {"log", path, "--file", fileB}));
        const QString writerA = writerText(a);
        const QString writerB = writerText(b);
        ASSERT_TRUE(a.waitForFinished(60000));
        ASSERT_TRUE(b.waitForFinished(60000));
        const QString errA = QString::fromUtf8(a.readAllStandardError());
        const QString errB = QString::fromUtf8(b.readAllStandardError());
        const auto rows = history(store.path(), path);
        if (a.exitCode() == 0 && b.exitCode() == 0) {
            // One after the other: both inputs, whole, in one order.
            ASSERT_EQ(rows.size(), size_t(2 * kLines));
            const bool aFirst = rows[1].at("y").get<double>() == 0.5;
            // Each writer's lines continue at the run's next step; the
            // values still say which writer and line they came from.
            for (size_t i = 0; i < rows.size(); ++i) {
                const bool fromA = (i < size_t(kLines)) == aFirst;
                const qint64 line = fromA ? qint64(i % kLines) : qint64(kLines + i % kLines);
                ASSERT_EQ(rows[i].at("_step").get<qint64>(), qint64(i));
                ASSERT_EQ(rows[i].at("x").get<double>(), double(line)) << "row " << i;
                ASSERT_EQ(rows[i].at("y").get<double>(), line * (fromA ? 0.5 : 0.25)) << "row " << i;
            }
            continue;
        }
        ++refused;
        QProcess &loser = a.exitCode() == 0 ? b : a;
        QProcess &winner = a.exitCode() == 0 ? a : b;
        const QString loserErr = a.exitCode() == 0 ? errB : errA;
        ASSERT_EQ(winner.exitCode(), 0) << (a.exitCode() == 0 ? errA : errB).toStdString();
        EXPECT_EQ(loser.exitCode(), 2);
        const QString &winnerText = &winner == &a ? writerA : writerB;
        EXPECT_TRUE(loserErr.contains(QStringLiteral("run 't%1' is being logged by %2").arg(trial).arg(winnerText)))
            << loserErr.toStdString();
        ASSERT_EQ(rows.size(), size_t(kLines));
        const bool aWon = &winner == &a;
        for (size_t i = 0; i < rows.size(); ++i) {
            const qint64 line = aWon ? qint64(i) : qint64(kLines + i);
            ASSERT_EQ(rows[i].at("x").get<double>(), double(line)) << "row " << i;
            ASSERT_EQ(rows[i].at("y").get<double>(), line * (aWon ? 0.5 : 0.25)) << "row " << i;
        }
        EXPECT_EQ(runState(store.path(), path), "finished");
    }
    std::cout << "refused: " << refused << " of " << kTrials << " (the rest ran one after the other)\n";
}

// Both loggers claim at start and read stdin afterwards, so they always
// overlap: every trial must refuse exactly one.
TEST(CliWriters, OverlappingLoggersAlwaysRefuseTheSecond)
{
    constexpr int kTrials = 5;
    TempStore store;
    for (int trial = 0; trial < kTrials; ++trial) {
        const QString path = QStringLiteral("local/p/o%1").arg(trial);
        SCOPED_TRACE(path.toStdString());
        ASSERT_EQ(runCli(store.path(), {"init", "--project", "p", "--id", QStringLiteral("o%1").arg(trial)}).exitCode,
                  0);
        LiveLogger a, b;
        ASSERT_TRUE(a.start(store.path(), path));
        ASSERT_TRUE(b.start(store.path(), path));
        // The loser ends on its own; the winner waits for its input.
        ASSERT_TRUE(pollUntil([&] {
            // waitForFinished lets QProcess notice an exit (state() alone does not).
            a.process.waitForFinished(1);
            b.process.waitForFinished(1);
            return a.process.state() == QProcess::NotRunning || b.process.state() == QProcess::NotRunning;
        }));
        LiveLogger &loser = a.process.state() == QProcess::NotRunning ? a : b;
        LiveLogger &winner = &loser == &a ? b : a;
        EXPECT_EQ(loser.end(), 2);
        const QString err = loser.err();
        EXPECT_TRUE(err.contains(QStringLiteral("is being logged by %1").arg(writerText(winner.process))))
            << err.toStdString();
        EXPECT_TRUE(err.contains("Wait until it finishes")) << err.toStdString();
        winner.send(numberedLines(300, 1.0));
        ASSERT_EQ(winner.end(), 0) << winner.err().toStdString();
        const auto rows = history(store.path(), path);
        ASSERT_EQ(rows.size(), 300u);
        expectNumberedPrefix(rows, 1.0);
    }
}

// `delete` and `finish` of a live run are refused, naming the writer;
// rename and fork leave the writer alone; the writer ends with every row.
TEST(CliWriters, ALiveRunRefusesDeleteAndFinishButNotRenameOrFork)
{
    TempStore store;
    ASSERT_EQ(runCli(store.path(), {"init", "--project", "p", "--id", "live"}).exitCode, 0);
    LiveLogger logger;
    ASSERT_TRUE(logger.start(store.path(), "local/p/live"));
    logger.send(numberedLines(100, 1.0));
    ASSERT_TRUE(pollUntil([&] { return history(store.path(), "local/p/live").size() == 100u; }));
    ASSERT_EQ(runState(store.path(), "local/p/live"), "running");

    const QString holder = QStringLiteral("run 'live' is being logged by %1").arg(writerText(logger.process));
    const auto del = runCli(store.path(), {"delete", "local/p/live"});
    EXPECT_EQ(del.exitCode, 2);
    EXPECT_TRUE(del.err.contains("cannot delete run 'live': " + holder)) << del.err.toStdString();
    const auto fin = runCli(store.path(), {"finish", "local/p/live", "--exit-code", "1"});
    EXPECT_EQ(fin.exitCode, 2);
    EXPECT_TRUE(fin.err.contains("cannot finish run 'live': " + holder)) << fin.err.toStdString();
    EXPECT_EQ(runState(store.path(), "local/p/live"), "running");

    const auto rename = runCli(store.path(), {"rename", "local/p/live", "renamed while live"});
    EXPECT_EQ(rename.exitCode, 0) << rename.err.toStdString();
    const auto fork = runCli(store.path(), {"fork", "local/p/live?_step=49", "--id", "child"});
    EXPECT_EQ(fork.exitCode, 0) << fork.err.toStdString();

    logger.send(numberedLines(100, 1.0, 100));
    ASSERT_EQ(logger.end(), 0) << logger.err().toStdString();
    const auto rows = history(store.path(), "local/p/live");
    ASSERT_EQ(rows.size(), 200u);
    expectNumberedPrefix(rows, 1.0);
    const auto show = runCli(store.path(), {"show", "local/p/live", "--json"});
    EXPECT_EQ(show.json().at("state"), "finished");
    EXPECT_EQ(show.json().at("name"), "renamed while live");
    const auto child = history(store.path(), "local/p/child");
    ASSERT_EQ(child.size(), 50u);
    expectNumberedPrefix(child, 1.0);
}

// Deleting a source with --materialize-forks writes into its forks: refused
// while one of them is being logged.
TEST(CliWriters, MaterializingIntoAForkBeingLoggedIsRefused)
{
    TempStore store;
    ASSERT_EQ(runCli(store.path(), {"log", "--project", "p", "--id", "src"}, numberedLines(100, 1.0)).exitCode, 0);
    ASSERT_EQ(runCli(store.path(), {"fork", "local/p/src?_step=49", "--id", "child"}).exitCode, 0);
    LiveLogger logger;
    ASSERT_TRUE(logger.start(store.path(), "local/p/child"));
    ASSERT_TRUE(pollUntil([&] { return runState(store.path(), "local/p/child") == "running"; }));

    const auto del = runCli(store.path(), {"delete", "local/p/src", "--materialize-forks"});
    EXPECT_EQ(del.exitCode, 2);
    EXPECT_TRUE(del.err.contains(QStringLiteral("cannot delete run 'src' and copy its history into fork 'child': run "
                                                "'child' is being logged by %1")
                                     .arg(writerText(logger.process))))
        << del.err.toStdString();
    EXPECT_EQ(history(store.path(), "local/p/src").size(), 100u);

    logger.send(numberedLines(50, 1.0, 50));
    ASSERT_EQ(logger.end(), 0) << logger.err().toStdString();
    const auto now = runCli(store.path(), {"delete", "local/p/src", "--materialize-forks"});
    ASSERT_EQ(now.exitCode, 0) << now.err.toStdString();
    const auto rows = history(store.path(), "local/p/child");
    ASSERT_EQ(rows.size(), 100u);
    expectNumberedPrefix(rows, 1.0);
    expectNoOrphans(store.path());
}

// A writer taken for crashed (its heartbeat older than the deleting
// process's timeout) whose run is then deleted stops with a clear message
// and writes nothing more: no foreign-key error, no half-deleted run.
TEST(CliWriters, AWriterWhoseRunWasDeletedStopsCleanly)
{
    TempStore store;
    ASSERT_EQ(runCli(store.path(), {"init", "--project", "p", "--id", "gone"}).exitCode, 0);
    LiveLogger logger;
    ASSERT_TRUE(logger.start(store.path(), "local/p/gone"));
    logger.send(numberedLines(100, 1.0));
    ASSERT_TRUE(pollUntil([&] { return history(store.path(), "local/p/gone").size() == 100u; }));

    // With a 1 ms timeout the live writer looks crashed between heartbeats.
    ASSERT_TRUE(pollUntil([&] {
        return runCli(store.path(), {"delete", "local/p/gone"}, {}, withHeartbeatTimeout(1)).exitCode == 0;
    }));
    logger.send(numberedLines(100, 1.0, 100));
    EXPECT_EQ(logger.end(), 2);
    const QString err = logger.err();
    EXPECT_TRUE(err.contains("run 'gone' was deleted while this process was logging it")) << err.toStdString();
    EXPECT_FALSE(err.contains("FOREIGN KEY")) << err.toStdString();
    EXPECT_EQ(runCli(store.path(), {"show", "local/p/gone"}).exitCode, 2);
    expectNoOrphans(store.path());
}

// A crashed writer's run is taken over by the next `log RUN`; if the old
// writer was only frozen, its next flush finds the claim gone and stops.
TEST(CliWriters, AStaleClaimIsTakenOverAndTheOldWriterStops)
{
    TempStore store;
    ASSERT_EQ(runCli(store.path(), {"init", "--project", "p", "--id", "t"}).exitCode, 0);
    LiveLogger first;
    ASSERT_TRUE(first.start(store.path(), "local/p/t"));
    first.send(numberedLines(100, 1.0));
    ASSERT_TRUE(pollUntil([&] { return history(store.path(), "local/p/t").size() == 100u; }));

    LiveLogger second;
    ASSERT_TRUE(second.start(store.path(), "local/p/t", withHeartbeatTimeout(1)));
    // With a 1 ms timeout the second usually takes over at once; if it met
    // a fresh heartbeat it is refused, and the test starts it again.
    ASSERT_TRUE(pollUntil([&] {
        second.process.waitForFinished(1);
        if (second.process.state() == QProcess::NotRunning) {
            second.end();
            second.start(store.path(), "local/p/t", withHeartbeatTimeout(1));
            return false;
        }
        return sqlCount(store.path(), "SELECT writer_pid FROM runs WHERE run_id = 't'") == second.process.processId();
    }));
    first.send(numberedLines(10, 1.0, 100));
    EXPECT_EQ(first.end(), 2);
    const QString err = first.err();
    EXPECT_TRUE(err.contains(QStringLiteral("run 't' was taken over by %1").arg(writerText(second.process))))
        << err.toStdString();

    second.send(numberedLines(50, 1.0, 100));
    ASSERT_EQ(second.end(), 0) << second.err().toStdString();
    const auto rows = history(store.path(), "local/p/t");
    ASSERT_EQ(rows.size(), 150u);
    expectNumberedPrefix(rows, 1.0);
    EXPECT_EQ(runState(store.path(), "local/p/t"), "finished");
}
