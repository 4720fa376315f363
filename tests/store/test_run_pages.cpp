#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <optional>

#include "core/error.h"
#include "store/history_writer.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "support/schema_versions.h"
#include "support/temp_store.h"

using namespace forkscope;

namespace {

RunInfo makeRun(Store &store, const QString &id, const Json &summary = Json::object(), const QStringList &tags = {})
{
    NewRun spec;
    spec.project = QStringLiteral("p");
    spec.runId = id;
    spec.name = QStringLiteral("run ") + id;
    spec.tags = tags;
    spec.state = RunState::Finished;
    const RunInfo run = store.createRun(spec);
    if (!summary.empty())
        store.updateSummary(run.key, summary);
    return run;
}

QStringList ids(const std::vector<RunInfo> &runs)
{
    QStringList out;
    for (const auto &r : runs)
        out << r.runId;
    return out;
}

// The whole order, read a few rows at a time.
QStringList pagedIds(Store &store, const RunPageQuery &q, int pageSize)
{
    QStringList out;
    for (qint64 offset = 0;; offset += pageSize) {
        const auto page = store.runPage(q, offset, pageSize);
        out << ids(page);
        if (int(page.size()) < pageSize)
            return out;
    }
}

std::optional<Error::Kind> refusal(const std::function<void()> &f)
{
    try {
        f();
    } catch (const Error &e) {
        EXPECT_FALSE(e.message().isEmpty());
        return e.kind();
    }
    return std::nullopt;
}

} // namespace

TEST(RunPages, PagesFollowTheOrderAndTheFilter)
{
    test::TempStore tmp;
    Store store(tmp.path());
    for (const char *id : {"c", "a", "e", "b", "d"})
        makeRun(store, QString::fromLatin1(id), {}, {QStringLiteral("tag-") + QString::fromLatin1(id)});
    RunPageQuery q;
    q.projectKey = store.requireProject(QStringLiteral("p")).key;
    q.sort = RunSortKey::RunId;
    q.direction = SortDirection::Ascending;
    EXPECT_EQ(pagedIds(store, q, 2), QStringList({"a", "b", "c", "d", "e"}));
    q.direction = SortDirection::Descending;
    EXPECT_EQ(pagedIds(store, q, 3), QStringList({"e", "d", "c", "b", "a"}));
    q.sort = RunSortKey::Created; // the order they were made in, newest first
    EXPECT_EQ(pagedIds(store, q, 2), QStringList({"d", "b", "e", "a", "c"}));
    EXPECT_EQ(store.runPageCount(q), 5);
    q.filter = QStringLiteral("TAG-E"); // a tag, case-insensitively
    EXPECT_EQ(pagedIds(store, q, 2), QStringList({"e"}));
    EXPECT_EQ(store.runPageCount(q), 1);
    q.filter = QStringLiteral("%"); // LIKE's wildcards are plain text
    EXPECT_TRUE(store.runPage(q, 0, 10).empty());
    EXPECT_EQ(store.runPageCount(q), 0);
}

TEST(RunPages, ASummaryValueOrdersRunsAndThoseWithoutComeLast)
{
    test::TempStore tmp;
    Store store(tmp.path());
    makeRun(store, QStringLiteral("a"), {{"loss", 0.5}, {"eval", {{"acc", 0.9}}}});
    makeRun(store, QStringLiteral("b"), {{"loss", 0.25}});
    makeRun(store, QStringLiteral("c"));
    makeRun(store, QStringLiteral("d"), {{"loss", 2}});
    makeRun(store, QStringLiteral("e"), {{"loss", "n/a"}});
    RunPageQuery q;
    q.projectKey = store.requireProject(QStringLiteral("p")).key;
    q.sort = RunSortKey::Summary;
    q.valueKey = QStringLiteral("loss");
    q.direction = SortDirection::Ascending;
    const QStringList ascending({"b", "a", "d", "e", "c"});
    EXPECT_EQ(pagedIds(store, q, 2), ascending);
    EXPECT_EQ(pagedIds(store, q, 10), ascending);
    for (int i = 0; i < ascending.size(); ++i)
        EXPECT_EQ(store.runPosition(q, store.resolve(ascending[i], QStringLiteral("p")).key), i) << i;
    q.direction = SortDirection::Descending;
    EXPECT_EQ(pagedIds(store, q, 2), QStringList({"d", "a", "b", "e", "c"}));
    q.valueKey = QStringLiteral("eval.acc");
    EXPECT_EQ(ids(store.runPage(q, 0, 1)), QStringList({"a"}));
    q.valueKey = QStringLiteral("loss");
    q.valueMin = 0.3;
    EXPECT_EQ(pagedIds(store, q, 1), QStringList({"d", "a"}));
    EXPECT_EQ(store.runPageCount(q), 2);
    EXPECT_FALSE(store.runPosition(q, store.resolve(QStringLiteral("b"), QStringLiteral("p")).key).has_value());
    // A run's new summary moves it.
    store.updateSummary(store.resolve(QStringLiteral("b"), QStringLiteral("p")).key, {{"loss", 9}});
    EXPECT_EQ(pagedIds(store, q, 5), QStringList({"b", "d", "a"}));
}

TEST(RunPages, ChangesSinceReportOnlyShownColumnsNotHeartbeats)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo a = makeRun(store, QStringLiteral("a"));
    const RunInfo b = makeRun(store, QStringLiteral("b"));
    const qint64 project = a.projectKey;
    const qint64 start = store.changeSeq();
    EXPECT_TRUE(store.runChangesSince(project, start).changed.empty());

    store.heartbeat(a.key);
    store.setMetadata(a.key, {{"host", "x"}});
    store.setTags(b.key, {}); // the same as before
    EXPECT_EQ(store.changeSeq(), start);

    store.rename(a.key, QStringLiteral("renamed"));
    RunChanges c = store.runChangesSince(project, start);
    ASSERT_EQ(c.changed.size(), 1u);
    EXPECT_EQ(c.changed[0].name, QStringLiteral("renamed"));
    EXPECT_GT(c.seq, start);

    const qint64 afterRename = c.seq;
    {
        HistoryWriter w(store, b.key);
        w.addNumber("loss", 7, 0.5, false);
        w.flush();
    }
    c = store.runChangesSince(project, afterRename);
    ASSERT_EQ(c.changed.size(), 1u);
    EXPECT_EQ(c.changed[0].key, b.key);
    EXPECT_EQ(c.changed[0].ownLastStep, 7);

    const RunInfo d = makeRun(store, QStringLiteral("d"));
    store.deleteRun(a.key, DependentForks::Refuse);
    c = store.runChangesSince(project, afterRename);
    EXPECT_EQ(ids(c.changed), QStringList({"b", "d"}));
    EXPECT_EQ(c.removed, std::vector<qint64>{a.key});
    EXPECT_EQ(store.projects().front().runCount, 2);
    EXPECT_EQ(store.projectRunCount(project), 2);
    EXPECT_EQ(store.runChangesSince(project, c.seq).changed.size(), 0u);
    (void)d;
}

TEST(RunPages, BadQueriesAreRefused)
{
    test::TempStore tmp;
    Store store(tmp.path());
    RunPageQuery q;
    q.projectKey = makeRun(store, QStringLiteral("a")).projectKey;
    EXPECT_EQ(refusal([&] { store.runPage(q, -1, 10); }), Error::Kind::BadInput);
    EXPECT_EQ(refusal([&] { store.runPage(q, 0, -10); }), Error::Kind::BadInput);
    q.valueMin = 1;
    EXPECT_EQ(refusal([&] { store.runPageCount(q); }), Error::Kind::BadInput);
    q.sort = RunSortKey::Config;
    EXPECT_EQ(refusal([&] { store.runPage(q, 0, 10); }), Error::Kind::BadInput);
    q.valueKey = QStringLiteral("lr");
    q.valueMin = std::nan("");
    EXPECT_EQ(refusal([&] { store.runPage(q, 0, 10); }), Error::Kind::BadInput);
}

TEST(RunPages, AVersion4StoreGetsCountsAndValuesWhenMigrated)
{
    test::TempStore tmp;
    qint64 project = 0;
    {
        Store store(tmp.path());
        project = makeRun(store, QStringLiteral("a"), {{"loss", 3}}).projectKey;
        makeRun(store, QStringLiteral("b"), {{"loss", 1}});
        store.db().exec(test::kBackToVersion4);
    }
    {
        Store readOnly(tmp.path(), StoreAccess::ReadOnly);
        RunPageQuery q;
        q.projectKey = project;
        q.sort = RunSortKey::Summary;
        q.valueKey = QStringLiteral("loss");
        q.direction = SortDirection::Ascending;
        EXPECT_EQ(ids(readOnly.runPage(q, 0, 10)), QStringList({"b", "a"}));
        EXPECT_EQ(readOnly.projects().front().runCount, 2);
        EXPECT_EQ(readOnly.runChangesSince(project, 0).changed.size(), 2u);
    }
    Store store(tmp.path());
    RunPageQuery q;
    q.projectKey = project;
    q.sort = RunSortKey::Summary;
    q.valueKey = QStringLiteral("loss");
    q.direction = SortDirection::Descending;
    EXPECT_EQ(ids(store.runPage(q, 0, 10)), QStringList({"a", "b"}));
    EXPECT_EQ(store.projects().front().runCount, 2);
    const qint64 seq = store.changeSeq();
    makeRun(store, QStringLiteral("c"));
    EXPECT_EQ(ids(store.runChangesSince(project, seq).changed), QStringList({"c"}));
}

TEST(RunPages, ASummaryWithNaNIsKeptAndSortsWithTheRunsWithoutValues)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo a = makeRun(store, QStringLiteral("a"), {{"loss", 1}});
    const RunInfo b = makeRun(store, QStringLiteral("b"));
    {
        HistoryWriter w(store, b.key);
        w.addNumber("loss", 0, std::nan(""), false);
        w.flush();
    }
    EXPECT_TRUE(std::isnan(store.runInfo(b.key).summary["loss"].get<double>()));
    RunPageQuery q;
    q.projectKey = a.projectKey;
    q.sort = RunSortKey::Summary;
    q.valueKey = QStringLiteral("loss");
    EXPECT_EQ(ids(store.runPage(q, 0, 10)), QStringList({"a", "b"}));
}
