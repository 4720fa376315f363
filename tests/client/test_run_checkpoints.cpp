#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include "client/run.h"
#include "client/start_command.h"
#include "core/error.h"
#include "identity/fork_spec.h"
#include "store/store.h"
#include "support/temp_store.h"

using namespace forkscope;

namespace {

InitOptions newRunIn(const QString &storePath, const QString &id)
{
    InitOptions o;
    o.storePath = storePath;
    o.project = QStringLiteral("p");
    o.id = id;
    return o;
}

QString saveWeights(const QString &dir, const QString &name, const QByteArray &content)
{
    const QString path = QDir(dir).filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(content);
    return path;
}

// A source run "src" with steps 0..99 and checkpoints at 30 and 60.
void trainSource(const QString &storePath, const QString &dir)
{
    auto run = Run::init(newRunIn(storePath, QStringLiteral("src")));
    for (qint64 s = 0; s < 100; ++s) {
        run->log({{"loss", 1.0 / double(s + 1)}});
        if (s == 30 || s == 60)
            run->logCheckpoint(saveWeights(dir, QStringLiteral("w%1.pt").arg(s), QByteArray::number(s)));
    }
    run->finish();
}

} // namespace

TEST(RunCheckpoints, TheDefaultStepIsTheLastLoggedOneAndTheHistoryIsThereFirst)
{
    test::TempStore tmp;
    auto run = Run::init(newRunIn(tmp.path(), QStringLiteral("a")));
    const QString first = saveWeights(tmp.dir(), QStringLiteral("w0.pt"), "zero");
    // Nothing logged yet: a new run's checkpoint is at step 0.
    EXPECT_EQ(run->logCheckpoint(first).step, 0);
    for (int i = 0; i < 5; ++i)
        run->log({{"loss", 0.5}});                 // steps 0..4
    run->log({{"acc", 0.1}}, std::nullopt, false); // step 5, not committed yet
    const QString path = saveWeights(tmp.dir(), QStringLiteral("w4.pt"), "weights");
    const Checkpoint c = run->logCheckpoint(path, std::nullopt, {{"epoch", 2}});
    EXPECT_EQ(c.step, 4);
    EXPECT_EQ(c.path, path);
    EXPECT_EQ(c.size, 7);
    EXPECT_EQ(c.sha256, QString::fromLatin1(QCryptographicHash::hash("weights", QCryptographicHash::Sha256).toHex()));
    EXPECT_EQ(c.runPath, run->info().path().toString());

    // Another connection (the app) sees the checkpoint and the history up to it.
    Store reader(tmp.path());
    const auto list = reader.checkpoints(run->info().key);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[1].step, 4);
    EXPECT_EQ(list[1].metadata["epoch"], 2);
    EXPECT_EQ(reader.runInfo(run->info().key).ownLastStep, 4);

    EXPECT_EQ(run->logCheckpoint(path, 3).step, 3); // an explicit step, even an earlier one
    run->finish();
}

TEST(RunCheckpoints, ARelativePathIsMadeAbsoluteAndAMissingFileIsRefused)
{
    test::TempStore tmp;
    auto run = Run::init(newRunIn(tmp.path(), QStringLiteral("a")));
    saveWeights(tmp.dir(), QStringLiteral("rel.pt"), "x");
    const QString before = QDir::currentPath();
    ASSERT_TRUE(QDir::setCurrent(tmp.dir()));
    const Checkpoint c = run->logCheckpoint(QStringLiteral("rel.pt"));
    QDir::setCurrent(before);
    EXPECT_EQ(c.path, QDir(tmp.dir()).filePath(QStringLiteral("rel.pt")));

    try {
        run->logCheckpoint(QDir(tmp.dir()).filePath(QStringLiteral("gone.pt")));
        ADD_FAILURE() << "a missing checkpoint file was registered";
    } catch (const Error &e) {
        EXPECT_EQ(int(e.kind()), int(Error::Kind::BadInput));
        EXPECT_TRUE(e.message().contains(QStringLiteral("gone.pt' does not exist"))) << e.what();
    }
    EXPECT_THROW(run->logCheckpoint(c.path, -1), Error);
    run->finish();
    EXPECT_THROW(run->logCheckpoint(c.path), Error); // after finish
    Store reader(tmp.path());
    EXPECT_EQ(reader.checkpoints(run->info().key).size(), 1u);
}

TEST(RunCheckpoints, AForkResumesFromTheCheckpointAtOrBeforeItsForkStep)
{
    test::TempStore tmp;
    trainSource(tmp.path(), tmp.dir());

    InitOptions at60 = newRunIn(tmp.path(), QStringLiteral("f60"));
    at60.forkFrom = QStringLiteral("src?_step=60");
    auto exact = Run::init(at60);
    ASSERT_TRUE(exact->resumeCheckpoint().has_value());
    EXPECT_EQ(exact->resumeCheckpoint()->step, 60);
    EXPECT_TRUE(exact->resumeCheckpoint()->path.endsWith(QStringLiteral("/w60.pt")));
    EXPECT_EQ(exact->resumeCheckpoint()->runPath, QStringLiteral("local/p/src"));
    // A fork that logged nothing yet registers the weights it resumed from at its fork step.
    EXPECT_EQ(exact->logCheckpoint(exact->resumeCheckpoint()->path).step, 60);
    exact->finish();

    InitOptions at50 = newRunIn(tmp.path(), QStringLiteral("f50"));
    at50.forkFrom = QStringLiteral("src?_step=50");
    auto before = Run::init(at50);
    EXPECT_EQ(before->resumeCheckpoint()->step, 30);
    before->finish();

    InitOptions at10 = newRunIn(tmp.path(), QStringLiteral("f10"));
    at10.forkFrom = QStringLiteral("src?_step=10");
    auto none = Run::init(at10);
    EXPECT_FALSE(none->resumeCheckpoint().has_value());
    none->finish();

    auto plain = Run::init(newRunIn(tmp.path(), QStringLiteral("plain")));
    EXPECT_FALSE(plain->resumeCheckpoint().has_value());
    plain->finish();
}

TEST(RunCheckpoints, AProcessAttachedToAPendingForkResumesToo)
{
    test::TempStore tmp;
    trainSource(tmp.path(), tmp.dir());
    QString forkId;
    {
        Store store(tmp.path());
        ForkOptions o;
        o.project = QStringLiteral("p");
        o.configOverrides = {{"lr", 0.5}};
        forkId = store.createFork(ForkSpec::parse(QStringLiteral("src?_step=70")), o).immutableId;
    }
    InitOptions attach;
    attach.storePath = tmp.path();
    attach.resume = forkId;
    auto run = Run::init(attach);
    ASSERT_TRUE(run->resumeCheckpoint().has_value());
    EXPECT_EQ(run->resumeCheckpoint()->step, 60);
    EXPECT_EQ(run->currentStep(), 71);
    run->finish();
    // The attached process is how the fork was started: a fork of it relaunches that.
    Store reader(tmp.path());
    EXPECT_EQ(reader.runInfo(run->info().key).metadata["root"], QDir::currentPath().toStdString());
}

TEST(RunCheckpoints, TheRunRecordsHowItWasStarted)
{
    test::TempStore tmp;
    auto run = Run::init(newRunIn(tmp.path(), QStringLiteral("a")));
    run->finish();
    Store reader(tmp.path());
    const Json meta = reader.runInfo(run->info().key).metadata;
    // The kernel's argv (gtest took its own options out of main's copy).
    QFile cmdline(QStringLiteral("/proc/self/cmdline"));
    ASSERT_TRUE(cmdline.open(QIODevice::ReadOnly));
    const QList<QByteArray> argv = cmdline.readAll().chopped(1).split('\0');
    EXPECT_EQ(meta["program"], argv.first().toStdString());
    ASSERT_TRUE(meta["args"].is_array());
    ASSERT_EQ(meta["args"].size(), size_t(argv.size() - 1));
    for (qsizetype i = 1; i < argv.size(); ++i)
        EXPECT_EQ(meta["args"][size_t(i - 1)], argv[i].toStdString());
    EXPECT_EQ(meta["executable"], QFileInfo(QCoreApplication::applicationFilePath()).canonicalFilePath().toStdString());
    EXPECT_EQ(meta["root"], QDir::currentPath().toStdString());
    EXPECT_EQ(meta.contains("git"), !gitCommitAt(QDir::currentPath()).isEmpty());
}

TEST(RunCheckpoints, KeysTheCallerSetWinAndRecordingCanBeLeftOut)
{
    test::TempStore tmp;
    InitOptions own = newRunIn(tmp.path(), QStringLiteral("own"));
    own.metadata = {{"program", "train.py"}, {"args", {"--lr", "0.1"}}};
    auto a = Run::init(own);
    a->finish();
    InitOptions off = newRunIn(tmp.path(), QStringLiteral("off"));
    off.recordCommand = false;
    auto b = Run::init(off);
    b->finish();
    Store reader(tmp.path());
    const Json meta = reader.runInfo(a->info().key).metadata;
    EXPECT_EQ(meta["program"], "train.py");
    EXPECT_EQ(meta["args"], Json({"--lr", "0.1"}));
    EXPECT_EQ(meta["root"], QDir::currentPath().toStdString());
    EXPECT_EQ(reader.runInfo(b->info().key).metadata, Json::object());
}

TEST(RunCheckpoints, GitCommitIsTheWorkTreesHeadAndEmptyOutsideOne)
{
    test::TempStore tmp;
    const QString repo = QDir(tmp.dir()).filePath(QStringLiteral("repo"));
    const QString plain = QDir(tmp.dir()).filePath(QStringLiteral("plain"));
    ASSERT_TRUE(QDir().mkpath(repo) && QDir().mkpath(plain));
    const auto git = [&](const QStringList &args) {
        QProcess p;
        p.setWorkingDirectory(repo);
        p.start(QStringLiteral("git"), QStringList{QStringLiteral("-c"), QStringLiteral("user.name=t"),
                                                   QStringLiteral("-c"), QStringLiteral("user.email=t@t")} +
                                           args);
        EXPECT_TRUE(p.waitForFinished(10000)) << "git is needed for this test";
        EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
        return QString::fromLatin1(p.readAllStandardOutput()).trimmed();
    };
    git({QStringLiteral("init"), QStringLiteral("-q")});
    EXPECT_TRUE(gitCommitAt(repo).isEmpty()); // no commit yet
    git({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("--allow-empty"), QStringLiteral("-m"),
         QStringLiteral("first")});
    const QString head = git({QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    EXPECT_EQ(gitCommitAt(repo), head);
    const Json meta = startCommandMetadata(QStringLiteral("train"), {QStringLiteral("--lr 0.1")},
                                           QStringLiteral("/usr/bin/train"), repo);
    EXPECT_EQ(meta["git"]["commit"], head.toStdString());
    EXPECT_EQ(meta["args"], Json({"--lr 0.1"})); // one argument, spaces and all
    EXPECT_TRUE(gitCommitAt(plain).isEmpty());
    EXPECT_FALSE(startCommandMetadata(QStringLiteral("x"), {}, {}, plain).contains("git"));
}
