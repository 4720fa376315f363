#include "view_fixtures.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

#include "store/store.h"
#include "support/run_seed.h"

namespace fs::test {

RunInfo makeRun(Store &store, const QString &project, const QString &name, int steps, const Json &config)
{
    return RunSeed(store)
        .project(project)
        .name(name)
        .config(config)
        .values("metric", 0, steps, [](qint64 step) { return double(step); })
        .finishedAfterHistory()
        .create();
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    return QTest::qWaitFor(done, timeoutMs);
}

void chooseInNextFileDialog(const QString &path)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, path] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        timer->stop();
        timer->deleteLater();
        // A folder dialog accepted with nothing selected answers its current
        // folder; selecting the entry instead waits on its file model.
        if (QFileInfo(path).isDir())
            dialog->setDirectory(path);
        else
            dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() is protected; it is what runs
    });
    timer->start();
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
