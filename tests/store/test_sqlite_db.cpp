// SqliteDb's statement cache and read snapshots, on real store files.
#include <gtest/gtest.h>

#include "core/error.h"
#include "store/history_writer.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "support/temp_store.h"

using namespace forkscope;

TEST(SqliteDb, SameSqlInUseTwiceGetsTwoIndependentStatements)
{
    test::TempStore tmp;
    SqliteDb db(tmp.path());
    db.exec("CREATE TABLE t(x INTEGER)");
    for (int i = 1; i <= 3; ++i)
        db.prepare("INSERT INTO t VALUES (?1)").bind(1, i).run();
    const char *sql = "SELECT x FROM t WHERE x >= ?1 ORDER BY x";
    auto outer = db.prepare(sql);
    outer.bind(1, 1);
    std::vector<std::pair<qint64, qint64>> pairs;
    while (outer.step()) {
        auto inner = db.prepare(sql); // the cached one is busy: a fresh one
        inner.bind(1, outer.int64(0));
        while (inner.step())
            pairs.emplace_back(outer.int64(0), inner.int64(0));
    }
    const std::vector<std::pair<qint64, qint64>> expected{{1, 1}, {1, 2}, {1, 3}, {2, 2}, {2, 3}, {3, 3}};
    EXPECT_EQ(pairs, expected);
}

TEST(SqliteDb, ReturnedStatementComesBackResetAndUnbound)
{
    test::TempStore tmp;
    SqliteDb db(tmp.path());
    db.exec("CREATE TABLE t(x INTEGER)");
    db.prepare("INSERT INTO t VALUES (?1)").bind(1, 7).run();
    {
        auto st = db.prepare("SELECT count(*) FROM t WHERE x = ?1");
        st.bind(1, 7);
        ASSERT_TRUE(st.step());
        EXPECT_EQ(st.int64(0), 1);
        // Dropped mid-result: must not keep a read lock or its binding.
    }
    auto st = db.prepare("SELECT count(*) FROM t WHERE x = ?1");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.int64(0), 0); // ?1 unbound is NULL, matches nothing
    st.reset();
    // Nothing holds the database: an exclusive write goes through at once.
    SqliteDb other(tmp.path());
    other.exec("BEGIN EXCLUSIVE; INSERT INTO t VALUES (8); COMMIT");
}

TEST(SqliteDb, BadSqlNamesTheStatementAndLeavesTheCacheUsable)
{
    test::TempStore tmp;
    SqliteDb db(tmp.path());
    try {
        db.prepare("SELEKT 1");
        FAIL() << "expected an error";
    } catch (const Error &e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("SELEKT 1"))) << e.message().toStdString();
    }
    auto st = db.prepare("SELECT 41 + 1");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.int64(0), 42);
}

TEST(SqliteDb, ReadTransactionSeesOneSnapshot)
{
    test::TempStore tmp;
    Store reader(tmp.path());
    Store writer(tmp.path());
    NewRun spec;
    spec.project = QStringLiteral("p");
    const RunInfo run = writer.createRun(spec);
    auto write = [&](qint64 from, qint64 to) {
        HistoryWriter w(writer, run.key);
        for (qint64 s = from; s < to; ++s)
            w.addNumber("loss", s, double(s));
        w.flush();
    };
    write(0, 100);
    {
        const ReadTransaction snapshot(reader.db());
        EXPECT_EQ(reader.readSeries(run.key, QStringLiteral("loss")).size(), 100u);
        write(100, 250); // another connection commits meanwhile
        EXPECT_EQ(reader.readSeries(run.key, QStringLiteral("loss")).size(), 100u);
        {
            const ReadTransaction nested(reader.db()); // joins the outer one
            EXPECT_EQ(reader.readSeries(run.key, QStringLiteral("loss")).size(), 100u);
        }
        EXPECT_EQ(reader.readSeries(run.key, QStringLiteral("loss")).size(), 100u);
    }
    EXPECT_EQ(reader.readSeries(run.key, QStringLiteral("loss")).size(), 250u);
}
