// Importers and the store with hostile text: identifiers that look like
// numbers, bytes that are not UTF-8, files with nothing readable.
#include <QDir>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include "client/run.h"
#include "core/error.h"
#include "core/plain_text.h"
#include "importers/mlflow_importer.h"
#include "importers/store_import.h"
#include "importers/tensorboard_importer.h"
#include "importers/test_writers.h"
#include "importers/wandb_importer.h"
#include "importers/yaml_json.h"
#include "store/store.h"
#include "support/temp_store.h"

using namespace forkscope;

namespace {

// A W&B run folder run-<date>-<folderId> holding run-<folderId>.wandb.
QString writeWandbRun(const QString &root, const QString &folderId, const std::vector<std::string> &records)
{
    const QString dir = root + QStringLiteral("/run-20240101_000000-") + folderId;
    test::writeFile(dir + QStringLiteral("/run-%1.wandb").arg(folderId), test::wandbLog(records));
    return dir;
}

} // namespace

TEST(PlainText, EscapesControlsAndBidiOverrides)
{
    EXPECT_EQ(escapeControls(QStringLiteral("a\nb\tc\rd\x1b[2J\x7f\u0085\u202Ee")),
              QStringLiteral("a\\nb\\tc\\rd\\x1b[2J\\x7f\\x85\\u202ee"));
    EXPECT_EQ(escapeControls(QStringLiteral("line\nnext\x1b"), true), QStringLiteral("line\nnext\\x1b"));
    EXPECT_EQ(escapeControls(QStringLiteral("日本語 ok \\n")), QStringLiteral("日本語 ok \\n"));
}

TEST(PlainText, FindsTheFirstByteThatIsNotUtf8)
{
    EXPECT_FALSE(invalidUtf8Offset("plain \xe6\x97\xa5 \xf0\x9f\x98\x80"));
    EXPECT_EQ(invalidUtf8Offset("ab\xff"), std::size_t(2));
    EXPECT_EQ(invalidUtf8Offset("a\xc0\xaf"), std::size_t(1));         // overlong '/'
    EXPECT_EQ(invalidUtf8Offset("a\xed\xa0\x80"), std::size_t(1));     // a surrogate
    EXPECT_EQ(invalidUtf8Offset("a\xf4\x90\x80\x80"), std::size_t(1)); // past U+10FFFF
    EXPECT_EQ(invalidUtf8Offset("abc\xe6\x97"), std::size_t(3));       // cut short
    EXPECT_TRUE(invalidTextProblem(QStringLiteral("name"), QStringLiteral("fine 日本")).isEmpty());
    EXPECT_TRUE(invalidTextProblem(QStringLiteral("name"), QString::fromUtf8("a\xff")).contains(u"U+FFFD"));
    QString lone = QStringLiteral("ab");
    lone[1] = QChar(0xD800);
    EXPECT_TRUE(invalidTextProblem(QStringLiteral("name"), lone).contains(u"surrogate"));
}

TEST(HostileText, StoreAndClientRefuseTextThatIsNotValid)
{
    test::TempStore tmp;
    QString lone = QStringLiteral("id-x");
    lone[3] = QChar(0xDC00);
    for (int field = 0; field < 4; ++field) {
        InitOptions o;
        o.storePath = tmp.path();
        o.project = QStringLiteral("p");
        o.id = QStringLiteral("ok%1").arg(field);
        (field == 0   ? o.id
         : field == 1 ? o.project
         : field == 2 ? o.name
                      : o.entity) = field == 3 ? QString::fromUtf8("e\xff") : lone;
        try {
            auto run = Run::init(o);
            ADD_FAILURE() << "field " << field << " was accepted";
        } catch (const Error &e) {
            EXPECT_EQ(e.kind(), Error::Kind::BadInput) << field;
            EXPECT_TRUE(e.message().contains(QLatin1String("expected"))) << e.message().toStdString();
        }
    }
    Store store(tmp.path());
    EXPECT_TRUE(store.projects().empty());
    NewRun spec;
    spec.project = QStringLiteral("p");
    spec.runId = QStringLiteral("fine");
    const RunInfo run = store.createRun(spec);
    EXPECT_THROW(store.rename(run.key, lone), Error);
    EXPECT_THROW(store.setNotes(run.key, QString::fromUtf8("n\xfe")), Error);
    EXPECT_EQ(store.runInfo(run.key).name, run.name);
}

TEST(HostileText, YamlKeysAndMetaIdentifiersStayText)
{
    const Json config = yamlTextToJson("010: a\n0x1F: b\n1e3: c\nn: 010\n", QStringLiteral("config.yaml"));
    EXPECT_EQ(config, (Json{{"010", "a"}, {"0x1F", "b"}, {"1e3", "c"}, {"n", 10}}));
    const Json meta = yamlTextToJson("run_id: 00000000000000000000000000000010\nexperiment_id: 0012\n"
                                     "status: 3\nend_time: ~\nname: 0o17\n",
                                     QStringLiteral("meta.yaml"), YamlScalars::Text);
    EXPECT_EQ(meta, (Json{{"run_id", "00000000000000000000000000000010"},
                          {"experiment_id", "0012"},
                          {"status", "3"},
                          {"end_time", nullptr},
                          {"name", "0o17"}}));

    QTemporaryDir tmp;
    const QString root = tmp.filePath(QStringLiteral("mlruns"));
    test::writeFile(root + QStringLiteral("/5/meta.yaml"),
                    "experiment_id: 0005\nname: 0012\nlifecycle_stage: active\n");
    test::writeFile(root + QStringLiteral("/5/r/meta.yaml"),
                    "run_id: 00000000000000000000000000000010\nexperiment_id: 0005\nstatus: 3\n"
                    "start_time: 1000\nend_time: 2500\nlifecycle_stage: active\nrun_name: 007\n");
    const ImportBatch batch = importMlflowRoot(root);
    ASSERT_EQ(batch.runs.size(), 1u) << batch.warnings.join(u'\n').toStdString();
    const ImportedRun &run = batch.runs[0];
    EXPECT_EQ(run.runId, QStringLiteral("00000000000000000000000000000010"));
    EXPECT_EQ(run.project, QStringLiteral("0012"));
    EXPECT_EQ(run.name, QStringLiteral("007"));
    EXPECT_EQ(run.metadata["experimentId"], "0005");
    EXPECT_EQ(run.state, QStringLiteral("finished"));
    ASSERT_TRUE(run.runtimeSeconds);
    EXPECT_DOUBLE_EQ(*run.runtimeSeconds, 1.5);
}

TEST(HostileText, MlflowThousandDigitIdsMakeAThousandRuns)
{
    QTemporaryDir tmp;
    const QString root = tmp.filePath(QStringLiteral("mlruns"));
    test::writeFile(root + QStringLiteral("/0/meta.yaml"), "experiment_id: '0'\nname: many\n");
    for (int i = 0; i < 1000; ++i) {
        // Zero-padded to MLflow's 32 characters, and some with fewer zeros,
        // which a number would make equal to the padded ones.
        const QString id = QStringLiteral("%1").arg(i | 1, i % 2 ? 32 : 31, 10, QLatin1Char('0'));
        test::writeFile(root + QStringLiteral("/0/%1/meta.yaml").arg(id),
                        QStringLiteral("run_id: %1\nstatus: 3\nlifecycle_stage: active\n").arg(id).toStdString());
    }
    test::TempStore store;
    Store s(store.path());
    const ImportReport report = importPath(s, root);
    ASSERT_EQ(report.runs.size(), 1000u);
    qint64 created = 0;
    for (const auto &o : report.runs)
        created += o.status == ImportOutcome::Status::Created;
    EXPECT_EQ(created, 1000);
    EXPECT_EQ(s.runs(s.requireProject(QStringLiteral("many")).key).size(), 1000u);
}

TEST(HostileText, WandbTextThatIsNotUtf8IsReplacedOrRefused)
{
    QTemporaryDir tmp;
    const QString dir = writeWandbRun(
        tmp.path(), QStringLiteral("x"),
        {test::runRecord("x", "proj", "bad\xff name"), test::configRecord({{"ok", "1"}, {"bad\xfekey", "2"}}),
         test::historyRecord({{"loss", "0.5"}, {"acc\xff", "1"}, {"_step", "0"}}), test::exitRecord(0, 3)});
    test::TempStore store;
    Store s(store.path());
    const ImportReport report = importPath(s, dir);
    ASSERT_EQ(report.runs.size(), 1u);
    const ImportOutcome &o = report.runs[0];
    ASSERT_EQ(o.status, ImportOutcome::Status::Created) << o.error.toStdString();
    const QString warnings = o.warnings.join(u'\n');
    EXPECT_TRUE(warnings.contains(u"a generated name is used instead")) << warnings.toStdString();
    EXPECT_TRUE(warnings.contains(u"config.bad")) << warnings.toStdString();
    EXPECT_TRUE(warnings.contains(u"metric key 'acc")) << warnings.toStdString();
    const RunInfo run = s.resolve(o.runPath);
    EXPECT_TRUE(invalidTextProblem(QStringLiteral("name"), run.name).isEmpty()) << run.name.toStdString();
    EXPECT_FALSE(run.name.isEmpty());
    EXPECT_EQ(run.config, (Json{{"ok", 1}}));
    EXPECT_EQ(s.keys(run.key), QStringList{QStringLiteral("loss")});
    // Every stored text can be found again as it reads.
    EXPECT_EQ(s.resolve(run.path().toString()).key, run.key);

    // A run ID that is not UTF-8 is not repaired: the run fails, nothing is stored.
    QTemporaryDir tmp2;
    const QString badId =
        writeWandbRun(tmp2.path(), QStringLiteral("y"),
                      {test::runRecord("y\xff", "proj", "n"), test::historyRecord({{"loss", "1"}, {"_step", "0"}})});
    const ImportReport refused = importPath(s, badId);
    ASSERT_EQ(refused.runs.size(), 1u);
    EXPECT_EQ(refused.runs[0].status, ImportOutcome::Status::Failed);
    EXPECT_TRUE(refused.runs[0].error.contains(u"run ID")) << refused.runs[0].error.toStdString();
    EXPECT_TRUE(refused.runs[0].error.contains(u"not valid UTF-8")) << refused.runs[0].error.toStdString();
    EXPECT_EQ(s.runCount(), 1);
}

TEST(HostileText, NothingReadableIsAnErrorNotAnEmptyRun)
{
    try {
        importWandbLog(std::string_view(), QStringLiteral("empty.wandb"));
        ADD_FAILURE() << "an empty .wandb file was imported";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::Format);
        EXPECT_TRUE(e.message().contains(u"empty.wandb: ") || e.message().contains(u"empty.wandb holds"))
            << e.message().toStdString();
        EXPECT_TRUE(e.message().contains(u"file is empty")) << e.message().toStdString();
    }
    const std::string headerOnly = test::wandbLog({});
    EXPECT_THROW(importWandbLog(headerOnly, QStringLiteral("h.wandb")), Error);

    QTemporaryDir legacy; // SDK 0.9: a history of nothing but garbage lines
    const QString folder = legacy.filePath(QStringLiteral("run-20200101_000000-old"));
    test::writeFile(folder + QStringLiteral("/wandb-history.jsonl"), "\x01\x02 not json\n]]]\n");
    try {
        importWandbRun(folder);
        ADD_FAILURE() << "a history of garbage was imported";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::Format);
        EXPECT_TRUE(e.message().contains(u"no readable line")) << e.message().toStdString();
        EXPECT_TRUE(e.message().contains(u"line 1")) << e.message().toStdString();
    }

    QTemporaryDir tmp;
    test::writeFile(tmp.filePath(QStringLiteral("good/events.out.tfevents.1.h")),
                    test::tfRecord(test::fileVersionEvent(1)) + test::tfRecord(test::scalarEvent(2, 0, "loss", 1)));
    test::writeFile(tmp.filePath(QStringLiteral("good/events.out.tfevents.2.h")), std::string(100, 'z'));
    test::writeFile(tmp.filePath(QStringLiteral("bad/events.out.tfevents.1.h")), std::string(100, 'z'));
    test::writeFile(tmp.filePath(QStringLiteral("bad/events.out.tfevents.2.h")), std::string());
    const ImportBatch batch = importTensorBoardDir(tmp.path());
    ASSERT_EQ(batch.runs.size(), 1u); // the good folder, with a warning for its bad file
    EXPECT_EQ(batch.runs[0].name, QStringLiteral("good"));
    EXPECT_EQ(batch.runs[0].rows.size(), 1u);
    EXPECT_EQ(batch.skippedRuns, 1);
    ASSERT_EQ(batch.warnings.size(), 1);
    EXPECT_TRUE(batch.warnings[0].contains(u"2 event file(s) hold no readable record"))
        << batch.warnings[0].toStdString();
    EXPECT_TRUE(batch.warnings[0].contains(u"checksum")) << batch.warnings[0].toStdString();

    test::TempStore store;
    Store s(store.path());
    try {
        importPath(s, tmp.filePath(QStringLiteral("bad")));
        ADD_FAILURE() << "a folder with nothing readable was imported";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::Format);
        EXPECT_TRUE(e.message().contains(u"nothing was imported")) << e.message().toStdString();
    }
    EXPECT_EQ(s.runCount(), 0);
}
