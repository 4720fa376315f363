// The fork dialog says which checkpoint the fork starts from, and warns when
// the chosen step has none or the checkpoint's file is missing or changed.
#include <QCryptographicHash>
#include <QFile>
#include <QTest>
#include <gtest/gtest.h>

#include "store/store.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/fork/fork_dialog.h"
#include "views/fork/step_spin_box.h"

namespace forkscope {
namespace {

// Writes `content` to `path` and registers it at `step` as it is now.
void saveFile(Store &store, const RunInfo &run, qint64 step, const QString &path, const QByteArray &content)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly)) << path.toStdString();
    file.write(content);
    file.close();
    NewCheckpoint c;
    c.step = step;
    c.path = path;
    c.size = content.size();
    c.sha256 = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    store.addCheckpoint(run.key, c);
}

ForkDialog *settledDialog(MainWindow &window, qint64 runKey, qint64 step)
{
    window.openForkDialog(runKey, step);
    ForkDialog *dialog = window.forkDialog();
    if (!dialog || !test::waitFor([&] { return dialog->isVisible() && dialog->checkpointSettled(); })) {
        ADD_FAILURE() << "the fork dialog did not read the checkpoints within 15 s";
        return nullptr;
    }
    return dialog;
}

// The dialog at `step`, once the checkpoint's file has been checked.
void chooseStep(ForkDialog &dialog, qint64 step)
{
    dialog.stepBox()->setValue(step);
    EXPECT_TRUE(test::waitFor([&] { return dialog.checkpointSettled(); })) << "step " << step;
}

TEST(ForkCheckpoint, TheDialogShowsTheCheckpointTheForkStartsFromAndWhatIsWrongWithIt)
{
    test::TempStore temp;
    RunInfo run;
    const QString p100 = temp.dir() + QStringLiteral("/step-100.pt");
    const QString p200 = temp.dir() + QStringLiteral("/step-200.pt");
    const QString p250 = temp.dir() + QStringLiteral("/step-250.pt");
    {
        Store store(temp.path());
        run = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("saved"), 300);
        saveFile(store, run, 100, p100, QByteArray("weights at 100"));
        saveFile(store, run, 200, p200, QByteArray("weights at 200"));
        saveFile(store, run, 250, p250, QByteArray("weights at 250"));
    }
    // After registering: one file is overwritten, one deleted.
    {
        QFile changed(p200);
        ASSERT_TRUE(changed.open(QIODevice::WriteOnly));
        changed.write("other weights");
    }
    ASSERT_TRUE(QFile::remove(p250));

    auto window = test::openWindow(temp.path(), run.runId);
    ForkDialog *dialog = settledDialog(*window, run.key, 100);
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->checkpointText(), QStringLiteral("step 100 · ") + p100);
    EXPECT_EQ(dialog->checkpointWarning(), QString()) << "a checkpoint at the step, its file as registered";

    chooseStep(*dialog, 123);
    EXPECT_EQ(dialog->checkpointText(), QStringLiteral("step 100 · ") + p100);
    EXPECT_EQ(dialog->checkpointWarning(), QStringLiteral("No checkpoint at step 123. Nearest checkpoint is step 100, "
                                                          "23 steps earlier."));

    // The nearest is later, but a fork resumes from the one before.
    chooseStep(*dialog, 190);
    EXPECT_EQ(dialog->checkpointText(), QStringLiteral("step 100 · ") + p100);
    EXPECT_EQ(dialog->checkpointWarning(), QStringLiteral("No checkpoint at step 190. Nearest checkpoint is step 200, "
                                                          "10 steps later."));

    chooseStep(*dialog, 200);
    EXPECT_EQ(dialog->checkpointText(), QStringLiteral("step 200 · ") + p200);
    EXPECT_EQ(dialog->checkpointWarning(),
              QStringLiteral("The checkpoint file has changed since it was registered (its size or SHA-256 "
                             "differs): ") +
                  p200);

    chooseStep(*dialog, 251);
    EXPECT_EQ(dialog->checkpointText(), QStringLiteral("step 250 · ") + p250);
    EXPECT_EQ(dialog->checkpointWarning(),
              QStringLiteral("No checkpoint at step 251. Nearest checkpoint is step 250, 1 step earlier.\nThe "
                             "checkpoint file is missing: ") +
                  p250);

    chooseStep(*dialog, 40);
    EXPECT_EQ(dialog->checkpointText(), QStringLiteral("None at or before step 40"));
    EXPECT_EQ(dialog->checkpointWarning(), QStringLiteral("No checkpoint at step 40. Nearest checkpoint is step 100, "
                                                          "60 steps later."));
}

TEST(ForkCheckpoint, ARunWithoutCheckpointsSaysSoWithoutAWarning)
{
    test::TempStore temp;
    RunInfo run;
    {
        Store store(temp.path());
        run = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("plain"), 50);
    }
    auto window = test::openWindow(temp.path(), run.runId);
    ForkDialog *dialog = settledDialog(*window, run.key, 20);
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->checkpointText(), QStringLiteral("None: the source recorded no checkpoints"));
    EXPECT_EQ(dialog->checkpointWarning(), QString());
}

} // namespace
} // namespace forkscope
