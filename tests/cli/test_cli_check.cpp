// Damaged history through the CLI (issue 16, item 9): history refuses it,
// check finds it, check --repair quarantines it and the rest stays readable.
#include <QFile>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "cli/cli_runner.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

constexpr int kRows = 10000; // three chunks a key

bool rawExec(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    const bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK &&
                    sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

void makeRun(const QString &store)
{
    QByteArray lines;
    for (int i = 0; i < kRows; ++i)
        lines += "{\"loss\": " + QByteArray::number(1.0 / (i + 1), 'g', 17) + "}\n";
    ASSERT_EQ(runCli(store, {"log", "--project", "p", "--id", "r1"}, lines).exitCode, 0);
}

} // namespace

TEST(CliCheck, DamagedChunkIsRefusedFoundAndRepaired)
{
    TempStore store;
    makeRun(store.path());
    const auto clean = runCli(store.path(), {"check"});
    EXPECT_EQ(clean.exitCode, 0) << clean.err.toStdString();
    EXPECT_TRUE(clean.out.contains("SQLite integrity check: ok")) << clean.out.toStdString();
    // loss, _runtime and _timestamp: three chunks each
    EXPECT_TRUE(clean.out.contains("9 checked, 9 sound, 0 unverified")) << clean.out.toStdString();
    EXPECT_TRUE(clean.err.contains("Checking history chunks: 9 of 9")) << clean.err.toStdString();

    // One byte of the second chunk's values, flipped through SQL.
    ASSERT_TRUE(rawExec(store.path(), "UPDATE chunk_data SET data = CAST(substr(data, 1, 100) || X'7F' || "
                                      "substr(data, 102) AS BLOB) WHERE id = (SELECT c.data_id FROM chunks c "
                                      "JOIN series s ON s.id = c.series WHERE s.key = 'loss' AND "
                                      "c.first_step = 4096)"));
    const auto history = runCli(store.path(), {"history", "r1", "--project", "p"});
    EXPECT_EQ(history.exitCode, 1);
    EXPECT_TRUE(history.out.isEmpty()) << "damaged data printed: " << history.out.left(200).toStdString();
    EXPECT_TRUE(history.err.contains("damaged data in run local/p/r1, key 'loss', steps 4096-8191"))
        << history.err.toStdString();

    const auto found = runCli(store.path(), {"check", "--json"});
    EXPECT_EQ(found.exitCode, 1);
    const Json report = found.json();
    EXPECT_EQ(report.at("sqlite_ok"), true);
    ASSERT_EQ(report.at("damaged").size(), 1u);
    EXPECT_EQ(report.at("damaged")[0].at("run"), "local/p/r1");
    EXPECT_EQ(report.at("damaged")[0].at("first_step"), 4096);
    EXPECT_EQ(report.at("repaired"), false);

    const auto repaired = runCli(store.path(), {"check", "--repair"});
    EXPECT_EQ(repaired.exitCode, 0) << repaired.err.toStdString();
    EXPECT_TRUE(repaired.out.contains("1 damaged chunk(s) quarantined")) << repaired.out.toStdString();

    const auto after = runCli(store.path(), {"history", "r1", "--project", "p", "--keys", "loss"});
    EXPECT_EQ(after.exitCode, 0) << after.err.toStdString();
    const auto rows = after.jsonLines();
    ASSERT_EQ(rows.size(), size_t(kRows - 4096));
    EXPECT_EQ(rows[4095].at("_step"), 4095);
    EXPECT_EQ(rows[4096].at("_step"), 8192);
    EXPECT_EQ(rows[4096].at("loss").get<double>(), 1.0 / 8193);
    EXPECT_EQ(runCli(store.path(), {"check"}).exitCode, 0);
}
