// Training started from a fork: the fork dialog shows the source's recorded
// command as the arguments it will start (no shell) and its working folder,
// "Create and start training" starts it attached to the new fork (through
// the forkscope-cli relay), the Console tab shows the output kept in the
// store, Stop and closing the window end it, and "Leave running" leaves it
// running for a later window to show and stop. The real PyTorch example,
// forked at a checkpoint mark on its chart, trains on from those weights.
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <algorithm>
#include <cmath>
#include <csignal>
#include <gtest/gtest.h>
#include <optional>

#include "itemmodels/json_tree_model.h"
#include "launch/command_split.h"
#include "store/history_writer.h"
#include "store/store.h"
#include "support/store_runs.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/charts/charts_tab.h"
#include "views/charts/metric_panel.h"
#include "views/console/console_tab.h"
#include "views/console/training_processes.h"
#include "views/fork/fork_dialog.h"
#include "views/fork/step_spin_box.h"

namespace forkscope {
namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");
const QString kCli = QStringLiteral(FORKSCOPE_CLI_PATH);

// The window's training runs through the forkscope-cli built with the tests
// (the app finds it next to its own executable).
TrainingProcesses *useBuiltRelay(MainWindow &window)
{
    window.trainingProcesses()->setRelayProgram(kCli);
    return window.trainingProcesses();
}

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

// Clicks the checkpoint mark of `step` on `panel`, then the floating Fork
// button, which names that checkpoint.
void forkAtMark(MetricPanel &panel, qint64 step)
{
    const std::vector<MetricPanel::DrawnMark> marks = panel.drawnMarks();
    const auto mark =
        std::find_if(marks.begin(), marks.end(), [&](const auto &m) { return m.checkpoint.step == step; });
    ASSERT_NE(mark, marks.end()) << "no mark for step " << step;
    QTest::mouseClick(panel.plotWidget(), Qt::LeftButton, {}, (mark->tip + QPointF(0, 4)).toPoint());
    ASSERT_TRUE(panel.pick().has_value());
    EXPECT_EQ(panel.pick()->step, step);
    auto *button = panel.findChild<QPushButton *>(QStringLiteral("forkFromStepButton"));
    ASSERT_TRUE(button && button->isVisible());
    EXPECT_EQ(button->text(), QStringLiteral("Fork from checkpoint at step %1…").arg(step));
    button->click();
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
    useBuiltRelay(*window);
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
    useBuiltRelay(*window);
    MetricPanel *panel = test::panelWithMarks(*window, QStringLiteral("loss"), 1);
    ASSERT_NE(panel, nullptr);
    ASSERT_NO_FATAL_FAILURE(forkAtMark(*panel, 4));

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

#ifdef FORKSCOPE_PYTHON_DIR
const QString kExample = QStringLiteral(FORKSCOPE_EXAMPLE_SCRIPT);
constexpr qint64 kForkStep = 29; // a step the example saves weights at
constexpr int kTrainingMs = 180000;

// Python processes, the test's own and the training the window starts (it
// inherits this environment), import the package in the build tree.
class BuiltPythonPackage {
public:
    BuiltPythonPackage()
        : pythonPath_(qgetenv("PYTHONPATH")), hadPythonPath_(qEnvironmentVariableIsSet("PYTHONPATH")),
          noBytecode_(qgetenv("PYTHONDONTWRITEBYTECODE")),
          hadNoBytecode_(qEnvironmentVariableIsSet("PYTHONDONTWRITEBYTECODE"))
    {
        qputenv("PYTHONPATH", FORKSCOPE_PYTHON_DIR);
        qputenv("PYTHONDONTWRITEBYTECODE", "1"); // nothing written next to docs/examples
    }
    ~BuiltPythonPackage()
    {
        restore("PYTHONPATH", hadPythonPath_, pythonPath_);
        restore("PYTHONDONTWRITEBYTECODE", hadNoBytecode_, noBytecode_);
    }
    BuiltPythonPackage(const BuiltPythonPackage &) = delete;
    BuiltPythonPackage &operator=(const BuiltPythonPackage &) = delete;

private:
    static void restore(const char *name, bool had, const QByteArray &value)
    {
        if (had)
            qputenv(name, value);
        else
            qunsetenv(name);
    }
    QByteArray pythonPath_;
    bool hadPythonPath_;
    QByteArray noBytecode_;
    bool hadNoBytecode_;
};

struct PythonOutcome {
    bool finished = false;
    int exitCode = -1;
    QString output; // stdout and stderr
};

// Runs the Python the package was built for with `args` in `folder`, on the
// store `storePath` (none: for code that opens no store).
PythonOutcome runPython(const QStringList &args, const QString &folder, const QString &storePath = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("FORKSCOPE_RUN_ID"));
    env.remove(QStringLiteral("FORKSCOPE_STORE"));
    if (!storePath.isEmpty())
        env.insert(QStringLiteral("FORKSCOPE_STORE"), storePath);
    QProcess python;
    python.setProcessEnvironment(env);
    python.setWorkingDirectory(folder);
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(QStringLiteral(FORKSCOPE_PYTHON_EXECUTABLE), args);
    PythonOutcome out;
    out.finished = python.waitForFinished(kTrainingMs) && python.exitStatus() == QProcess::NormalExit;
    out.exitCode = python.exitCode();
    out.output = QString::fromUtf8(python.readAll());
    return out;
}

// The loss a model that starts over (the example's initial weights) has on
// the batch the example trains on at `step`.
std::optional<double> freshLossAt(qint64 step, const QString &folder)
{
    const QString code = QStringLiteral("import importlib.util, sys, torch\n"
                                        "spec = importlib.util.spec_from_file_location('train_forkable', sys.argv[1])\n"
                                        "m = importlib.util.module_from_spec(spec)\n"
                                        "spec.loader.exec_module(m)\n"
                                        "c = dict(m.DEFAULTS)\n"
                                        "x, y = m.make_data(c['seed'])\n"
                                        "model = m.make_model(c['hidden'], c['seed'])\n"
                                        "i = m.batch_at(int(sys.argv[2]), c['batch'], c['seed'])\n"
                                        "with torch.no_grad():\n"
                                        "    print(repr(torch.nn.functional.mse_loss(model(x[i]), y[i]).item()))\n");
    const PythonOutcome run = runPython({QStringLiteral("-c"), code, kExample, QString::number(step)}, folder);
    bool ok = false;
    const double loss = run.output.trimmed().toDouble(&ok);
    if (!run.finished || run.exitCode != 0 || !ok) {
        ADD_FAILURE() << "the fresh model's loss was not computed: " << run.output.toStdString();
        return std::nullopt;
    }
    return loss;
}

// Edits the config override `key` in the dialog's table as a person does:
// double-click its value, type, Enter.
void typeOverride(ForkDialog &dialog, const QString &key, const QString &value)
{
    auto *view = dialog.findChild<QTreeView *>(QStringLiteral("configView"));
    ASSERT_NE(view, nullptr);
    JsonTreeModel *model = dialog.configModel();
    const QModelIndexList found =
        model->match(model->index(0, JsonTreeModel::KeyColumn), Qt::DisplayRole, key, 1, Qt::MatchExactly);
    ASSERT_EQ(found.size(), 1) << "no config row " << key.toStdString();
    const QModelIndex cell = found.front().siblingAtColumn(JsonTreeModel::ValueColumn);
    view->scrollTo(cell);
    const QPoint at = view->visualRect(cell).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    QPointer<QLineEdit> editor = view->viewport()->findChild<QLineEdit *>();
    ASSERT_NE(editor, nullptr) << "double-clicking the value opened no editor";
    editor->selectAll();
    QTest::keyClicks(editor, value);
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits the edit and closes the editor on a later turn of the event loop.
    ASSERT_TRUE(test::waitFor([&] { return editor.isNull(); })) << "Enter did not close the editor";
}

#endif

// The real example (docs/examples/train_forkable.py, PyTorch on the CPU):
// trained, forked at a checkpoint mark with another learning rate through
// the dialog, its training started there resumes that checkpoint's weights.
TEST(TrainingLaunch, TheExampleForkedAtACheckpointMarkWithAnotherLearningRateTrainsOnFromThoseWeights)
{
#ifndef FORKSCOPE_PYTHON_DIR
    GTEST_SKIP() << "the Python package is not built here (FORKSCOPE_BUILD_PYTHON=OFF), so the example cannot run";
#else
    BuiltPythonPackage package;
    test::TempStore temp;
    if (runPython({QStringLiteral("-c"), QStringLiteral("import torch")}, temp.dir()).exitCode != 0)
        GTEST_SKIP() << "PyTorch is not installed for " FORKSCOPE_PYTHON_EXECUTABLE
                        " (Debian's python3-torch), so the example cannot run";

    // The source: the example trained as a person runs it.
    const QString weights = temp.dir() + QStringLiteral("/weights");
    const QStringList exampleArgs = {QStringLiteral("--project"), QStringLiteral("forkable"),
                                     QStringLiteral("--checkpoints"), weights};
    const PythonOutcome trained = runPython(QStringList{kExample} + exampleArgs, temp.dir(), temp.path());
    ASSERT_TRUE(trained.finished && trained.exitCode == 0) << trained.output.toStdString();
    RunInfo source;
    std::vector<Checkpoint> saved;
    PointVector sourceLoss;
    {
        Store store(temp.path(), StoreAccess::ReadOnly);
        const std::vector<RunInfo> runs = test::allRuns(store);
        ASSERT_EQ(runs.size(), 1u);
        source = runs.front();
        saved = store.checkpoints(source.key);
        sourceLoss = store.readSeries(source.key, QStringLiteral("loss"));
    }
    std::vector<qint64> savedSteps;
    for (const Checkpoint &c : saved)
        savedSteps.push_back(c.step);
    ASSERT_EQ(savedSteps, (std::vector<qint64>{9, 19, 29, 39, 49, 59}));
    const Checkpoint &resumed = saved[2];
    ASSERT_EQ(sourceLoss.size(), 60u);
    for (size_t i = 0; i < sourceLoss.size(); ++i)
        ASSERT_EQ(sourceLoss[i].step, qint64(i));

    // Its chart: click the mark of the checkpoint, then the floating Fork button.
    auto window = test::openWindow(temp.path(), source.runId, RunPage::ChartsIndex);
    useBuiltRelay(*window);
    MetricPanel *panel = test::panelWithMarks(*window, QStringLiteral("loss"), saved.size());
    ASSERT_NE(panel, nullptr);
    ASSERT_NO_FATAL_FAILURE(forkAtMark(*panel, kForkStep));

    // The dialog: the checkpoint, the recorded command, a new learning rate.
    ForkDialog *dialog = window->forkDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(test::waitFor([&] { return dialog->checkpointSettled(); }));
    EXPECT_EQ(dialog->stepBox()->value(), kForkStep);
    EXPECT_EQ(dialog->checkpointText(), QStringLiteral("step 29 · ") + resumed.path);
    EXPECT_EQ(dialog->checkpointWarning(), QString());
    EXPECT_EQ(dialog->commandEdit()->text(),
              joinCommand(QStringList{QStringLiteral(FORKSCOPE_PYTHON_EXECUTABLE), kExample} + exampleArgs));
    EXPECT_EQ(dialog->workingFolderEdit()->text(), temp.dir());
    ASSERT_NO_FATAL_FAILURE(typeOverride(*dialog, QStringLiteral("lr"), QStringLiteral("0.02")));
    EXPECT_EQ(dialog->configModel()->overrides(), (Json{{"lr", 0.02}}));

    qint64 forkKey = 0;
    std::optional<ProcessOutcome> outcome;
    QObject::connect(window.get(), &MainWindow::forkCreated, [&](qint64 key) { forkKey = key; });
    QObject::connect(window->trainingProcesses(), &TrainingProcesses::exited,
                     [&](qint64, const ProcessOutcome &o) { outcome = o; });
    dialog->startButton()->click();
    ASSERT_TRUE(test::waitFor([&] { return forkKey != 0 && outcome.has_value(); }, kTrainingMs))
        << "the fork's training did not start and end";
    EXPECT_EQ(outcome->end, ProcessEnd::Exited);
    EXPECT_EQ(outcome->exitCode, 0) << outcome->error.toStdString();

    RunInfo fork;
    PointVector ownLoss, ownLr, effectiveLoss;
    {
        Store store(temp.path(), StoreAccess::ReadOnly);
        fork = store.runInfo(forkKey);
        ownLoss = store.readSeries(forkKey, QStringLiteral("loss"), {}, History::Own);
        ownLr = store.readSeries(forkKey, QStringLiteral("lr"), {}, History::Own);
        effectiveLoss = store.readSeries(forkKey, QStringLiteral("loss"));
    }
    const QString console = storedConsole(temp.path(), forkKey);
    EXPECT_EQ(fork.state, RunState::Finished) << console.toStdString();
    EXPECT_EQ(fork.exitCode, std::optional<int>(0));
    ASSERT_TRUE(fork.fork.has_value());
    EXPECT_EQ(fork.fork->sourceImmutableId, source.immutableId);
    EXPECT_EQ(fork.fork->step, kForkStep);
    EXPECT_EQ(fork.config["lr"], Json(0.02));
    EXPECT_TRUE(console.contains(QStringLiteral("resumed from %1 (step 29)").arg(resumed.path)))
        << console.toStdString();

    // Its own history starts right after the checkpoint and runs to the end.
    ASSERT_EQ(ownLoss.size(), size_t(60 - kForkStep - 1)) << console.toStdString();
    for (size_t i = 0; i < ownLoss.size(); ++i)
        ASSERT_EQ(ownLoss[i].step, kForkStep + 1 + qint64(i));
    // The checkpoint's weights: the same loss the source had at that step,
    // far from what a model starting over has there.
    const double first = ownLoss[0].value;
    const double continued = std::abs(first - sourceLoss[kForkStep + 1].value);
    EXPECT_LT(continued, 1e-5) << first << " vs the source's " << sourceLoss[kForkStep + 1].value;
    const std::optional<double> fresh = freshLossAt(kForkStep + 1, temp.dir());
    ASSERT_TRUE(fresh.has_value());
    EXPECT_GT(std::abs(first - *fresh), 1000 * continued + 1e-3) << first << " vs a fresh model's " << *fresh;
    // From the next step on the new learning rate shows.
    EXPECT_NE(ownLoss[1].value, sourceLoss[kForkStep + 2].value);
    ASSERT_FALSE(ownLr.empty());
    EXPECT_EQ(ownLr.front().step, kForkStep + 1);
    EXPECT_EQ(ownLr.front().value, 0.02);
    // The inherited part is the source's, up to the fork step.
    ASSERT_GE(effectiveLoss.size(), size_t(kForkStep + 1));
    for (qint64 s = 0; s <= kForkStep; ++s) {
        EXPECT_EQ(effectiveLoss[size_t(s)].step, s);
        EXPECT_EQ(effectiveLoss[size_t(s)].value, sourceLoss[size_t(s)].value) << "step " << s;
    }

    // Its output was kept, and its Console tab shows it.
    EXPECT_TRUE(console.contains(QStringLiteral("step 39: loss"))) << console.toStdString();
    EXPECT_TRUE(console.contains(QStringLiteral("step 59: loss"))) << console.toStdString();
    ConsoleTab *tab = window->runPage()->console();
    ASSERT_TRUE(test::waitFor([&] { return tab->runKey() == forkKey; }));
    window->runPage()->setCurrentTab(RunPage::ConsoleIndex);
    tab->refresh();
    EXPECT_TRUE(test::waitFor([&] {
        const QString shown = tab->text()->toPlainText();
        return shown.contains(QStringLiteral("resumed from ")) && shown.contains(QStringLiteral("step 59: loss"));
    })) << tab->text()->toPlainText().toStdString();
#endif
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
    TrainingProcesses *processes = useBuiltRelay(*window);
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

RunInfo storedRun(const QString &storePath, qint64 runKey)
{
    Store store(storePath, StoreAccess::ReadOnly);
    return store.runInfo(runKey);
}

size_t consoleChunks(const QString &storePath, qint64 runKey)
{
    Store store(storePath, StoreAccess::ReadOnly);
    return store.console(runKey).size();
}

// A source whose recorded command the test replaces in the dialog.
RunInfo sourceRun(const test::TempStore &temp)
{
    Store store(temp.path());
    return runStartedWith(store, QStringLiteral("train.py"), {}, temp.dir());
}

// Forks `source` at step 5 in the dialog and starts `command` instead of
// the recorded one; the fork's key once it exists (0 if it never did).
qint64 startFromDialog(MainWindow &window, const RunInfo &source, const QString &command)
{
    qint64 forkKey = 0;
    const auto created = QObject::connect(&window, &MainWindow::forkCreated, [&](qint64 key) { forkKey = key; });
    window.openForkDialog(source.key, 5);
    EXPECT_NE(window.forkDialog(), nullptr);
    window.forkDialog()->commandEdit()->setText(command);
    window.forkDialog()->startButton()->click();
    EXPECT_TRUE(test::waitFor([&] { return forkKey != 0; })) << "no fork was created";
    QObject::disconnect(created);
    return forkKey;
}

TEST(TrainingLaunch, LeftRunningTheTrainingOutlivesTheWindowAndALaterWindowShowsAndStopsIt)
{
    test::TempStore temp;
    const RunInfo source = sourceRun(temp);
    auto window = test::openWindow(temp.path(), source.runId);
    TrainingProcesses *processes = useBuiltRelay(*window);
    // Training that logs to its run (forkscope-cli log, attached: the run is
    // claimed, so it reads running) and writes a line to stderr 5 times a second.
    const QString loop = QStringLiteral("while :; do echo tick >&2; echo '{\"loss\": 1}'; sleep 0.2; done | ") +
                         joinCommand({kCli, QStringLiteral("log"), QStringLiteral("--project"), QStringLiteral("x")});
    const qint64 forkKey =
        startFromDialog(*window, source, joinCommand({QStringLiteral("/bin/sh"), QStringLiteral("-c"), loop}));
    ASSERT_NE(forkKey, 0);
    ASSERT_TRUE(test::waitFor([&] { return processes->isRunning(forkKey); }));
    EXPECT_GT(processes->relayPid(forkKey), 0);
    ASSERT_TRUE(test::waitFor([&] { return storedRun(temp.path(), forkKey).isBeingLogged(); }))
        << "the training did not claim its run";

    // Closing asks; "Leave running" closes the window and the training goes on.
    answerNextMessageBox(QStringLiteral("Leave running and quit"));
    window->close();
    ASSERT_TRUE(test::waitFor([&] { return !window->isVisible(); })) << "the window stayed open";
    window.reset();
    const size_t chunksAtClose = consoleChunks(temp.path(), forkKey);
    ASSERT_TRUE(test::waitFor([&] { return consoleChunks(temp.path(), forkKey) >= chunksAtClose + 3; }))
        << "no more output was kept once the window had closed";
    const RunInfo running = storedRun(temp.path(), forkKey);
    ASSERT_TRUE(running.isBeingLogged());
    ASSERT_TRUE(running.writer.has_value());

    // A later window shows it running, live, with Stop for the process logging it.
    auto again = test::openWindow(temp.path(), running.runId, RunPage::ConsoleIndex);
    ConsoleTab *tab = again->runPage()->console();
    ASSERT_TRUE(test::waitFor([&] {
        return tab->runKey() == forkKey && tab->stopButton()->isVisible() &&
               tab->text()->toPlainText().contains(QStringLiteral("tick"));
    })) << "the running training was not shown";
    EXPECT_FALSE(again->trainingProcesses()->isRunning(forkKey)) << "not started by this window";
    const qsizetype shown = tab->text()->toPlainText().size();
    EXPECT_TRUE(test::waitFor([&] { return tab->text()->toPlainText().size() > shown; })) << "not followed live";

    // Stop, confirmed: the process logging the run gets SIGTERM; the relay
    // records the end (the shell reports its pipeline's end by SIGTERM as 143).
    answerNextMessageBox(QStringLiteral("Yes"));
    tab->stopButton()->click();
    ASSERT_TRUE(test::waitFor([&] { return storedRun(temp.path(), forkKey).storedState != RunState::Running; }))
        << "the training did not stop";
    ASSERT_TRUE(test::waitFor([&] { return storedRun(temp.path(), forkKey).exitCode.has_value(); }))
        << "the relay did not record the end";
    const RunInfo ended = storedRun(temp.path(), forkKey);
    EXPECT_EQ(ended.state, RunState::Failed);
    EXPECT_EQ(ended.exitCode, 143);
    EXPECT_FALSE(ended.writer.has_value()) << "the writer claim was not released";
    EXPECT_TRUE(test::waitFor([&] { return !tab->stopButton()->isVisible(); }));
}

TEST(TrainingLaunch, AMissingForkscopeCliIsSaidAndNothingStarts)
{
    test::TempStore temp;
    const RunInfo source = sourceRun(temp);
    auto window = test::openWindow(temp.path(), source.runId);
    TrainingProcesses *processes = window->trainingProcesses();
    EXPECT_EQ(processes->relayProgram(), QCoreApplication::applicationDirPath() + QStringLiteral("/forkscope-cli"));
    processes->setRelayProgram(temp.dir() + QStringLiteral("/forkscope-cli"));
    const qint64 forkKey = startFromDialog(*window, source, QStringLiteral("/bin/sh -c 'echo hi'"));
    ASSERT_NE(forkKey, 0);
    const QString message = window->statusBar()->currentMessage();
    EXPECT_TRUE(message.contains(temp.dir() + QStringLiteral("/forkscope-cli"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("forkscope-cli, which runs the training"))) << message.toStdString();
    EXPECT_FALSE(processes->isRunning(forkKey));
    QTest::qWait(300);
    EXPECT_EQ(storedRun(temp.path(), forkKey).state, RunState::Pending) << "nothing was started for it";
    EXPECT_EQ(consoleChunks(temp.path(), forkKey), 0u);
}

TEST(TrainingLaunch, ARunLoggedOnAnotherHostIsNotStoppedFromHereAndTheConsoleSaysWhere)
{
    test::TempStore temp;
    // A live process here whose pid the claim names: it must survive the Stop.
    QProcess sleeper;
    sleeper.start(QStringLiteral("/bin/sleep"), {QStringLiteral("30")});
    ASSERT_TRUE(sleeper.waitForStarted());
    RunInfo run;
    {
        Store store(temp.path());
        NewRun spec;
        spec.project = QStringLiteral("proj");
        spec.state = RunState::Pending;
        run = store.createRun(spec);
        store.claimRun(run.key,
                       WriterIdentity{QStringLiteral("token"), sleeper.processId(), QStringLiteral("far-host")});
        store.appendConsole(run.key, ConsoleStream::Stdout, QDateTime::currentDateTimeUtc(),
                            QStringLiteral("epoch 1\n"));
    }
    auto window = test::openWindow(temp.path(), run.runId, RunPage::ConsoleIndex);
    ConsoleTab *tab = window->runPage()->console();
    ASSERT_TRUE(test::waitFor([&] { return tab->stopButton()->isVisible(); }));
    auto *status = tab->findChild<QLabel *>();
    ASSERT_NE(status, nullptr);
    EXPECT_TRUE(status->text().contains(QStringLiteral("far-host"))) << status->text().toStdString();

    QString said;
    QTimer answer;
    answer.setInterval(50);
    QObject::connect(&answer, &QTimer::timeout, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            said = box->text();
            answer.stop();
            box->accept();
        }
    });
    answer.start();
    tab->stopButton()->click();
    ASSERT_TRUE(test::waitFor([&] { return !said.isEmpty(); }));
    EXPECT_TRUE(said.contains(QStringLiteral("not on this computer"))) << said.toStdString();
    EXPECT_TRUE(said.contains(QStringLiteral("far-host"))) << said.toStdString();
    QTest::qWait(200);
    EXPECT_EQ(sleeper.state(), QProcess::Running) << "a pid from another host was signalled here";
    sleeper.kill();
    sleeper.waitForFinished();
}

TEST(TrainingLaunch, ARelayKilledOutrightIsNoticedAndSaid)
{
    test::TempStore temp;
    const RunInfo source = sourceRun(temp);
    auto window = test::openWindow(temp.path(), source.runId);
    TrainingProcesses *processes = useBuiltRelay(*window);
    std::optional<ProcessOutcome> outcome;
    QObject::connect(processes, &TrainingProcesses::exited, [&](qint64, const ProcessOutcome &o) { outcome = o; });
    // Ends by itself soon after, so nothing outlives the test.
    const qint64 forkKey = startFromDialog(*window, source, QStringLiteral("/bin/sh -c 'echo up; sleep 1'"));
    ASSERT_NE(forkKey, 0);
    ASSERT_TRUE(test::waitFor([&] { return consoleChunks(temp.path(), forkKey) > 0; }));
    ASSERT_EQ(::kill(pid_t(processes->relayPid(forkKey)), SIGKILL), 0);
    ASSERT_TRUE(test::waitFor([&] { return outcome.has_value(); })) << "the relay's end was not noticed";
    EXPECT_FALSE(processes->isRunning(forkKey));
    EXPECT_EQ(outcome->end, ProcessEnd::Killed);
    EXPECT_EQ(outcome->runState, RunState::Pending) << "nothing recorded an end";
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("ended without recording")))
        << window->statusBar()->currentMessage().toStdString();
    QTest::qWait(1200); // the orphaned child's own end
}

} // namespace
} // namespace forkscope
