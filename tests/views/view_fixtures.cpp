#include "view_fixtures.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <gtest/gtest.h>

#include "store/store.h"
#include "support/run_seed.h"
#include "views/charts/charts_tab.h"
#include "views/charts/metric_panel.h"

namespace forkscope::test {

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
    // The file dialog is looked for among the visible windows, not as the
    // active modal widget (a dialog an earlier test left open would be that).
    // When none comes within the deadline, every open modal dialog is
    // rejected, so the test fails on its own check instead of hanging.
    auto *timer = new QTimer;
    timer->setInterval(50);
    QElapsedTimer started;
    started.start();
    QObject::connect(timer, &QTimer::timeout, timer, [timer, path, started] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<QFileDialog *>(w); !dialog && d && d->isVisible())
                dialog = d;
        }
        if (started.hasExpired(20000)) {
            timer->stop();
            timer->deleteLater();
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *d = qobject_cast<QDialog *>(w); d && d->isVisible() && d->isModal())
                    d->reject();
            }
            return;
        }
        if (!dialog)
            return;
        // A folder dialog accepted with nothing selected answers its current
        // folder; selecting the entry instead waits on its file model.
        if (QFileInfo(path).isDir())
            dialog->setDirectory(path);
        else {
            // selectFile() leaves the name field alone while it has focus
            // (the person may be typing), which it has once the dialog is active.
            if (auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit")))
                name->clearFocus();
            dialog->selectFile(path);
        }
        timer->stop();
        timer->deleteLater();
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() is protected; it is what runs
    });
    timer->start();
}

std::unique_ptr<MainWindow> openWindow(const QString &storePath, const QString &select, std::optional<RunPage::Tab> tab)
{
    MainWindow::Options options;
    options.storePath = storePath;
    options.select = select;
    options.tab = tab;
    options.useSettings = false;
    auto window = std::make_unique<MainWindow>(options);
    window->resize(1500, 950);
    window->show();
    const bool settled =
        waitFor([&] { return window->isSettled() && (select.isEmpty() || window->currentRunKey() != 0); });
    if (!settled) // the window is still usable; the test fails instead of crashing later
        ADD_FAILURE() << "the main window on " << storePath.toStdString() << " did not settle"
                      << (select.isEmpty() ? "" : " with a run open") << " within 15 s";
    return window;
}

MetricPanel *panelWithMarks(MainWindow &window, const QString &metric, size_t marks)
{
    window.runPage()->setCurrentTab(RunPage::ChartsIndex);
    MetricPanel *panel = nullptr;
    std::vector<MetricPanel::DrawnMark> last;
    const bool drawn = waitFor([&] {
        panel = window.runPage()->charts()->panel(metric);
        if (!panel || !panel->hasData() || !window.isSettled())
            return false;
        const auto now = panel->drawnMarks();
        const bool same = now.size() == marks && last.size() == marks &&
                          std::equal(now.begin(), now.end(), last.begin(),
                                     [](const auto &a, const auto &b) { return a.tip == b.tip; });
        last = now;
        QTest::qWait(50);
        return same;
    });
    if (!drawn) {
        ADD_FAILURE() << marks << " checkpoint marks were not drawn on " << metric.toStdString() << " within 15 s ("
                      << last.size() << " drawn)";
        return nullptr;
    }
    return panel;
}

} // namespace forkscope::test
