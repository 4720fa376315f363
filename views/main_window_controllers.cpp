// MainWindow's controllers: each owns one flow; this wires their signals to
// the window and to each other.
#include "views/main_window.h"

#include "store/run_family.h"
#include "views/charts/charts_tab.h"
#include "views/console/console_tab.h"
#include "views/console/training_processes.h"
#include "views/fork/fork_controller.h"
#include "views/fork/fork_dialog.h"
#include "views/fork/rewind_controller.h"
#include "views/import/import_controller.h"
#include "views/lineage/lineage_tab.h"
#include "views/navigation_history.h"
#include "views/run_browser.h"
#include "views/run_page.h"
#include "views/store_file_watch.h"
#include "views/store_worker.h"
#include "views/watch/folder_watch_controller.h"

namespace forkscope {

void MainWindow::buildControllers()
{
    history_ = new NavigationHistory(this);
    connect(history_, &NavigationHistory::changed, this, &MainWindow::updateNavigation);
    browser_ = new RunBrowser(metaWorker_, {projectView_, projects_, runs_, page_}, history_, options_.storePath, this);
    browser_->setStartTab(options_.tab);
    connect(browser_, &RunBrowser::runOpened, this, &MainWindow::runOpened);
    connect(browser_, &RunBrowser::openRunChanged, this, &MainWindow::updateTitle);
    connect(browser_, &RunBrowser::projectsListed, this, &MainWindow::onProjectsListed);
    connect(browser_, &RunBrowser::statusMessage, this, &MainWindow::showStatus);
    connect(browser_, &RunBrowser::runsListed, this, [this] {
        if (fitRunsPane_ && browser_->runCount() > 0)
            fitRunsPane();
    });

    processes_ = new TrainingProcesses(options_.storePath, metaWorker_, this);
    page_->console()->attach(metaWorker_, processes_);
    connect(browser_, &RunBrowser::openRunChanged, this,
            [this] { page_->console()->setRun(browser_->details().run.key); });
    page_->lineage()->attach(metaWorker_);
    connect(browser_, &RunBrowser::openRunChanged, this,
            [this] { page_->lineage()->setRun(browser_->details().run.key); });
    connect(page_->lineage(), &LineageTab::openRunRequested, browser_, &RunBrowser::openRun);
    connect(page_->lineage(), &LineageTab::overlayRequested, browser_, [this](const QList<qint64> &runKeys) {
        const RunFamily *family = page_->lineage()->family();
        std::vector<RunInfo> runs;
        for (qint64 key : runKeys)
            if (const FamilyNode *node = family ? family->find(key) : nullptr)
                runs.push_back(node->run);
        browser_->overlayRuns(runs);
    });
    connect(processes_, &TrainingProcesses::exited, this, [this](qint64, const ProcessOutcome &outcome) {
        // An end the relay could not record is said; the rest is in the run.
        if (const QString problem = outcome.error.isEmpty() ? outcome.storeError : outcome.error; !problem.isEmpty())
            showStatus(problem);
        if (closeWhenStopped_ && processes_->runningCount() == 0)
            close();
    });
    forks_ = new ForkController(metaWorker_, browser_, page_->charts(), processes_, this);
    connect(forks_, &ForkController::statusMessage, this, &MainWindow::showStatus);
    connect(forks_, &ForkController::forkCreated, this, [this](const RunInfo &fork) {
        emit forkCreated(fork.key);
        browser_->loadProjects();
    });

    rewinds_ = new RewindController(metaWorker_, this);
    connect(rewinds_, &RewindController::statusMessage, this, &MainWindow::showStatus);
    connect(rewinds_, &RewindController::rewound, this, &MainWindow::reloadAll);

    connect(imports_, &ImportController::runsImported, this, [this](const QString &openRun) {
        if (!openRun.isEmpty())
            browser_->openByText(openRun);
        browser_->loadProjects();
    });
    connect(watches_, &FolderWatchController::runsCreated, this, [this](const QString &immutableId) {
        if (browser_->currentRunKey() == 0 && !browser_->isOpening())
            browser_->openByText(immutableId);
        browser_->loadProjects();
    });

    storeWatch_ = new StoreFileWatch(options_.storePath, this);
    connect(storeWatch_, &StoreFileWatch::changed, this, [this] {
        // The demo reports its own progress; its end reloads everything.
        if (!demoRunning_)
            reloadAll();
    });
}

} // namespace forkscope
