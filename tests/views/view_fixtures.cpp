#include "view_fixtures.h"

#include <QTest>
#include <gtest/gtest.h>

#include "store/history_writer.h"
#include "store/store.h"

namespace fs::test {

RunInfo makeRun(Store &store, const QString &project, const QString &name, int steps, const Json &config)
{
    NewRun spec;
    spec.project = project;
    spec.name = name;
    spec.config = config;
    RunInfo run = store.createRun(spec);
    HistoryWriter writer(store, run.key);
    for (int i = 0; i < steps; ++i)
        writer.addNumber("metric", i, double(i));
    writer.flush();
    store.setState(run.key, RunState::Finished, 0);
    return store.runInfo(run.key);
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    return QTest::qWaitFor(done, timeoutMs);
}

std::unique_ptr<MainWindow> openWindow(const QString &storePath, const QString &select,
                                       std::optional<RunPage::Tab> tab)
{
    MainWindow::Options options;
    options.storePath = storePath;
    options.select = select;
    options.tab = tab;
    options.useSettings = false;
    auto window = std::make_unique<MainWindow>(options);
    window->resize(1500, 950);
    window->show();
    const bool settled = waitFor([&] {
        return window->isSettled() && (select.isEmpty() || window->currentRunKey() != 0);
    });
    if (!settled) // the window is still usable; the test fails instead of crashing later
        ADD_FAILURE() << "the main window on " << storePath.toStdString() << " did not settle"
                      << (select.isEmpty() ? "" : " with a run open") << " within 15 s";
    return window;
}

} // namespace fs::test
