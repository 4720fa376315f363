// File → Import… and drag and drop: the ImportController on a real store,
// with the real fixtures, inside a real main window.
#include <QApplication>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QProgressDialog>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QUrl>
#include <gtest/gtest.h>

#include "itemmodels/project_list_model.h"
#include "itemmodels/run_page_model.h"
#include "store/store.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/import/import_controller.h"
#include "views/import/import_summary_dialog.h"
#include "views/runs/runs_panel.h"

namespace forkscope {
namespace {

std::unique_ptr<MainWindow> emptyWindow(const QString &storePath)
{
    MainWindow::Options options;
    options.storePath = storePath;
    options.useSettings = false;
    auto window = std::make_unique<MainWindow>(options);
    window->resize(1200, 800);
    window->show();
    if (!test::waitFor([&] { return window->isSettled(); }))
        ADD_FAILURE() << "the main window did not settle within 15 s";
    return window;
}

bool waitForImport(ImportController *c)
{
    return test::waitFor([c] { return !c->isRunning() && c->summaryDialog(); }, 60000);
}

// An mlruns/ root with one run of `steps` rows: more than one progress point
// inside the run, so a cancel lands while it is being written.
QString writeMlflowRoot(const QString &dir, int steps)
{
    const QString root = dir + QStringLiteral("/mlruns");
    const QString run = root + QStringLiteral("/0/0123456789abcdef");
    QDir().mkpath(run + QStringLiteral("/metrics"));
    QFile exp(root + QStringLiteral("/0/meta.yaml"));
    exp.open(QIODevice::WriteOnly);
    exp.write("experiment_id: '0'\nname: Default\nlifecycle_stage: active\n");
    QFile meta(run + QStringLiteral("/meta.yaml"));
    meta.open(QIODevice::WriteOnly);
    meta.write("run_id: 0123456789abcdef\nrun_name: long-run\nexperiment_id: '0'\nstatus: 3\n"
               "start_time: 1700000000000\nend_time: 1700000100000\nlifecycle_stage: active\n");
    QFile metric(run + QStringLiteral("/metrics/loss"));
    metric.open(QIODevice::WriteOnly);
    QByteArray lines;
    for (int s = 0; s < steps; ++s)
        lines += QByteArray::number(1700000000000LL + s) + ' ' + QByteArray::number(1.0 / (s + 1)) + ' ' +
                 QByteArray::number(s) + '\n';
    metric.write(lines);
    return root;
}

TEST(ImportUi, ImportsAFolderWithProgressAndASummaryAndShowsTheRuns)
{
    test::TempStore temp;
    auto window = emptyWindow(temp.path());
    ImportController *imports = window->importController();
    ASSERT_TRUE(imports);
    QSignalSpy progress(imports, &ImportController::progressed);
    QSignalSpy finished(imports, &ImportController::finished);

    ASSERT_TRUE(imports->start({test::fixturePath(QStringLiteral("wandb"))}));
    EXPECT_TRUE(imports->isRunning());
    EXPECT_FALSE(imports->start({test::fixturePath(QStringLiteral("wandb"))})); // one at a time
    ASSERT_TRUE(waitForImport(imports));
    EXPECT_EQ(finished.count(), 1);
    EXPECT_GE(progress.count(), 4); // once before each run
    EXPECT_FALSE(imports->progressDialog());

    const ImportResult &result = imports->lastResult();
    EXPECT_FALSE(result.cancelled);
    EXPECT_TRUE(result.errors.isEmpty());
    EXPECT_EQ(result.count(ImportOutcome::Status::Created), 4);
    ImportSummaryDialog *summary = imports->summaryDialog();
    ASSERT_TRUE(summary);
    EXPECT_TRUE(summary->isVisible());
    EXPECT_EQ(summary->countLabel(ImportOutcome::Status::Created)->text(), QStringLiteral("4"));
    EXPECT_EQ(summary->countLabel(ImportOutcome::Status::Unchanged)->text(), QStringLiteral("0"));
    EXPECT_EQ(summary->countLabel(ImportOutcome::Status::Failed)->text(), QStringLiteral("0"));
    EXPECT_EQ(summary->runTable()->topLevelItemCount(), 4);
    EXPECT_EQ(summary->headline()->textFormat(), Qt::PlainText);
    // The cut 0.12.15 file's warning is listed.
    bool cutListed = false;
    for (int i = 0; i < summary->warningList()->count(); ++i)
        cutListed = cutListed || summary->warningList()->item(i)->text().contains(QStringLiteral("3ojed7lz"));
    EXPECT_TRUE(cutListed);
    if (const QByteArray dir = qgetenv("FORKSCOPE_UI_SNAPSHOTS"); !dir.isEmpty())
        summary->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/import_summary.png"));

    // The window shows the first imported run's project, and that run in it.
    const QString first = result.firstImmutableId();
    ASSERT_FALSE(first.isEmpty());
    ASSERT_TRUE(test::waitFor([&] {
        const RunPageModel *model = window->runsPanel()->model();
        for (int row = 0; window->isSettled() && row < model->rowCount(); ++row)
            if (model->index(row, 0).data(RunPageModel::ImmutableIdRole).toString() == first)
                return true;
        return false;
    }));
    qint64 shownRuns = 0;
    for (const ProjectInfo &p : window->projectModel()->projects())
        shownRuns += p.runCount;
    EXPECT_EQ(shownRuns, 4);

    // Again: nothing new, and no duplicate runs.
    summary->close();
    ASSERT_TRUE(imports->start({test::fixturePath(QStringLiteral("wandb"))}));
    ASSERT_TRUE(waitForImport(imports));
    EXPECT_EQ(imports->lastResult().count(ImportOutcome::Status::Unchanged), 4);
    EXPECT_EQ(imports->summaryDialog()->countLabel(ImportOutcome::Status::Unchanged)->text(), QStringLiteral("4"));
    Store store(temp.path());
    EXPECT_EQ(store.runCount(), 4);
}

TEST(ImportUi, CancelRollsBackTheRunBeingWritten)
{
    test::TempStore temp;
    const QString root = writeMlflowRoot(temp.dir(), 20000);
    auto window = emptyWindow(temp.path());
    ImportController *imports = window->importController();
    ASSERT_NE(imports, nullptr);
    // On the import thread, right after the first progress point inside the run.
    qint64 cancelledAt = -1;
    QObject::connect(
        imports, &ImportController::progressed, imports,
        [&](qint64 done, qint64, const QString &) {
            if (done > 0 && cancelledAt < 0) {
                cancelledAt = done;
                imports->cancel();
            }
        },
        Qt::DirectConnection);
    ASSERT_TRUE(imports->start({root}));
    ASSERT_TRUE(waitForImport(imports));
    EXPECT_GT(cancelledAt, 0);
    const ImportResult &result = imports->lastResult();
    EXPECT_TRUE(result.cancelled);
    EXPECT_EQ(result.count(ImportOutcome::Status::Created), 0);
    EXPECT_NE(imports->summaryDialog()->windowTitle().indexOf(QStringLiteral("cancelled")), -1);
    Store store(temp.path());
    EXPECT_EQ(store.runCount(), 0);
    EXPECT_TRUE(store.projects().empty() || store.projects().front().runCount == 0);

    // Nothing half-written blocks a later import of the same run.
    ASSERT_TRUE(imports->start({root}));
    ASSERT_TRUE(waitForImport(imports));
    ASSERT_EQ(imports->lastResult().count(ImportOutcome::Status::Created), 1);
    ASSERT_FALSE(imports->lastResult().reports.empty());
    ASSERT_FALSE(imports->lastResult().reports.front().runs.empty());
    EXPECT_EQ(imports->lastResult().reports.front().runs.front().rowsAdded, 20000);
}

TEST(ImportUi, CancelBetweenRunsKeepsOnlyWholeRuns)
{
    test::TempStore temp;
    auto window = emptyWindow(temp.path());
    ImportController *imports = window->importController();
    ASSERT_NE(imports, nullptr);
    int calls = 0;
    QObject::connect(
        imports, &ImportController::progressed, imports,
        [&](qint64, qint64, const QString &) {
            if (++calls == 2)
                imports->cancel();
        },
        Qt::DirectConnection);
    ASSERT_TRUE(imports->start({test::fixturePath(QStringLiteral("wandb"))}));
    ASSERT_TRUE(waitForImport(imports));
    EXPECT_TRUE(imports->lastResult().cancelled);
    Store store(temp.path());
    EXPECT_EQ(store.runCount(), 1);
    for (const ProjectInfo &p : store.projects()) {
        for (const RunInfo &run : store.runs(p.key)) {
            // The one run written is whole: the first run folder, 0 rows.
            EXPECT_EQ(run.runId, QStringLiteral("g9dvvkua"));
        }
    }
}

TEST(ImportUi, DroppingAFolderOnTheWindowImportsIt)
{
    test::TempStore temp;
    auto window = emptyWindow(temp.path());
    ImportController *imports = window->importController();
    ASSERT_NE(imports, nullptr);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(test::fixturePath(QStringLiteral("tensorboard/keras-cvp")))});

    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &drop);
    EXPECT_TRUE(drop.isAccepted());

    ASSERT_TRUE(test::waitFor([&] { return imports->summaryDialog() != nullptr; }));
    ASSERT_TRUE(waitForImport(imports));
    EXPECT_EQ(imports->lastResult().count(ImportOutcome::Status::Created), 1);
    ASSERT_TRUE(test::waitFor([&] { return window->runsPanel()->model()->rowCount() == 1 && window->isSettled(); }));

    // Text that is not a local file is refused.
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    QDragEnterEvent refused(QPoint(100, 100), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(window.get(), &refused);
    EXPECT_FALSE(refused.isAccepted());
}

TEST(ImportUi, AnUnusablePathIsReportedNotImported)
{
    test::TempStore temp;
    auto window = emptyWindow(temp.path());
    ImportController *imports = window->importController();
    ASSERT_NE(imports, nullptr);
    ASSERT_TRUE(imports->start({temp.dir()})); // holds only the store
    ASSERT_TRUE(waitForImport(imports));
    const ImportResult &result = imports->lastResult();
    ASSERT_EQ(result.errors.size(), 1);
    EXPECT_TRUE(result.errors.first().contains(QStringLiteral("expected a W&B run folder")));
    ImportSummaryDialog *summary = imports->summaryDialog();
    EXPECT_TRUE(summary->headline()->text().startsWith(QStringLiteral("Nothing was imported")));
    ASSERT_EQ(summary->warningList()->count(), 1);
    EXPECT_EQ(summary->warningList()->item(0)->text(), result.errors.first());
}

} // namespace
} // namespace forkscope
