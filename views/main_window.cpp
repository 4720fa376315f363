#include "views/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "core/error.h"
#include "demo/demo_project.h"
#include "itemmodels/project_list_model.h"
#include "itemmodels/run_page_model.h"
#include "store/run_family.h"
#include "store/store.h"
#include "ui_main_window.h"
#include "views/about_dialog.h"
#include "views/charts/charts_tab.h"
#include "views/console/console_tab.h"
#include "views/console/training_processes.h"
#include "views/fork/fork_controller.h"
#include "views/fork/fork_dialog.h"
#include "views/fork/rewind_controller.h"
#include "views/import/import_controller.h"
#include "views/lineage/lineage_tab.h"
#include "views/navigation_history.h"
#include "views/overview/overview_tab.h"
#include "views/resources_init.h"
#include "views/run_browser.h"
#include "views/runs/project_delegate.h"
#include "views/runs/runs_panel.h"
#include "views/store_file_watch.h"
#include "views/store_problem_page.h"
#include "views/store_worker.h"
#include "views/watch/folder_watch_controller.h"
#include "views/watch/watched_folders_dock.h"
#include "views/welcome_view.h"

namespace forkscope {

MainWindow::MainWindow(const Options &options, QWidget *parent)
    : QMainWindow(parent), options_(options), ui_(std::make_unique<Ui::MainWindow>())
{
    initViewsResources();
    setWindowIcon(QIcon(QStringLiteral(":/icons/forkscope.svg")));
    readOnly_ = storeReadOnlyReason(options_.storePath);
    const StoreAccess access = readOnly_.isEmpty() ? StoreAccess::ReadWrite : StoreAccess::ReadOnly;
    metaWorker_ = new StoreWorker(options_.storePath, QStringLiteral("forkscope-runs"), this, access);
    const int chartLanes = std::clamp(QThread::idealThreadCount(), 1, 4);
    for (int i = 0; i < chartLanes; ++i)
        chartWorkers_.push_back(
            new StoreWorker(options_.storePath, QStringLiteral("forkscope-charts-%1").arg(i), this, access));
    imports_ = new ImportController(options_.storePath, this);
    // Watched folders come back after a restart only where settings are kept.
    watches_ = new FolderWatchController(options_.storePath, options_.useSettings, this);
    connect(watches_, &FolderWatchController::problem, this, &MainWindow::showStatus);
    setAcceptDrops(true);
    buildUi();
    buildActions();
    if (options_.useSettings) {
        restoreSettings();
        // Kept at once: the next window (or the next start) picks the same way.
        connect(page_->charts(), &ChartsTab::snapToCheckpointsChanged, this,
                [](bool on) { QSettings().setValue(QStringLiteral("charts/snapToCheckpoints"), on); });
    } else {
        resize(1500, 920);
    }

    std::vector<StoreWorker *> workers = chartWorkers_;
    workers.push_back(metaWorker_);
    for (StoreWorker *w : workers) {
        connect(w, &StoreWorker::failed, this, &MainWindow::showStatus);
        connect(w, &StoreWorker::busyChanged, this, [this] {
            const bool busy = !workersIdle();
            if (busy && !busy_->isVisible())
                busyDelay_->start();
            if (!busy) {
                busyDelay_->stop();
                busy_->hide();
            }
        });
    }
    connect(metaWorker_, &StoreWorker::openFailed, this, &MainWindow::showStoreProblem);
    if (!options_.select.isEmpty())
        browser_->openByText(options_.select);
    browser_->loadProjects();
    storeWatch_->start();
}

MainWindow::~MainWindow()
{
    // Stop the threads before the widgets their results go to.
    delete metaWorker_;
    qDeleteAll(chartWorkers_);
}

void MainWindow::buildUi()
{
    ui_->setupUi(this);
    stack_ = ui_->stack;

    welcome_ = new WelcomeView(stack_);
    welcome_->setStorePath(options_.storePath);
    connect(welcome_, &WelcomeView::createDemoRequested, this, &MainWindow::createDemo);
    connect(welcome_, &WelcomeView::importRequested, imports_, &ImportController::chooseFolder);
    stack_->addWidget(welcome_);
    storeProblem_ = new StoreProblemPage(stack_);
    connect(storeProblem_, &StoreProblemPage::storeChosen, this, &MainWindow::storeChosen);
    stack_->addWidget(storeProblem_);

    splitter_ = new QSplitter(Qt::Horizontal, stack_);
    splitter_->setObjectName(QStringLiteral("mainSplitter"));
    splitter_->setChildrenCollapsible(false);

    auto *left = new QWidget(splitter_);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 6, 0, 0);
    leftLayout->setSpacing(2);
    projectsTitle_ = new QLabel(left);
    projectsTitle_->setContentsMargins(10, 0, 0, 4);
    QFont pf = projectsTitle_->font();
    pf.setBold(true);
    projectsTitle_->setFont(pf);
    projects_ = new ProjectListModel(this);
    projectView_ = new QListView(left);
    projectView_->setObjectName(QStringLiteral("projectList"));
    projectView_->setModel(projects_);
    projectView_->setItemDelegate(new ProjectDelegate(projectView_));
    projectView_->setFrameShape(QFrame::NoFrame);
    projectView_->setUniformItemSizes(true);
    projectView_->setSpacing(1);
    projectView_->setStyleSheet(QStringLiteral("QListView { padding: 0 6px; }"));
    projectView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    leftLayout->addWidget(projectsTitle_);
    leftLayout->addWidget(projectView_, 1);

    runs_ =
        new RunsPanel([this](RunPageModel::Job job) { metaWorker_->post(runs_->model(), std::move(job)); }, splitter_);
    page_ = new RunPage(chartWorkers_, splitter_);
    buildControllers();
    OverviewTab *overview = page_->overview();
    connect(overview, &OverviewTab::statusMessage, this, &MainWindow::showStatus);
    connect(overview, &OverviewTab::forkRequested, this, &MainWindow::openForkDialog);
    connect(overview, &OverviewTab::renameRequested, this, &MainWindow::renameRun);
    connect(overview, &OverviewTab::deleteRequested, this, &MainWindow::deleteRun);
    connect(page_->charts(), &ChartsTab::forkRequested, this, &MainWindow::openForkDialog);
    LineageTab *lineage = page_->lineage();
    connect(lineage, &LineageTab::forkRequested, this, [this, lineage](qint64 runKey, qint64 step) {
        const FamilyNode *node = lineage->family() ? lineage->family()->find(runKey) : nullptr;
        if (node && !refuseWrite())
            forks_->openDialog(node->run, step);
    });
    connect(page_->charts(), &ChartsTab::rewindRequested, this, [this](qint64 runKey, qint64 step) {
        if (!refuseWrite())
            rewinds_->confirmRewind(runKey, step);
    });

    splitter_->addWidget(left);
    splitter_->addWidget(runs_);
    splitter_->addWidget(page_);
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 2);
    splitter_->setStretchFactor(2, 3);
    splitter_->setSizes({180, 560, 860});
    stack_->addWidget(splitter_);
    stack_->setCurrentWidget(splitter_);

    busy_ = new QProgressBar(this);
    busy_->setRange(0, 0);
    busy_->setMaximumWidth(120);
    busy_->setMaximumHeight(14);
    busy_->setTextVisible(false);
    busy_->hide();
    statusBar()->addPermanentWidget(busy_);
    busyDelay_ = new QTimer(this);
    busyDelay_->setSingleShot(true);
    busyDelay_->setInterval(300);
    connect(busyDelay_, &QTimer::timeout, busy_, &QWidget::show);

    watchDock_ = new WatchedFoldersDock(watches_, this);
    addDockWidget(Qt::LeftDockWidgetArea, watchDock_);
}

void MainWindow::buildActions()
{
    // The actions, menus and tool bar come from main_window.ui; here the
    // platforms' standard keys and what the actions do.
    Ui::MainWindow &ui = *ui_;
    const auto setStandardKey = [](QAction *action, QKeySequence::StandardKey key, const QKeySequence &otherwise) {
        action->setShortcut(key);
        if (action->shortcut().isEmpty()) // platforms without a standard key for it
            action->setShortcut(otherwise);
    };
    setStandardKey(ui.backAction, QKeySequence::Back, QKeySequence(Qt::ALT | Qt::Key_Left));
    setStandardKey(ui.forwardAction, QKeySequence::Forward, QKeySequence(Qt::ALT | Qt::Key_Right));
    setStandardKey(ui.reloadAction, QKeySequence::Refresh, QKeySequence(Qt::Key_F5));
    setStandardKey(ui.filterRunsAction, QKeySequence::Find, QKeySequence(Qt::CTRL | Qt::Key_F));
    setStandardKey(ui.quitAction, QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q));
    setStandardKey(ui.aboutAction, QKeySequence::HelpContents, QKeySequence(Qt::Key_F1));

    connect(ui.backAction, &QAction::triggered, this, [this] {
        if (const auto key = history_->back())
            browser_->showRun(*key);
    });
    connect(ui.forwardAction, &QAction::triggered, this, [this] {
        if (const auto key = history_->forward())
            browser_->showRun(*key);
    });
    connect(ui.reloadAction, &QAction::triggered, this, [this] {
        browser_->loadProjects();
        page_->charts()->refresh();
    });
    connect(ui.forkAction, &QAction::triggered, this, [this] {
        if (!refuseWrite())
            forks_->openDialogForOpenRun();
    });
    connect(ui.overviewTabAction, &QAction::triggered, this, [this] { page_->setCurrentTab(RunPage::OverviewIndex); });
    connect(ui.chartsTabAction, &QAction::triggered, this, [this] { page_->setCurrentTab(RunPage::ChartsIndex); });
    connect(ui.filterRunsAction, &QAction::triggered, this, [this] {
        runs_->filterBox()->setFocus(Qt::ShortcutFocusReason);
        runs_->filterBox()->selectAll();
    });
    connect(ui.runActionsAction, &QAction::triggered, this, [this] {
        if (page_->hasRun()) {
            page_->setCurrentTab(RunPage::OverviewIndex);
            page_->overview()->actionsButton()->showMenu();
        }
    });
    connect(ui.createDemoAction, &QAction::triggered, this, &MainWindow::createDemo);
    connect(ui.importAction, &QAction::triggered, imports_, &ImportController::chooseFolder);
    connect(ui.importFileAction, &QAction::triggered, imports_, &ImportController::chooseFile);
    connect(ui.watchFolderAction, &QAction::triggered, watches_, &FolderWatchController::chooseFolder);
    connect(ui.quitAction, &QAction::triggered, this, &QWidget::close);
    connect(ui.aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    // Settings → Language: the system's, or one chosen; applies at once.
    ui.languageSystem->setData(QString());
    ui.language_en->setData(QStringLiteral("en"));
    ui.language_ja->setData(QStringLiteral("ja"));
    for (QAction *action : ui.languages->actions()) {
        const QString code = action->data().toString();
        action->setChecked(code == languageChoice_);
        connect(action, &QAction::triggered, this, [this, code] {
            languageChoice_ = code;
            emit languageChosen(code);
        });
    }

    // The dock's own show/hide action goes right after "Watch folder…".
    QAction *showDock = watchDock_->toggleViewAction();
    showDock->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    const QList<QAction *> fileItems = ui.fileMenu->actions();
    ui.fileMenu->insertAction(fileItems.value(fileItems.indexOf(ui.watchFolderAction) + 1), showDock);

    if (auto *b = qobject_cast<QToolButton *>(ui.navigationToolBar->widgetForAction(ui.forkAction)))
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    addAction(ui.overviewTabAction);
    addAction(ui.chartsTabAction);
    retranslateUi();
    updateNavigation();
}

void MainWindow::retranslateUi()
{
    ui_->retranslateUi(this);
    const auto withKey = [](const QString &tip, const QAction *action) {
        return tr("%1 (%2)").arg(tip, action->shortcut().toString(QKeySequence::NativeText));
    };
    ui_->backAction->setToolTip(withKey(tr("Back to the previous run"), ui_->backAction));
    ui_->forwardAction->setToolTip(withKey(tr("Forward to the next run"), ui_->forwardAction));
    ui_->reloadAction->setToolTip(withKey(tr("Reload projects, runs and charts"), ui_->reloadAction));
    ui_->forkAction->setToolTip(
        withKey(tr("Fork the open run at the step picked on a chart, else at its last step"), ui_->forkAction));
    projectsTitle_->setText(tr("Projects"));
    updateTitle();
    applyReadOnly();
}

void MainWindow::updateTitle()
{
    if (browser_->showsCurrentRun())
        setWindowTitle(tr("%1 — Forkscope").arg(browser_->details().run.name));
    else
        setWindowTitle(tr("Forkscope"));
}

void MainWindow::applyReadOnly()
{
    if (readOnly_.isEmpty())
        return;
    const QString tip = tr("Read-only store: %1. Runs can be browsed; forking, renaming, deleting, importing and "
                           "creating the demo project are off.")
                            .arg(readOnly_);
    for (QAction *a : {ui_->forkAction, ui_->createDemoAction, ui_->importAction, ui_->importFileAction}) {
        a->setEnabled(false);
        a->setToolTip(tip);
    }
    ui_->fileMenu->setToolTipsVisible(true);
    ui_->runMenu->setToolTipsVisible(true);
    welcome_->setReadOnly(tip);
    page_->overview()->setReadOnly(tip);
    page_->charts()->setForkBlocked(tip);
    page_->lineage()->setForkBlocked(tip);
    if (!readOnlyBadge_) {
        readOnlyBadge_ = new QLabel(this);
        readOnlyBadge_->setObjectName(QStringLiteral("readOnlyBadge"));
        readOnlyBadge_->setTextFormat(Qt::PlainText);
        statusBar()->addPermanentWidget(readOnlyBadge_);
    }
    readOnlyBadge_->setText(tr("Read-only"));
    readOnlyBadge_->setToolTip(tip);
}

void MainWindow::showStoreProblem(const QString &reason)
{
    storeProblem_->setProblem(options_.storePath, reason);
    stack_->setCurrentWidget(storeProblem_);
    browser_->stopLoading();
    storeWatch_->stop();
    for (QAction *a : {ui_->forkAction, ui_->createDemoAction, ui_->importAction, ui_->importFileAction,
                       ui_->watchFolderAction, ui_->reloadAction})
        a->setEnabled(false);
}

// The first runs shown: the runs pane takes what its columns need (up to half).
void MainWindow::fitRunsPane()
{
    fitRunsPane_ = false;
    QList<int> sizes = splitter_->sizes();
    const int total = sizes.value(0) + sizes.value(1) + sizes.value(2);
    const int wanted = std::min(runs_->fittedWidth(), total / 2);
    if (sizes.size() != 3 || sizes[1] >= wanted)
        return;
    sizes[2] -= wanted - sizes[1];
    sizes[1] = wanted;
    splitter_->setSizes(sizes);
}

bool MainWindow::refuseWrite()
{
    if (readOnly_.isEmpty())
        return false;
    showStatus(tr("Read-only store: %1").arg(readOnly_));
    return true;
}

void MainWindow::setLanguageChoice(const QString &code)
{
    languageChoice_ = code;
    for (QAction *action : ui_->languages->actions())
        action->setChecked(action->data().toString() == code);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // Texts the models compute on demand (headers, states, tool tips).
        if (RunPageModel *model = runs_->model(); model->columnCount() > 0)
            emit model->headerDataChanged(Qt::Horizontal, 0, model->columnCount() - 1);
        runs_->view()->viewport()->update();
        projectView_->viewport()->update();
        if (browser_->details().run.key)
            page_->overview()->setDetails(browser_->details(), options_.storePath);
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::showAbout()
{
    AboutDialog dialog(options_.storePath, this);
    dialog.exec();
}

void MainWindow::restoreSettings()
{
    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1500, 920);
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    if (splitter_->restoreState(s.value(QStringLiteral("window/splitter")).toByteArray()))
        fitRunsPane_ = false;
    runs_->setExtraColumnIds(s.value(QStringLiteral("runs/columns")).toStringList());
    page_->charts()->setSnapToCheckpoints(s.value(QStringLiteral("charts/snapToCheckpoints"), true).toBool());
    runs_->restoreHeaderState(s.value(QStringLiteral("runs/header")).toByteArray());
    browser_->setRemembered(s.value(QStringLiteral("session/project")).toString(),
                            s.value(QStringLiteral("session/run")).toString());
}

void MainWindow::saveSettings()
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/splitter"), splitter_->saveState());
    s.setValue(QStringLiteral("runs/columns"), runs_->extraColumnIds());
    s.setValue(QStringLiteral("runs/header"), runs_->headerState());
    if (const QString project = browser_->currentProjectId(); !project.isEmpty())
        s.setValue(QStringLiteral("session/project"), project);
    if (browser_->currentRunKey())
        s.setValue(QStringLiteral("session/run"), browser_->details().run.immutableId);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (const int running = processes_ ? processes_->runningCount() : 0; running > 0 && !closeWhenStopped_) {
        // Training runs in relays of its own (TrainingProcesses), so it can
        // outlive the window; the person says which they want.
        QMessageBox box(QMessageBox::Question, tr("Training is running"),
                        tr("%n training process(es) started here are still running. Stop them and quit, or leave "
                           "them running? Left running, their output is still kept, and Forkscope shows it live "
                           "when opened again.",
                           nullptr, running),
                        QMessageBox::NoButton, this);
        QPushButton *stop = box.addButton(tr("Stop training and quit"), QMessageBox::AcceptRole);
        QPushButton *leave = box.addButton(tr("Leave running and quit"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() == stop) {
            event->ignore();
            closeWhenStopped_ = true;
            processes_->stopAll();
            showStatus(tr("Stopping training; the window closes once it has ended"));
            return;
        }
        if (box.clickedButton() != leave) {
            event->ignore();
            return;
        }
        processes_->leaveRunning();
    } else if (running > 0) {
        event->ignore(); // still stopping: closes once it has ended
        return;
    }
    if (options_.useSettings)
        saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    imports_->dragEnter(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    if (refuseWrite())
        return;
    imports_->drop(event);
}

bool MainWindow::isSettled() const
{
    return browser_->isSettled() && !demoRunning_ && workersIdle() && runs_->model()->isSettled() &&
           !page_->charts()->isLoading() && !page_->lineage()->isLoading();
}

bool MainWindow::workersIdle() const
{
    return metaWorker_->isIdle() &&
           std::all_of(chartWorkers_.begin(), chartWorkers_.end(), [](const StoreWorker *w) { return w->isIdle(); });
}

void MainWindow::showStatus(const QString &message)
{
    statusBar()->showMessage(message, 5000);
}

// --- controllers -------------------------------------------------------------

qint64 MainWindow::currentRunKey() const
{
    return browser_->currentRunKey();
}

ForkDialog *MainWindow::forkDialog() const
{
    return forks_->dialog();
}

void MainWindow::openRun(qint64 runKey)
{
    browser_->openRun(runKey);
}

void MainWindow::openForkDialog(qint64 runKey, qint64 step)
{
    if (!refuseWrite())
        forks_->openDialog(runKey, step);
}

void MainWindow::onProjectsListed(bool anyRuns)
{
    if (!anyRuns)
        stack_->setCurrentWidget(welcome_);
    else if (stack_->currentWidget() == welcome_ && !demoRunning_)
        stack_->setCurrentWidget(splitter_);
}

void MainWindow::reloadAll()
{
    browser_->loadProjects();
    browser_->loadRuns();
    browser_->loadDetails();
    page_->charts()->refresh();
}

void MainWindow::updateNavigation()
{
    ui_->backAction->setEnabled(history_->canGoBack());
    ui_->forwardAction->setEnabled(history_->canGoForward());
}

// --- run actions --------------------------------------------------------------

void MainWindow::renameRun(qint64 runKey, const QString &name)
{
    if (refuseWrite())
        return;
    metaWorker_->post(this, [this, runKey, name](Store &store) -> StoreWorker::Done {
        QString error;
        try {
            store.rename(runKey, name);
        } catch (const Error &e) {
            error = e.message();
        }
        return [this, error, name] {
            showStatus(error.isEmpty() ? tr("Renamed to %1").arg(name) : tr("Cannot rename: %1").arg(error));
            browser_->loadRuns();
            browser_->loadDetails();
        };
    });
}

void MainWindow::deleteRun(qint64 runKey)
{
    const RunDetails &details = browser_->details();
    if (runKey != details.run.key || refuseWrite())
        return;
    const RunInfo run = details.run;
    const size_t forks = details.forks.size();
    QString text =
        tr("Delete the run \"%1\" (%2) and its history? This cannot be undone.").arg(run.name, run.path().toString());
    if (forks > 0)
        text += QStringLiteral("\n\n") +
                tr("%n fork(s) inherit history from it; that history is copied into them first, so they keep it.",
                   nullptr, int(forks));
    QMessageBox box(QMessageBox::Warning, tr("Delete run"), text, QMessageBox::Cancel, this);
    box.setTextFormat(Qt::PlainText);
    QPushButton *del = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != static_cast<QAbstractButton *>(del))
        return;
    metaWorker_->post(this, [this, runKey, materialize = forks > 0](Store &store) -> StoreWorker::Done {
        QString error;
        try {
            store.deleteRun(runKey, materialize ? DependentForks::Materialize : DependentForks::Refuse);
        } catch (const Error &e) {
            error = e.message();
        }
        return [this, runKey, error] {
            if (!error.isEmpty()) {
                QMessageBox box(QMessageBox::Warning, tr("Delete run"), tr("The run was not deleted: %1").arg(error),
                                QMessageBox::Ok, this);
                box.setTextFormat(Qt::PlainText);
                box.exec();
                return;
            }
            showStatus(tr("Run deleted"));
            browser_->forgetRun(runKey);
            browser_->loadProjects();
            browser_->loadRuns();
        };
    });
}

void MainWindow::createDemo()
{
    if (demoRunning_ || refuseWrite())
        return;
    demoRunning_ = true;
    stack_->setCurrentWidget(welcome_);
    welcome_->setBusy(tr("Creating the demo project…"), 0);
    QPointer<WelcomeView> welcome(welcome_);
    metaWorker_->post(this, [this, welcome](Store &store) -> StoreWorker::Done {
        QString error;
        DemoProject demo;
        try {
            demo = createDemoProject(store, [this, welcome](const QString &what, int percent) {
                QMetaObject::invokeMethod(
                    this,
                    [welcome, what, percent] {
                        if (welcome)
                            welcome->setBusy(what, percent);
                    },
                    Qt::QueuedConnection);
            });
        } catch (const Error &e) {
            error = e.message();
        }
        return [this, error, demo] {
            demoRunning_ = false;
            welcome_->setIdle(error);
            if (!error.isEmpty()) {
                showStatus(tr("Cannot create the demo project: %1").arg(error));
                browser_->loadProjects();
                return;
            }
            if (!demo.runs.empty()) {
                // Open the fork of the seed example, its charts overlaid on its source.
                const RunInfo *show = &demo.runs.front();
                for (const RunInfo &r : demo.runs) {
                    if (r.fork) {
                        show = &r;
                        break;
                    }
                }
                RunBrowser::Opening open{show->key, {}, RunPage::ChartsIndex};
                for (const RunInfo &r : demo.runs) {
                    if (show->fork && r.immutableId == show->fork->sourceImmutableId)
                        open.alsoSelect << r.key;
                }
                stack_->setCurrentWidget(splitter_);
                browser_->openWhenListed(demo.runs.front().projectKey, open);
            }
            browser_->loadProjects();
        };
    });
}

} // namespace forkscope
