// Training started from a fork: the fork dialog shows the source's recorded
// command as the arguments it will start (no shell) and its working folder,
// "Create and start training" starts it attached to the new fork, the
// Console tab shows the output kept in the store, and Stop and closing the
// window end it.
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

#include "store/history_writer.h"
#include "store/store.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/charts/charts_tab.h"
#include "views/charts/metric_panel.h"
#include "views/console/console_tab.h"
#include "views/console/training_processes.h"
#include "views/fork/fork_dialog.h"

namespace forkscope {
namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

// A finished run with 10 steps whose metadata records how it was started.
RunInfo runStartedWith(Store &store, const QString &script, const QStringList &args, const QString &folder)
{
    NewRun spec;
    spec.project = QStringLiteral("proj");
    spec.name = QStringLiteral("trained");
    Json argList = Json::array();
    for (const QString &a : args)
        argList.push_back(a.toStdString());
    spec.metadata = {{"program", script.toStdString()},
                     {"executable", kPython.toStdString()},
                     {"args", argList},
                     {"root", folder.toStdString()}};
    RunInfo run = store.createRun(spec);
    HistoryWriter writer(store, run.key);
    for (qint64 step = 0; step < 10; ++step)
        writer.addNumber("loss", step, 1.0 / double(step + 1));
    writer.flush();
    store.setState(run.key, RunState::Finished, 0);
    return store.runInfo(run.key);
}

QString writeScript(const QString &folder, const QString &name, const QByteArray &code)
{
    const QString path = folder + QLatin1Char('/') + name;
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(code);
    return path;
}

QString storedConsole(const QString &storePath, qint64 runKey)
{
    Store store(storePath, StoreAccess::ReadOnly);
    QString text;
    for (const ConsoleChunk &c : store.console(runKey))
        text += c.text;
    return text;
}

// Answers the next message box by clicking the button whose text is `button`.
void answerNextMessageBox(const QString &button)
{
    auto *timer = new QTimer;
    timer->setInterval(50);
    QObject::connect(timer, &QTimer::timeout, [timer, button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        for (QAbstractButton *b : box->buttons()) {
            if (b->text().remove(QLatin1Char('&')) == button) {
                timer->stop();
                timer->deleteLater();
                b->click();
                return;
            }
        }
    });
    timer->start();
}

TEST(TrainingLaunch, TheDialogStartsTheShownCommandAttachedToTheNewForkAndItsConsoleIsKept)
{
    test::TempStore temp;
    const QString script = writeScript(temp.dir(), QStringLiteral("train.py"),
                                       "import os, sys\n"
                                       "print('run', os.environ['FORKSCOPE_RUN_ID'])\n"
                                       "print('args', sys.argv[1:])\n"
                                       "print('cwd', os.getcwd())\n"
                                       "print('to stderr', file=sys.stderr)\n");
    RunInfo source;
    {
        Store store(temp.path());
        source = runStartedWith(store, script, {QStringLiteral("--lr"), QStringLiteral("0.1")}, temp.dir());
    }
    auto window = test::openWindow(temp.path(), source.runId);
    window->openForkDialog(source.key, 5);
    ForkDialog *dialog = window->forkDialog();
    ASSERT_NE(dialog, nullptr);
    // The whole command is in view before anything starts.
    EXPECT_EQ(dialog->commandEdit()->text(), kPython + QLatin1Char(' ') + script + QStringLiteral(" --lr 0.1"));
    EXPECT_EQ(dialog->workingFolderEdit()->text(), temp.dir());
    EXPECT_TRUE(dialog->argumentsText().contains(QStringLiteral("0: ") + kPython))
        << dialog->argumentsText().toStdString();
    EXPECT_TRUE(dialog->startButton()->isEnabled());

    // Edited as a shell would read it, started without one: ';' and '$HOME' are plain text.
    dialog->commandEdit()->setText(dialog->commandEdit()->text() + QStringLiteral(" --note 'two words; $HOME'"));
    EXPECT_TRUE(dialog->argumentsText().contains(QStringLiteral("5: two words; $HOME")))
        << dialog->argumentsText().toStdString();

    qint64 forkKey = 0;
    bool exited = false;
    ProcessOutcome outcome;
    QObject::connect(window.get(), &MainWindow::forkCreated, [&](qint64 key) { forkKey = key; });
    QObject::connect(window->trainingProcesses(), &TrainingProcesses::exited,
                     [&](qint64, const ProcessOutcome &o) { exited = true, outcome = o; });
    dialog->startButton()->click();
    ASSERT_TRUE(test::waitFor([&] { return forkKey != 0 && exited; })) << "the training did not start and end";
    EXPECT_EQ(outcome.end, ProcessEnd::Exited);
    EXPECT_EQ(outcome.exitCode, 0) << outcome.error.toStdString();

    RunInfo fork;
    {
        Store store(temp.path(), StoreAccess::ReadOnly);
        fork = store.runInfo(forkKey);
    }
    EXPECT_EQ(fork.state, RunState::Finished);
    const QString console = storedConsole(temp.path(), forkKey);
    EXPECT_TRUE(console.contains(QStringLiteral("run ") + fork.immutableId)) << console.toStdString();
    EXPECT_TRUE(console.contains(QStringLiteral("'--note', 'two words; $HOME'"))) << console.toStdString();
    EXPECT_TRUE(console.contains(QStringLiteral("cwd ") + temp.dir())) << console.toStdString();
    EXPECT_TRUE(console.contains(QStringLiteral("to stderr"))) << console.toStdString();

    // The fork opens; its Console tab shows what the store kept.
    ConsoleTab *tab = window->runPage()->console();
    ASSERT_TRUE(test::waitFor([&] { return tab->runKey() == forkKey; }));
    window->runPage()->setCurrentTab(RunPage::ConsoleIndex);
    tab->refresh();
    ASSERT_TRUE(test::waitFor([&] { return tab->text()->toPlainText().contains(fork.immutableId); }))
        << tab->text()->toPlainText().toStdString();
    EXPECT_TRUE(tab->text()->isReadOnly());
    EXPECT_FALSE(tab->stopButton()->isVisible()) << "nothing left to stop";

    // After a restart (a new window on the store) the output is still there.
    window.reset();
    auto again = test::openWindow(temp.path(), fork.runId, RunPage::ConsoleIndex);
    ASSERT_TRUE(test::waitFor(
        [&] { return again->runPage()->console()->text()->toPlainText().contains(QStringLiteral("to stderr")); }));
}

TEST(TrainingLaunch, ACheckpointMarkOnTheChartBecomesAForkThatTrainsFromIt)
{
    test::TempStore temp;
    const QString script = writeScript(temp.dir(), QStringLiteral("train.py"),
                                       "import os\n"
                                       "print('resumed', os.environ['FORKSCOPE_RUN_ID'])\n");
    const QString weights = writeScript(temp.dir(), QStringLiteral("step-4.pt"), "weights");
    RunInfo source;
    {
        Store store(temp.path());
        source = runStartedWith(store, script, {}, temp.dir());
        NewCheckpoint c;
        c.step = 4;
        c.path = weights;
        store.addCheckpoint(source.key, c);
    }
    auto window = test::openWindow(temp.path(), source.runId, RunPage::ChartsIndex);
    MetricPanel *panel = nullptr;
    ASSERT_TRUE(test::waitFor([&] {
        panel = window->runPage()->charts()->panel(QStringLiteral("loss"));
        return panel && panel->hasData() && window->isSettled() && panel->drawnMarks().size() == 1;
    })) << "the checkpoint mark was not drawn";
    QTest::qWait(200); // the axes take their label widths last
    const QPointF onMark = panel->drawnMarks().front().tip + QPointF(0, 4);
    QTest::mouseClick(panel->plotWidget(), Qt::LeftButton, {}, onMark.toPoint());
    auto *button = panel->findChild<QPushButton *>(QStringLiteral("forkFromStepButton"));
    ASSERT_TRUE(button && button->isVisible());
    EXPECT_EQ(button->text(), QStringLiteral("Fork from checkpoint at step 4…"));
    button->click();

    ForkDialog *dialog = window->forkDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(test::waitFor([&] { return dialog->checkpointSettled(); }));
    EXPECT_EQ(dialog->checkpointText(), QStringLiteral("step 4 · ") + weights);
    EXPECT_EQ(dialog->checkpointWarning(), QString());
    EXPECT_EQ(dialog->commandEdit()->text(), kPython + QLatin1Char(' ') + script);
    qint64 forkKey = 0;
    bool exited = false;
    QObject::connect(window.get(), &MainWindow::forkCreated, [&](qint64 key) { forkKey = key; });
    QObject::connect(window->trainingProcesses(), &TrainingProcesses::exited, [&] { exited = true; });
    dialog->startButton()->click();
    ASSERT_TRUE(test::waitFor([&] { return forkKey != 0 && exited; }));

    RunInfo fork;
    {
        Store store(temp.path(), StoreAccess::ReadOnly);
        fork = store.runInfo(forkKey);
    }
    ASSERT_TRUE(fork.fork.has_value());
    EXPECT_EQ(fork.fork->step, 4);
    ConsoleTab *tab = window->runPage()->console();
    window->runPage()->setCurrentTab(RunPage::ConsoleIndex);
    EXPECT_TRUE(test::waitFor([&] {
        return tab->runKey() == forkKey &&
               tab->text()->toPlainText().contains(QStringLiteral("resumed ") + fork.immutableId);
    })) << tab->text()->toPlainText().toStdString();
}

TEST(TrainingLaunch, StartingIsOffWithTheReasonUntilThereIsACommandThatSplits)
{
    test::TempStore temp;
    RunInfo run;
    {
        Store store(temp.path());
        run = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("plain"), 20);
    }
    auto window = test::openWindow(temp.path(), run.runId);
    window->openForkDialog(run.key, 5);
    ForkDialog *dialog = window->forkDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->commandEdit()->text().isEmpty());
    EXPECT_FALSE(dialog->startButton()->isEnabled());
    EXPECT_EQ(dialog->launchProblem(),
              QStringLiteral("plain recorded no command: enter the command that starts its training"));
    EXPECT_FALSE(dialog->startButton()->toolTip().isEmpty()) << "the reason is the button's tip";
    EXPECT_TRUE(dialog->createButton()->isEnabled()) << "a fork without training can still be made";

    dialog->commandEdit()->setText(QStringLiteral("python3 'unclosed"));
    EXPECT_FALSE(dialog->startButton()->isEnabled());
    EXPECT_TRUE(dialog->argumentsText().contains(QStringLiteral("quote"))) << dialog->argumentsText().toStdString();

    dialog->commandEdit()->setText(QStringLiteral("python3 -c 'print(1)'"));
    EXPECT_TRUE(dialog->startButton()->isEnabled());
    EXPECT_TRUE(dialog->argumentsText().contains(QStringLiteral("2: print(1)")));

    // A working folder that is not a folder, or a program that is not
    // there, is refused before the fork is made.
    qint64 created = 0;
    QObject::connect(window.get(), &MainWindow::forkCreated, [&](qint64 key) { created = key; });
    dialog->workingFolderEdit()->setText(temp.dir() + QStringLiteral("/nowhere"));
    dialog->startButton()->click();
    EXPECT_TRUE(dialog->errorText().contains(QStringLiteral("nowhere"))) << dialog->errorText().toStdString();
    dialog->workingFolderEdit()->setText(temp.dir());
    dialog->commandEdit()->setText(QStringLiteral("/no/such/trainer --lr 0.1"));
    dialog->startButton()->click();
    EXPECT_TRUE(dialog->errorText().contains(QStringLiteral("/no/such/trainer"))) << dialog->errorText().toStdString();
    EXPECT_TRUE(dialog->isVisible());
    QTest::qWait(200);
    EXPECT_EQ(created, 0) << "a fork was made for a command that cannot start";
}

TEST(TrainingLaunch, StopEndsTheTrainingAfterConfirmationAndClosingTheWindowAsksFirst)
{
    test::TempStore temp;
    const QString script = writeScript(temp.dir(), QStringLiteral("slow.py"),
                                       "import time\n"
                                       "print('ready', flush=True)\n"
                                       "time.sleep(120)\n");
    RunInfo source;
    {
        Store store(temp.path());
        source = runStartedWith(store, script, {}, temp.dir());
    }
    auto window = test::openWindow(temp.path(), source.runId);
    TrainingProcesses *processes = window->trainingProcesses();
    processes->setStopGraceMs(3000);
    qint64 forkKey = 0;
    QObject::connect(window.get(), &MainWindow::forkCreated, [&](qint64 key) { forkKey = key; });

    // Stop in the Console tab, confirmed.
    window->openForkDialog(source.key, 5);
    window->forkDialog()->startButton()->click();
    ASSERT_TRUE(test::waitFor([&] { return forkKey != 0 && processes->isRunning(forkKey); }));
    ConsoleTab *tab = window->runPage()->console();
    ASSERT_TRUE(test::waitFor([&] {
        return tab->runKey() == forkKey && tab->text()->toPlainText().contains(QStringLiteral("ready"));
    })) << "live output was not followed";
    window->runPage()->setCurrentTab(RunPage::ConsoleIndex);
    ASSERT_TRUE(tab->stopButton()->isVisible());
    answerNextMessageBox(QStringLiteral("Yes"));
    tab->stopButton()->click();
    ASSERT_TRUE(test::waitFor([&] { return !processes->isRunning(forkKey); }));
    EXPECT_TRUE(test::waitFor([&] { return !tab->stopButton()->isVisible(); }));
    {
        Store store(temp.path(), StoreAccess::ReadOnly);
        EXPECT_NE(store.runInfo(forkKey).state, RunState::Running);
    }

    // Closing the window with training running asks; Cancel keeps both.
    const qint64 firstFork = forkKey;
    forkKey = 0;
    window->openForkDialog(source.key, 6);
    window->forkDialog()->startButton()->click();
    ASSERT_TRUE(test::waitFor([&] { return forkKey != 0 && forkKey != firstFork && processes->isRunning(forkKey); }));
    answerNextMessageBox(QStringLiteral("Cancel"));
    window->close();
    EXPECT_TRUE(window->isVisible());
    EXPECT_TRUE(processes->isRunning(forkKey));
    // "Stop training and quit" stops it, and the window closes once it has ended.
    answerNextMessageBox(QStringLiteral("Stop training and quit"));
    window->close();
    ASSERT_TRUE(test::waitFor([&] { return !window->isVisible(); })) << "the window stayed open";
    EXPECT_EQ(processes->runningCount(), 0);
    Store store(temp.path(), StoreAccess::ReadOnly);
    EXPECT_NE(store.runInfo(forkKey).state, RunState::Running);
}

} // namespace
} // namespace forkscope
