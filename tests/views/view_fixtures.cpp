#include "view_fixtures.h"

#include <QTest>

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
    return store.run(run.key);
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
    waitFor([&] { return window->isSettled() && window->currentRunKey() != 0; });
    return window;
}

} // namespace fs::test
