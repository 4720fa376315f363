// "Continue this run from a training script" (Overview) and its fork
// variant in the fork dialog: Python first, then the CLI, then C++; and the
// Python code they show really logs to the run when run as it is.
#include <gtest/gtest.h>

#include <QLabel>
#include <QProcess>
#include <QSpinBox>

#include "store/store.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/fork/continue_snippet.h"
#include "views/fork/fork_dialog.h"
#include "views/overview/overview_tab.h"
#include "views/run_page.h"
#include "views/store_worker.h"

namespace forkscope {
namespace {

QLabel *codeLabel(const ContinueSnippet &snippet, const QString &text)
{
    for (QLabel *label : snippet.findChildren<QLabel *>(QStringLiteral("code"))) {
        if (label->text() == text)
            return label;
    }
    return nullptr;
}

int top(const ContinueSnippet &snippet, const QString &text)
{
    QLabel *label = codeLabel(snippet, text);
    return label ? label->mapTo(&snippet, QPoint(0, 0)).y() : -1;
}

void expectPythonThenCliThenCpp(const ContinueSnippet &snippet)
{
    ASSERT_NE(codeLabel(snippet, snippet.pythonSnippet()), nullptr);
    ASSERT_NE(codeLabel(snippet, snippet.cliCommand()), nullptr);
    ASSERT_NE(codeLabel(snippet, snippet.cppSnippet()), nullptr);
    EXPECT_LT(top(snippet, snippet.pythonSnippet()), top(snippet, snippet.cliCommand()));
    EXPECT_LT(top(snippet, snippet.cliCommand()), top(snippet, snippet.cppSnippet()));
}

#ifdef FORKSCOPE_PYTHON_DIR
// Runs the snippet with Debian's python3 on the package in the build tree,
// `loss` being `value`; returns python's output on failure.
QString runPython(QString code, double value)
{
    code.replace(QStringLiteral("{\"loss\": loss}"), QStringLiteral("{\"loss\": %1}").arg(value));
    QProcess python;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONPATH"), QStringLiteral(FORKSCOPE_PYTHON_DIR));
    env.remove(QStringLiteral("FORKSCOPE_STORE"));
    python.setProcessEnvironment(env);
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(QStringLiteral(FORKSCOPE_PYTHON_EXECUTABLE), {QStringLiteral("-c"), code});
    if (!python.waitForFinished(60000) || python.exitCode() != 0)
        return QString::fromUtf8(python.readAll()) + QStringLiteral(" (exit %1)").arg(python.exitCode());
    return {};
}
#endif

TEST(ContinueSnippet, OverviewShowsPythonFirstAndItsCodeLogsToTheRun)
{
    test::TempStore temp;
    RunInfo run;
    {
        Store store(temp.path());
        run = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("base"), 10);
    }
    auto window = test::openWindow(temp.path(), run.runId, RunPage::OverviewIndex);
    ContinueSnippet *snippet = window->runPage()->overview()->continueSnippet();
    ASSERT_TRUE(test::waitFor([&] { return snippet->pythonSnippet().contains(run.immutableId); }));
    EXPECT_TRUE(snippet->pythonSnippet().startsWith(QStringLiteral("import forkscope\n")));
    EXPECT_TRUE(snippet->pythonSnippet().contains(QStringLiteral("resume=\"must\"")));
    expectPythonThenCliThenCpp(*snippet);
#ifdef FORKSCOPE_PYTHON_DIR
    const QString failure = runPython(snippet->pythonSnippet(), 0.5);
    ASSERT_TRUE(failure.isEmpty()) << failure.toStdString();
    Store store(temp.path());
    const PointVector loss = store.readSeries(run.key, QStringLiteral("loss"));
    ASSERT_EQ(loss.size(), 1u);
    EXPECT_EQ(loss[0].step, 10); // the run's next step
    EXPECT_EQ(loss[0].value, 0.5);
#endif
}

TEST(ContinueSnippet, ForkDialogShowsTheForkInPythonFirstAndFollowsTheStep)
{
    test::TempStore temp;
    RunInfo source;
    {
        Store store(temp.path());
        source = test::makeRun(store, QStringLiteral("proj"), QStringLiteral("base"), 300);
    }
    StoreWorker worker(temp.path(), QStringLiteral("test-worker"));
    ForkDialog dialog(source, 150, 2, &worker);
    dialog.show();
    ContinueSnippet *snippet = dialog.snippet();
    ASSERT_NE(snippet, nullptr);
    ASSERT_TRUE(snippet->isVisible());
    EXPECT_TRUE(
        snippet->pythonSnippet().contains(QStringLiteral("fork_from=\"%1?_step=150\"").arg(source.immutableId)));
    dialog.stepBox()->setValue(120);
    const QString spec = source.immutableId + QStringLiteral("?_step=120");
    EXPECT_TRUE(snippet->pythonSnippet().contains(QStringLiteral("fork_from=\"%1\"").arg(spec)));
    EXPECT_TRUE(snippet->cliCommand().contains(QStringLiteral("--fork-from '%1'").arg(spec)));
    EXPECT_TRUE(snippet->cppSnippet().contains(QStringLiteral(".forkFrom = \"%1\"").arg(spec)));
    ASSERT_TRUE(test::waitFor([&] { return codeLabel(*snippet, snippet->pythonSnippet()) != nullptr; }));
    expectPythonThenCliThenCpp(*snippet);
#ifdef FORKSCOPE_PYTHON_DIR
    const QString failure = runPython(snippet->pythonSnippet(), 0.25);
    ASSERT_TRUE(failure.isEmpty()) << failure.toStdString();
    Store store(temp.path());
    const std::vector<RunInfo> forks = store.forksOf(source.immutableId);
    ASSERT_EQ(forks.size(), 1u);
    ASSERT_TRUE(forks[0].fork.has_value());
    EXPECT_EQ(forks[0].fork->step, 120);
    const PointVector own = store.readSeries(forks[0].key, QStringLiteral("loss"), {}, History::Own);
    ASSERT_EQ(own.size(), 1u);
    EXPECT_EQ(own[0].step, 121);
    EXPECT_EQ(own[0].value, 0.25);
#endif
}

} // namespace
} // namespace forkscope
