#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "core/error.h"
#include "core/step_rule.h"
#include "store/checkpoint.h"
#include "store/checkpoint_file.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "support/run_seed.h"
#include "support/temp_store.h"

using namespace forkscope;

namespace {

RunInfo seedRun(Store &store, const QString &id, qint64 steps, const QString &forkOf = {})
{
    test::RunSeed seed(store);
    seed.project(QStringLiteral("p")).id(id);
    if (forkOf.isEmpty())
        seed.state(RunState::Finished); // no live writer: it may be deleted
    else
        seed.forkOf(forkOf);
    return seed
        .values("loss", forkOf.isEmpty() ? 0 : forkOf.section(QLatin1Char('='), 1).toLongLong() + 1, steps,
                [](qint64 s) { return 1.0 / double(s + 1); })
        .create();
}

NewCheckpoint at(qint64 step, const QString &path = {})
{
    NewCheckpoint c;
    c.step = step;
    c.path = path.isEmpty() ? QStringLiteral("/ckpt/step-%1.pt").arg(step) : path;
    return c;
}

// Checkpoints at `at` steps, each with the path "/<run ID>/<step>".
void saveAt(Store &store, const RunInfo &run, std::initializer_list<qint64> steps)
{
    for (qint64 s : steps)
        store.addCheckpoint(run.key, at(s, QStringLiteral("/%1/%2").arg(run.runId).arg(s)));
}

std::vector<qint64> steps(const std::vector<Checkpoint> &list)
{
    std::vector<qint64> out;
    for (const auto &c : list)
        out.push_back(c.step);
    return out;
}

std::vector<QString> owners(const std::vector<Checkpoint> &list)
{
    std::vector<QString> out;
    for (const auto &c : list)
        out.push_back(c.runPath);
    return out;
}

QString refusal(Store &store, qint64 runKey, const NewCheckpoint &c, Error::Kind kind = Error::Kind::BadInput)
{
    try {
        store.addCheckpoint(runKey, c);
    } catch (const Error &e) {
        EXPECT_EQ(int(e.kind()), int(kind)) << e.what();
        return e.message();
    }
    ADD_FAILURE() << "checkpoint accepted at step " << c.step;
    return {};
}

Checkpoint registered(const QString &path, const QByteArray &content)
{
    Checkpoint c;
    c.path = path;
    c.size = content.size();
    c.sha256 = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    return c;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

} // namespace

TEST(Checkpoints, ARunListsItsOwnInStepOrderWithWhatWasRegistered)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo run = seedRun(store, QStringLiteral("a"), 1000);
    store.addCheckpoint(run.key, at(500));
    NewCheckpoint first = at(100);
    first.size = 1234;
    first.sha256 = QString(64, QLatin1Char('a'));
    first.metadata = {{"epoch", 1}};
    first.createdAt = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    const qint64 key = store.addCheckpoint(run.key, first);

    const auto list = store.checkpoints(run.key);
    ASSERT_EQ(steps(list), (std::vector<qint64>{100, 500}));
    EXPECT_EQ(list[0].key, key);
    EXPECT_EQ(list[0].path, QStringLiteral("/ckpt/step-100.pt"));
    EXPECT_EQ(list[0].size, 1234);
    EXPECT_EQ(list[0].sha256, QString(64, QLatin1Char('a')));
    EXPECT_EQ(list[0].metadata["epoch"], 1);
    EXPECT_EQ(list[0].createdAt.toMSecsSinceEpoch(), 1700000000000);
    EXPECT_EQ(list[0].runKey, run.key);
    EXPECT_EQ(list[0].runPath, run.path().toString());
    EXPECT_FALSE(list[1].size.has_value());
    EXPECT_TRUE(list[1].sha256.isEmpty());
    EXPECT_TRUE(list[1].createdAt.isValid()); // registration time when none was given
}

TEST(Checkpoints, AForkInheritsItsSourcesOnlyUpToTheForkStep)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo src = seedRun(store, QStringLiteral("src"), 1000);
    for (qint64 s : {200, 400, 600, 800})
        store.addCheckpoint(src.key, at(s));
    const RunInfo fork = seedRun(store, QStringLiteral("fork"), 1000, QStringLiteral("src?_step=400"));
    store.addCheckpoint(fork.key, at(700, QStringLiteral("/fork/700.pt")));

    const auto list = store.checkpoints(fork.key);
    EXPECT_EQ(steps(list), (std::vector<qint64>{200, 400, 700}));
    EXPECT_EQ(owners(list),
              (std::vector<QString>{src.path().toString(), src.path().toString(), fork.path().toString()}));
    // The source itself is unchanged by its fork.
    EXPECT_EQ(steps(store.checkpoints(src.key)), (std::vector<qint64>{200, 400, 600, 800}));
}

TEST(Checkpoints, AForkMayRegisterTheWeightsAtItsForkStepButNothingBefore)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo src = seedRun(store, QStringLiteral("src"), 1000);
    store.addCheckpoint(src.key, at(400));
    const RunInfo fork = seedRun(store, QStringLiteral("fork"), 1000, QStringLiteral("src?_step=400"));
    store.addCheckpoint(fork.key, at(400, QStringLiteral("/fork/400.pt")));
    const auto list = store.checkpoints(fork.key);
    ASSERT_EQ(steps(list), (std::vector<qint64>{400, 400}));
    EXPECT_EQ(list[0].runKey, src.key); // the source's first, the fork's own after it
    EXPECT_EQ(list[1].runKey, fork.key);
    EXPECT_EQ(checkpointToResume(list, 400)->path, QStringLiteral("/fork/400.pt"));

    const QString why = refusal(store, fork.key, at(399));
    EXPECT_TRUE(why.contains(QStringLiteral("fork at step 400"))) << why.toStdString();
    EXPECT_TRUE(why.contains(QStringLiteral("expected a step from 400 on"))) << why.toStdString();
}

TEST(Checkpoints, AForkOfAForkSeesEachAncestorWithinItsRange)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo a = seedRun(store, QStringLiteral("a"), 1000);
    saveAt(store, a, {100, 300, 500});
    const RunInfo b = seedRun(store, QStringLiteral("b"), 1000, QStringLiteral("a?_step=300"));
    saveAt(store, b, {350, 600, 900});
    const RunInfo c = seedRun(store, QStringLiteral("c"), 1000, QStringLiteral("b?_step=600"));
    saveAt(store, c, {800});

    const auto list = store.checkpoints(c.key);
    EXPECT_EQ(steps(list), (std::vector<qint64>{100, 300, 350, 600, 800}));
    EXPECT_EQ(owners(list), (std::vector<QString>{a.path().toString(), a.path().toString(), b.path().toString(),
                                                  b.path().toString(), c.path().toString()}));
}

TEST(Checkpoints, DeletingTheSourceCopiesTheInheritedCheckpointsIntoItsForks)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo a = seedRun(store, QStringLiteral("a"), 1000);
    saveAt(store, a, {100, 300, 500});
    const RunInfo b = seedRun(store, QStringLiteral("b"), 1000, QStringLiteral("a?_step=300"));
    saveAt(store, b, {600});
    const RunInfo c = seedRun(store, QStringLiteral("c"), 1000, QStringLiteral("b?_step=700"));
    store.setState(b.key, RunState::Finished);

    store.deleteRun(a.key, DependentForks::Materialize);

    const auto list = store.checkpoints(b.key);
    EXPECT_EQ(steps(list), (std::vector<qint64>{100, 300, 600}));
    EXPECT_EQ(owners(list), (std::vector<QString>(3, b.path().toString()))); // now the fork's own
    EXPECT_EQ(list[0].path, QStringLiteral("/a/100"));
    // A fork further down sees them through the materialized fork.
    EXPECT_EQ(steps(store.checkpoints(c.key)), (std::vector<qint64>{100, 300, 600}));
    // The deleted run's own rows are gone with it.
    auto left = store.db().prepare("SELECT count(*) FROM checkpoints WHERE run = ?1");
    left.bind(1, a.key);
    ASSERT_TRUE(left.step());
    EXPECT_EQ(left.int64(0), 0);
}

TEST(Checkpoints, DeletingARunWithoutForksDeletesItsCheckpoints)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo a = seedRun(store, QStringLiteral("a"), 100);
    store.addCheckpoint(a.key, at(50));
    store.deleteRun(a.key, DependentForks::Refuse);
    auto left = store.db().prepare("SELECT count(*) FROM checkpoints");
    ASSERT_TRUE(left.step());
    EXPECT_EQ(left.int64(0), 0);
    EXPECT_THROW(store.checkpoints(a.key), Error);
}

TEST(Checkpoints, BadRegistrationsAreRefusedSayingWhatIsExpected)
{
    test::TempStore tmp;
    Store store(tmp.path());
    const RunInfo run = seedRun(store, QStringLiteral("a"), 100);

    EXPECT_TRUE(refusal(store, run.key, at(-1)).contains(QStringLiteral("expected a whole number from 0 to 2^53")));
    EXPECT_TRUE(refusal(store, run.key, at(kMaxStep + 1)).contains(QStringLiteral("2^53")));
    NewCheckpoint noPath = at(1);
    noPath.path = QStringLiteral("  ");
    EXPECT_TRUE(refusal(store, run.key, noPath).contains(QStringLiteral("without a path")));
    NewCheckpoint badText = at(1, QStringLiteral("/x/") + QChar(0xD800));
    EXPECT_TRUE(refusal(store, run.key, badText).contains(QStringLiteral("checkpoint path")));
    NewCheckpoint badSize = at(1);
    badSize.size = -5;
    EXPECT_TRUE(refusal(store, run.key, badSize).contains(QStringLiteral("size -5")));
    for (const QString &sha :
         {QString(64, QLatin1Char('A')), QString(63, QLatin1Char('a')), QString(64, QLatin1Char('g'))}) {
        NewCheckpoint badSha = at(1);
        badSha.sha256 = sha;
        EXPECT_TRUE(refusal(store, run.key, badSha).contains(QStringLiteral("64 lowercase hexadecimal")));
    }
    NewCheckpoint badMeta = at(1);
    badMeta.metadata = Json::array();
    EXPECT_TRUE(refusal(store, run.key, badMeta).contains(QStringLiteral("JSON object")));
    EXPECT_TRUE(refusal(store, run.key + 100, at(1), Error::Kind::NotFound).contains(QStringLiteral("no run")));
    // Nothing of the refused ones was stored.
    EXPECT_TRUE(store.checkpoints(run.key).empty());
}

TEST(Checkpoints, AReadOnlyStoreRefusesARegistration)
{
    test::TempStore tmp;
    qint64 runKey = 0;
    {
        Store store(tmp.path());
        runKey = seedRun(store, QStringLiteral("a"), 10).key;
        store.addCheckpoint(runKey, at(5));
    }
    Store store(tmp.path(), StoreAccess::ReadOnly);
    EXPECT_TRUE(refusal(store, runKey, at(6), Error::Kind::Storage).contains(QStringLiteral("read-only")));
    EXPECT_EQ(steps(store.checkpoints(runKey)), (std::vector<qint64>{5}));
}

TEST(Checkpoints, AVersion3StoreOpenedReadOnlyListsNone)
{
    test::TempStore tmp;
    qint64 runKey = 0;
    {
        Store store(tmp.path());
        runKey = seedRun(store, QStringLiteral("a"), 10).key;
        store.db().exec("DROP INDEX runs_by_archived_of; ALTER TABLE runs DROP COLUMN rewind_source_immutable; "
                        "ALTER TABLE runs DROP COLUMN rewind_step; ALTER TABLE runs DROP COLUMN archived_of; "
                        "ALTER TABLE runs DROP COLUMN archived_step; ALTER TABLE runs DROP COLUMN archived_ms; "
                        "DROP TABLE checkpoints; DROP TABLE console_output; PRAGMA user_version = 3");
    }
    Store store(tmp.path(), StoreAccess::ReadOnly);
    EXPECT_TRUE(store.checkpoints(runKey).empty());
}

TEST(Checkpoints, ResumeTakesTheOneAtTheForkStepElseTheLatestBefore)
{
    std::vector<Checkpoint> list;
    for (qint64 s : {100, 200, 300}) {
        Checkpoint c;
        c.step = s;
        list.push_back(c);
    }
    EXPECT_EQ(checkpointToResume(list, 200)->step, 200);
    EXPECT_EQ(checkpointToResume(list, 299)->step, 200);
    EXPECT_EQ(checkpointToResume(list, 5000)->step, 300);
    EXPECT_FALSE(checkpointToResume(list, 99).has_value());
    EXPECT_FALSE(checkpointToResume({}, 99).has_value());

    EXPECT_EQ(nearestCheckpoint(list, 149)->step, 100);
    EXPECT_EQ(nearestCheckpoint(list, 150)->step, 100); // the earlier on a tie
    EXPECT_EQ(nearestCheckpoint(list, 151)->step, 200);
    EXPECT_EQ(nearestCheckpoint(list, 0)->step, 100);
    EXPECT_EQ(nearestCheckpoint(list, kMaxStep)->step, 300);
    EXPECT_FALSE(nearestCheckpoint({}, 5).has_value());
}

TEST(Checkpoints, AFileIsMissingChangedOrMatching)
{
    test::TempStore tmp;
    const QString path = tmp.dir() + QStringLiteral("/weights.pt");
    const QByteArray content(300000, 'w'); // more than one read buffer
    ASSERT_TRUE(writeFile(path, content));
    const Checkpoint c = registered(path, content);

    auto state = checkCheckpointFile(c);
    EXPECT_TRUE(state.exists);
    EXPECT_TRUE(state.matches);

    QByteArray sameSize = content;
    sameSize[1000] = 'x';
    ASSERT_TRUE(writeFile(path, sameSize));
    state = checkCheckpointFile(c);
    EXPECT_TRUE(state.exists);
    EXPECT_FALSE(state.matches);

    ASSERT_TRUE(writeFile(path, content + "more"));
    EXPECT_FALSE(checkCheckpointFile(c).matches);

    ASSERT_TRUE(QFile::remove(path));
    state = checkCheckpointFile(c);
    EXPECT_FALSE(state.exists);
    EXPECT_FALSE(state.matches);

    // Registered without size or hash: an existing file is all there is to check.
    Checkpoint unknown;
    unknown.path = tmp.dir() + QStringLiteral("/other.pt");
    EXPECT_FALSE(checkCheckpointFile(unknown).exists);
    ASSERT_TRUE(writeFile(unknown.path, "x"));
    EXPECT_TRUE(checkCheckpointFile(unknown).matches);
    // A file:// URI is a local file; another scheme cannot be checked here.
    Checkpoint fileUri = registered(QStringLiteral("file://") + unknown.path, "x");
    EXPECT_TRUE(checkCheckpointFile(fileUri).matches);
    Checkpoint remote;
    remote.path = QStringLiteral("s3://bucket/run/step-100.pt");
    remote.sha256 = QString(64, QLatin1Char('0'));
    state = checkCheckpointFile(remote);
    EXPECT_TRUE(state.exists);
    EXPECT_TRUE(state.matches);
}

TEST(Checkpoints, AClientDescribesTheFileItSavedWithAbsolutePathSizeAndHash)
{
    test::TempStore tmp;
    const QByteArray content("weights at step 7");
    ASSERT_TRUE(writeFile(tmp.dir() + QStringLiteral("/w7.pt"), content));
    const QString before = QDir::currentPath();
    ASSERT_TRUE(QDir::setCurrent(tmp.dir()));
    const NewCheckpoint c = describeCheckpointFile(QStringLiteral("./w7.pt"), 7, {{"note", "x"}});
    QDir::setCurrent(before);
    EXPECT_EQ(c.path, QFileInfo(tmp.dir() + QStringLiteral("/w7.pt")).absoluteFilePath());
    EXPECT_EQ(c.step, 7);
    EXPECT_EQ(c.size, content.size());
    EXPECT_EQ(c.sha256, registered(c.path, content).sha256);
    EXPECT_EQ(c.metadata["note"], "x");
    EXPECT_TRUE(c.createdAt.isValid());

    const NewCheckpoint remote = describeCheckpointFile(QStringLiteral("s3://bucket/w.pt"), 3);
    EXPECT_EQ(remote.path, QStringLiteral("s3://bucket/w.pt"));
    EXPECT_FALSE(remote.size.has_value());
    EXPECT_TRUE(remote.sha256.isEmpty());
    EXPECT_FALSE(isRemoteCheckpointUri(QStringLiteral("C://x.pt")));
    EXPECT_FALSE(isRemoteCheckpointUri(QStringLiteral("file:///x.pt")));

    try {
        describeCheckpointFile(tmp.dir() + QStringLiteral("/missing.pt"), 1);
        ADD_FAILURE() << "a missing file was described";
    } catch (const Error &e) {
        EXPECT_EQ(int(e.kind()), int(Error::Kind::BadInput));
        EXPECT_TRUE(e.message().contains(QStringLiteral("missing.pt' does not exist"))) << e.what();
    }
    EXPECT_THROW(describeCheckpointFile(tmp.dir(), 1), Error); // a folder
}
