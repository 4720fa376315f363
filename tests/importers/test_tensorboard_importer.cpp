#include <QTemporaryDir>
#include <gtest/gtest.h>

#include "imported_run_probe.h"

#include "core/error.h"
#include "importers/tensorboard_event_decoder.h"
#include "importers/tensorboard_importer.h"
#include "importers/test_writers.h"
#include "support/temp_store.h"

using forkscope::ImportedRun;
using forkscope::Json;
using forkscope::test::TensorForm;

using forkscope::test::numberAt;
using forkscope::test::stepsWith;
using forkscope::test::value;

namespace {

std::string eventFile(const std::vector<std::string> &events)
{
    std::string out = forkscope::test::tfRecord(forkscope::test::fileVersionEvent(1000));
    for (const auto &e : events)
        out += forkscope::test::tfRecord(e);
    return out;
}

} // namespace

TEST(TensorBoardFixture, KerasScalars)
{
    const forkscope::ImportBatch batch =
        forkscope::importTensorBoardDir(forkscope::test::fixturePath(QStringLiteral("tensorboard/keras-cvp")));
    ASSERT_EQ(batch.runs.size(), 1u);
    const ImportedRun &run = batch.runs[0];
    EXPECT_EQ(run.format, QLatin1String("tensorboard"));
    EXPECT_EQ(run.name, QLatin1String("keras-cvp"));
    EXPECT_EQ(run.recordCounts.at(QStringLiteral("events")), 105);
    EXPECT_EQ(run.recordCounts.at(QStringLiteral("file_version")), 1);
    EXPECT_EQ(run.recordCounts.at(QStringLiteral("graph_def")), 1);
    EXPECT_EQ(run.recordCounts.at(QStringLiteral("scalars")), 6 * 17);
    ASSERT_EQ(run.rows.size(), 17u);
    EXPECT_EQ(run.rows.front().step, 0);
    EXPECT_EQ(run.rows.back().step, 16);
    std::vector<qint64> all;
    for (qint64 i = 0; i <= 16; ++i)
        all.push_back(i);
    for (const char *tag : {"batch_loss", "batch_acc", "epoch_acc", "epoch_loss", "epoch_val_acc", "epoch_val_loss"})
        EXPECT_EQ(stepsWith(run, tag), all) << tag;
    EXPECT_EQ(stepsWith(run, "_timestamp"), all);
    EXPECT_EQ(run.state, QLatin1String("finished"));
    EXPECT_TRUE(run.warnings.isEmpty()) << run.warnings.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(run.startTime.toSecsSinceEpoch() / 100, 15857699); // wall time of the first event
}

TEST(TensorBoardGenerated, TensorFormScalars)
{
    QTemporaryDir dir;
    forkscope::test::writeFile(
        dir.filePath(QStringLiteral("events.out.tfevents.1.host")),
        eventFile({
            forkscope::test::tensorEvent(1001, 0, "f_content", 0.25, TensorForm::FloatContent, true),
            forkscope::test::tensorEvent(1002, 1, "f_content", 0.5, TensorForm::FloatContent, false),
            forkscope::test::tensorEvent(1001, 0, "d_content", 1e-300, TensorForm::DoubleContent, true),
            forkscope::test::tensorEvent(1001, 0, "f_val", 1.5, TensorForm::FloatVal, true),
            forkscope::test::tensorEvent(1001, 0, "f_unpacked", 2.5, TensorForm::FloatValUnpacked, true),
            forkscope::test::tensorEvent(1001, 0, "d_val", 3.25, TensorForm::DoubleVal, true),
            forkscope::test::tensorEvent(1001, 0, "no_plugin", 9, TensorForm::FloatContent, false),
            forkscope::test::tensorEvent(1001, 0, "vector", 9, TensorForm::FloatContent, true, 1),
            forkscope::test::imageEvent(1001, 0, "img"),
            forkscope::test::scalarEvent(1003, 2, "simple", 7.0f),
        }));
    const forkscope::ImportBatch batch = forkscope::importTensorBoardDir(dir.path());
    ASSERT_EQ(batch.runs.size(), 1u);
    const ImportedRun &run = batch.runs[0];
    ASSERT_EQ(run.rows.size(), 3u);
    const auto &r0 = run.rows[0];
    EXPECT_DOUBLE_EQ(numberAt(r0, "f_content"), 0.25);
    EXPECT_DOUBLE_EQ(numberAt(r0, "d_content"), 1e-300);
    EXPECT_DOUBLE_EQ(numberAt(r0, "f_val"), 1.5);
    EXPECT_DOUBLE_EQ(numberAt(r0, "f_unpacked"), 2.5);
    EXPECT_DOUBLE_EQ(numberAt(r0, "d_val"), 3.25);
    EXPECT_DOUBLE_EQ(numberAt(run.rows[1], "f_content"), 0.5); // plugin remembered per tag
    EXPECT_DOUBLE_EQ(numberAt(run.rows[2], "simple"), 7.0);
    EXPECT_EQ(value(r0, "no_plugin"), nullptr);
    EXPECT_EQ(value(r0, "vector"), nullptr);
    EXPECT_EQ(value(r0, "img"), nullptr);
    EXPECT_EQ(run.skipped, 3);
    EXPECT_DOUBLE_EQ(numberAt(run.rows[2], "_timestamp"), 1003);
    ASSERT_TRUE(run.runtimeSeconds.has_value());
    EXPECT_DOUBLE_EQ(*run.runtimeSeconds, 3);
}

TEST(TensorBoardGenerated, RestartedStepsKeepLastValueAndWarn)
{
    QTemporaryDir dir;
    forkscope::test::writeFile(
        dir.filePath(QStringLiteral("events.out.tfevents.100.h")),
        eventFile({forkscope::test::scalarEvent(1, 0, "loss", 1), forkscope::test::scalarEvent(2, 1, "loss", 2),
                   forkscope::test::scalarEvent(3, 2, "loss", 3)}));
    // The resumed job's file: written later, steps go back to 1.
    forkscope::test::writeFile(
        dir.filePath(QStringLiteral("events.out.tfevents.200.h")),
        eventFile({forkscope::test::scalarEvent(4, 1, "loss", 20), forkscope::test::scalarEvent(5, 2, "loss", 30),
                   forkscope::test::scalarEvent(6, 3, "loss", 40)}));
    const ImportedRun run = forkscope::importTensorBoardDir(dir.path()).runs.at(0);
    ASSERT_EQ(run.rows.size(), 4u);
    EXPECT_EQ(numberAt(run.rows[0], "loss"), 1);
    EXPECT_EQ(numberAt(run.rows[1], "loss"), 20);
    EXPECT_EQ(numberAt(run.rows[2], "loss"), 30);
    EXPECT_EQ(numberAt(run.rows[3], "loss"), 40);
    ASSERT_EQ(run.warnings.size(), 2) << run.warnings.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(run.warnings[0].contains(QLatin1String("events.out.tfevents.200.h")));
    EXPECT_TRUE(run.warnings[0].contains(QLatin1String("from step 2 to step 1")));
    EXPECT_TRUE(run.warnings[1].startsWith(QLatin1String("2 ")));
}

TEST(TensorBoardGenerated, OneRunPerSubfolderAndRootFiles)
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("logs"));
    forkscope::test::writeFile(root + QStringLiteral("/events.out.tfevents.1.h"),
                               eventFile({forkscope::test::scalarEvent(1, 0, "a", 1)}));
    forkscope::test::writeFile(root + QStringLiteral("/train/events.out.tfevents.1.h"),
                               eventFile({forkscope::test::scalarEvent(1, 0, "b", 1)}));
    forkscope::test::writeFile(root + QStringLiteral("/exp 1/eval/events.out.tfevents.1.h"),
                               eventFile({forkscope::test::scalarEvent(1, 0, "c/d e", 1)}));
    forkscope::test::writeFile(root + QStringLiteral("/notes.txt"), "ignored");
    const forkscope::ImportBatch batch = forkscope::importTensorBoardDir(root);
    ASSERT_EQ(batch.runs.size(), 3u);
    QStringList names;
    for (const auto &r : batch.runs) {
        names << r.name;
        EXPECT_EQ(r.project, QLatin1String("logs"));
    }
    names.sort();
    EXPECT_EQ(names, (QStringList{QStringLiteral("exp 1/eval"), QStringLiteral("logs"), QStringLiteral("train")}));
    for (const auto &r : batch.runs)
        if (r.name == QLatin1String("exp 1/eval")) {
            EXPECT_NE(value(r.rows.at(0), "c/d e"), nullptr);
        }
}

TEST(TensorBoardGenerated, CutFileKeepsWholeEventsAndSaysWhere)
{
    QTemporaryDir dir;
    std::string file =
        eventFile({forkscope::test::scalarEvent(1, 0, "a", 1), forkscope::test::scalarEvent(2, 1, "a", 2)});
    file.resize(file.size() - 5);
    forkscope::test::writeFile(dir.filePath(QStringLiteral("events.out.tfevents.1.h")), file);
    const ImportedRun run = forkscope::importTensorBoardDir(dir.path()).runs.at(0);
    EXPECT_EQ(run.rows.size(), 1u);
    EXPECT_EQ(run.state, QLatin1String("crashed"));
    ASSERT_EQ(run.warnings.size(), 1);
    EXPECT_TRUE(run.warnings[0].contains(QLatin1String("mid-record")));
}

TEST(TensorBoardGenerated, EmptyFolderIsAClearError)
{
    QTemporaryDir dir;
    try {
        forkscope::importTensorBoardDir(dir.path());
        FAIL();
    } catch (const forkscope::Error &e) {
        EXPECT_EQ(e.kind(), forkscope::Error::Kind::Format);
        EXPECT_TRUE(e.message().contains(QLatin1String("events.out.tfevents")));
    }
}

TEST(TensorBoardGenerated, ScalarFromTensorProtoRejectsOddShapes)
{
    forkscope::test::ProtoWriter t;
    t.varint(1, 1).bytes(4, std::string(8, '\0')); // DT_FLOAT with 8 content bytes
    EXPECT_FALSE(forkscope::scalarFromTensorProto(t.data()).has_value());
    forkscope::test::ProtoWriter h;
    h.varint(1, 19).bytes(4, std::string(2, '\0')); // DT_HALF: not read
    EXPECT_FALSE(forkscope::scalarFromTensorProto(h.data()).has_value());
    forkscope::test::ProtoWriter two;
    two.varint(1, 2).doubleField(6, 1).doubleField(6, 2); // two values
    EXPECT_FALSE(forkscope::scalarFromTensorProto(two.data()).has_value());
}
