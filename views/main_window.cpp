#include "views/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QFileInfo>
#include <QHeaderView>
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
#include "itemmodels/run_color.h"
#include "itemmodels/run_table_model.h"
#include "store/store.h"
#include "views/about_dialog.h"
#include "views/charts_tab.h"
#include "views/folder_watch_controller.h"
#include "views/fork_dialog.h"
#include "views/import_controller.h"
#include "views/metric_panel.h"
#include "views/overview_tab.h"
#include "views/project_delegate.h"
#include "views/resources_init.h"
#include "views/runs_panel.h"
#include "views/store_problem_page.h"
#include "views/store_worker.h"
#include "views/watched_folders_dock.h"
#include "views/welcome_view.h"

namespace fs {

namespace {

PanelRun panelRun(const RunInfo &r)
{
    PanelRun p;
    p.key = r.key;
    p.name = r.name;
    p.runId = r.runId;
    p.colorIndex = runColorIndex(r.immutableId);
    if (r.fork)
        p.forkStep = r.fork->step;
    return p;
}

QString projectId(const ProjectInfo &p)
{
    return p.entity + QLatin1Char('/') + p.name;
}

} // namespace

MainWindow::MainWindow(const Options &options, QWidget *parent) : QMainWindow(parent), options_(options)
{
    initViewsResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/forkscope.svg")));
    readOnly_ = storeReadOnlyReason(options_.storePath);
    const StoreAccess access = readOnly_.isEmpty() ? StoreAccess::ReadWrite : StoreAccess::ReadOnly;
    metaWorker_ = new StoreWorker(options_.storePath, QStringLiteral("forkscope-runs"), this, access);
    const int chartLanes = std::clamp(QThread::idealThreadCount(), 1, 4);
    for (int i = 0; i < chartLanes; ++i)
        chartWorkers_.push_back(
            new StoreWorker(options_.storePath, QStringLiteral("forkscope-charts-%1").arg(i), this, access));
    imports_ = new ImportController(options_.storePath, this);
    connect(imports_, &ImportController::runsImported, this, [this](const QString &openRun) {
        if (!openRun.isEmpty())
            resolveSelection(openRun);
        loadProjects();
    });
    // Watched folders come back after a restart only where settings are kept.
    watches_ = new FolderWatchController(options_.storePath, options_.useSettings, this);
    connect(watches_, &FolderWatchController::problem, this, &MainWindow::showStatus);
    connect(watches_, &FolderWatchController::runsCreated, this, [this](const QString &immutableId) {
        if (currentRun_ == 0 && !pending_)
            resolveSelection(immutableId);
        loadProjects();
    });
    setAcceptDrops(true);
    buildUi();
    buildActions();
    if (options_.useSettings)
        restoreSettings();
    else
        resize(1500, 920);

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
        resolveSelection(options_.select);
    loadProjects();
    poll_->start();
}

MainWindow::~MainWindow()
{
    // Stop the threads before the widgets their results go to.
    delete metaWorker_;
    qDeleteAll(chartWorkers_);
}

void MainWindow::buildUi()
{
    stack_ = new QStackedWidget(this);
    setCentralWidget(stack_);

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
    connect(projectView_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    selectProject(current.data(ProjectListModel::ProjectKeyRole).toLongLong());
            });

    runs_ = new RunsPanel(splitter_);
    connect(runs_, &RunsPanel::runActivated, this, [this](qint64 key) { openRun(key); });
    connect(runs_, &RunsPanel::selectionChanged, this, &MainWindow::updateChartRuns);

    page_ = new RunPage(chartWorkers_, splitter_);
    OverviewTab *overview = page_->overview();
    connect(overview, &OverviewTab::statusMessage, this, &MainWindow::showStatus);
    connect(overview, &OverviewTab::openRunRequested, this, [this](qint64 key) { openRun(key); });
    connect(overview, &OverviewTab::forkRequested, this, &MainWindow::openForkDialog);
    connect(overview, &OverviewTab::renameRequested, this, &MainWindow::renameRun);
    connect(overview, &OverviewTab::deleteRequested, this, &MainWindow::deleteRun);
    connect(page_->charts(), &ChartsTab::forkRequested, this, &MainWindow::openForkDialog);

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

    poll_ = new QTimer(this);
    poll_->setInterval(1000);
    connect(poll_, &QTimer::timeout, this, &MainWindow::pollStore);
}

void MainWindow::buildActions()
{
    // Texts, tool tips and menu titles are set in retranslateUi().
    back_ = new QAction(QIcon(QStringLiteral(":/icons/back.svg")), QString(), this);
    back_->setObjectName(QStringLiteral("backAction"));
    back_->setShortcut(QKeySequence::Back);
    connect(back_, &QAction::triggered, this, [this] { navigate(-1); });
    forward_ = new QAction(QIcon(QStringLiteral(":/icons/forward.svg")), QString(), this);
    forward_->setObjectName(QStringLiteral("forwardAction"));
    forward_->setShortcut(QKeySequence::Forward);
    connect(forward_, &QAction::triggered, this, [this] { navigate(1); });
    reload_ = new QAction(QIcon(QStringLiteral(":/icons/reload.svg")), QString(), this);
    reload_->setObjectName(QStringLiteral("reloadAction"));
    reload_->setShortcut(QKeySequence::Refresh);
    connect(reload_, &QAction::triggered, this, [this] {
        loadProjects();
        page_->charts()->refresh();
    });
    fork_ = new QAction(QIcon(QStringLiteral(":/icons/fork.svg")), QString(), this);
    fork_->setObjectName(QStringLiteral("forkAction"));
    fork_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(fork_, &QAction::triggered, this, &MainWindow::forkFromCurrent);
    overviewTab_ = new QAction(this);
    overviewTab_->setObjectName(QStringLiteral("overviewTabAction"));
    overviewTab_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(overviewTab_, &QAction::triggered, this, [this] { page_->setCurrentTab(RunPage::OverviewIndex); });
    chartsTab_ = new QAction(this);
    chartsTab_->setObjectName(QStringLiteral("chartsTabAction"));
    chartsTab_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(chartsTab_, &QAction::triggered, this, [this] { page_->setCurrentTab(RunPage::ChartsIndex); });
    findRun_ = new QAction(QIcon(QStringLiteral(":/icons/search.svg")), QString(), this);
    findRun_->setObjectName(QStringLiteral("filterRunsAction"));
    findRun_->setShortcut(QKeySequence::Find);
    connect(findRun_, &QAction::triggered, this, [this] {
        runs_->filterBox()->setFocus(Qt::ShortcutFocusReason);
        runs_->filterBox()->selectAll();
    });
    runActions_ = new QAction(QIcon(QStringLiteral(":/icons/more.svg")), QString(), this);
    runActions_->setObjectName(QStringLiteral("runActionsAction"));
    runActions_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    connect(runActions_, &QAction::triggered, this, [this] {
        if (page_->hasRun()) {
            page_->setCurrentTab(RunPage::OverviewIndex);
            page_->overview()->actionsButton()->showMenu();
        }
    });
    demo_ = new QAction(QIcon(QStringLiteral(":/icons/demo.svg")), QString(), this);
    demo_->setObjectName(QStringLiteral("createDemoAction"));
    demo_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(demo_, &QAction::triggered, this, &MainWindow::createDemo);
    import_ = new QAction(QIcon(QStringLiteral(":/icons/import.svg")), QString(), this);
    import_->setObjectName(QStringLiteral("importAction"));
    import_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(import_, &QAction::triggered, imports_, &ImportController::chooseFolder);
    importFile_ = new QAction(this);
    importFile_->setObjectName(QStringLiteral("importFileAction"));
    importFile_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    connect(importFile_, &QAction::triggered, imports_, &ImportController::chooseFile);
    watch_ = new QAction(this);
    watch_->setObjectName(QStringLiteral("watchFolderAction"));
    watch_->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_W));
    connect(watch_, &QAction::triggered, watches_, &FolderWatchController::chooseFolder);
    quit_ = new QAction(this);
    quit_->setObjectName(QStringLiteral("quitAction"));
    quit_->setShortcut(QKeySequence::Quit);
    if (quit_->shortcut().isEmpty()) // platforms without a standard key for it
        quit_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit_->setMenuRole(QAction::QuitRole);
    connect(quit_, &QAction::triggered, this, &QWidget::close);
    about_ = new QAction(QIcon(QStringLiteral(":/icons/forkscope.svg")), QString(), this);
    about_->setObjectName(QStringLiteral("aboutAction"));
    about_->setShortcut(QKeySequence::HelpContents);
    about_->setMenuRole(QAction::AboutRole);
    connect(about_, &QAction::triggered, this, &MainWindow::showAbout);

    // Settings → Language: the system's, or one chosen; applies at once.
    languages_ = new QActionGroup(this);
    languages_->setExclusive(true);
    const struct {
        const char *code;
        QKeySequence key;
    } choices[] = {{"", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_0)},
                   {"en", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E)},
                   {"ja", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_J)}};
    for (const auto &choice : choices) {
        auto *action = new QAction(languages_);
        const QString code = QString::fromLatin1(choice.code);
        action->setObjectName(code.isEmpty() ? QStringLiteral("languageSystem") : QStringLiteral("language_") + code);
        action->setData(code);
        action->setCheckable(true);
        action->setShortcut(choice.key);
        action->setChecked(code == languageChoice_);
        connect(action, &QAction::triggered, this, [this, code] {
            languageChoice_ = code;
            emit languageChosen(code);
        });
    }

    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->setObjectName(QStringLiteral("fileMenu"));
    fileMenu_->addAction(demo_);
    fileMenu_->addAction(import_);
    fileMenu_->addAction(importFile_);
    fileMenu_->addAction(watch_);
    watchDock_->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    fileMenu_->addAction(watchDock_->toggleViewAction());
    fileMenu_->addSeparator();
    fileMenu_->addAction(quit_);
    goMenu_ = menuBar()->addMenu(QString());
    goMenu_->setObjectName(QStringLiteral("goMenu"));
    goMenu_->addActions({back_, forward_, reload_});
    goMenu_->addSeparator();
    goMenu_->addActions({overviewTab_, chartsTab_, findRun_});
    runMenu_ = menuBar()->addMenu(QString());
    runMenu_->setObjectName(QStringLiteral("runMenu"));
    runMenu_->addActions({fork_, runActions_});
    settingsMenu_ = menuBar()->addMenu(QString());
    settingsMenu_->setObjectName(QStringLiteral("settingsMenu"));
    languageMenu_ = settingsMenu_->addMenu(QString());
    languageMenu_->setObjectName(QStringLiteral("languageMenu"));
    languageMenu_->addActions(languages_->actions());
    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->setObjectName(QStringLiteral("helpMenu"));
    helpMenu_->addAction(about_);

    navigationBar_ = addToolBar(QString());
    navigationBar_->setObjectName(QStringLiteral("navigationToolBar"));
    navigationBar_->setMovable(false);
    navigationBar_->setIconSize(QSize(18, 18));
    navigationBar_->setToolButtonStyle(Qt::ToolButtonIconOnly);
    navigationBar_->addActions({back_, forward_, reload_});
    navigationBar_->addSeparator();
    navigationBar_->addAction(fork_);
    if (auto *b = qobject_cast<QToolButton *>(navigationBar_->widgetForAction(fork_)))
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    addAction(overviewTab_);
    addAction(chartsTab_);
    retranslateUi();
    updateNavigation();
}

void MainWindow::retranslateUi()
{
    const auto withKey = [](const QString &tip, const QAction *action) {
        return tr("%1 (%2)").arg(tip, action->shortcut().toString(QKeySequence::NativeText));
    };
    back_->setText(tr("&Back"));
    back_->setToolTip(withKey(tr("Back to the previous run"), back_));
    forward_->setText(tr("&Forward"));
    forward_->setToolTip(withKey(tr("Forward to the next run"), forward_));
    reload_->setText(tr("&Reload"));
    reload_->setToolTip(withKey(tr("Reload projects, runs and charts"), reload_));
    fork_->setText(tr("Fork from step…"));
    fork_->setToolTip(withKey(tr("Fork the open run at the step picked on a chart, else at its last step"), fork_));
    overviewTab_->setText(tr("&Overview"));
    chartsTab_->setText(tr("&Charts"));
    findRun_->setText(tr("F&ilter runs"));
    runActions_->setText(tr("Run &actions"));
    demo_->setText(tr("Create &demo project"));
    import_->setText(tr("&Import runs…"));
    importFile_->setText(tr("Import runs from a &file…"));
    watch_->setText(tr("&Watch folder…"));
    watch_->setToolTip(tr("Follow a W&B, TensorBoard or MLflow folder while training writes to it"));
    quit_->setText(tr("&Quit"));
    about_->setText(tr("&About Forkscope"));
    for (QAction *action : languages_->actions()) {
        const QString code = action->data().toString();
        action->setText(code.isEmpty() ? tr("&System language") : nativeLanguageLabel(code));
    }
    fileMenu_->setTitle(tr("&File"));
    goMenu_->setTitle(tr("&Go"));
    runMenu_->setTitle(tr("&Run"));
    settingsMenu_->setTitle(tr("&Settings"));
    languageMenu_->setTitle(tr("&Language"));
    helpMenu_->setTitle(tr("&Help"));
    navigationBar_->setWindowTitle(tr("Navigation"));

    projectsTitle_->setText(tr("Projects"));
    if (currentRun_ && details_.run.key == currentRun_)
        setWindowTitle(tr("%1 — Forkscope").arg(details_.run.name));
    else
        setWindowTitle(tr("Forkscope"));
    applyReadOnly();
}

void MainWindow::applyReadOnly()
{
    if (readOnly_.isEmpty())
        return;
    const QString tip = tr("Read-only store: %1. Runs can be browsed; forking, renaming, deleting, importing and "
                           "creating the demo project are off.")
                            .arg(readOnly_);
    for (QAction *a : {fork_, demo_, import_, importFile_}) {
        a->setEnabled(false);
        a->setToolTip(tip);
    }
    fileMenu_->setToolTipsVisible(true);
    runMenu_->setToolTipsVisible(true);
    welcome_->setReadOnly(tip);
    page_->overview()->setReadOnly(tip);
    page_->charts()->setForkBlocked(tip);
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
    projectsLoaded_ = true; // nothing will load: what is shown is complete
    pending_.reset();
    poll_->stop();
    for (QAction *a : {fork_, demo_, import_, importFile_, watch_, reload_})
        a->setEnabled(false);
}

bool MainWindow::refuseWrite()
{
    if (readOnly_.isEmpty())
        return false;
    showStatus(tr("Read-only store: %1").arg(readOnly_));
    return true;
}

QString MainWindow::nativeLanguageLabel(const QString &code)
{
    // Each language in its own words, so it can be found whatever is shown.
    if (code == QLatin1String("ja"))
        return QStringLiteral("日本語 (&Japanese)");
    return QStringLiteral("&English");
}

void MainWindow::setLanguageChoice(const QString &code)
{
    languageChoice_ = code;
    for (QAction *action : languages_->actions())
        action->setChecked(action->data().toString() == code);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // Texts the models compute on demand (headers, states, tool tips).
        if (RunTableModel *model = runs_->model(); model->columnCount() > 0)
            emit model->headerDataChanged(Qt::Horizontal, 0, model->columnCount() - 1);
        runs_->view()->viewport()->update();
        projectView_->viewport()->update();
        if (details_.run.key)
            page_->overview()->setDetails(details_, options_.storePath);
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
    runs_->restoreHeaderState(s.value(QStringLiteral("runs/header")).toByteArray());
    wantedProject_ = s.value(QStringLiteral("session/project")).toString();
    wantedRun_ = s.value(QStringLiteral("session/run")).toString();
}

void MainWindow::saveSettings()
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/splitter"), splitter_->saveState());
    s.setValue(QStringLiteral("runs/columns"), runs_->extraColumnIds());
    s.setValue(QStringLiteral("runs/header"), runs_->headerState());
    const int row = projects_->rowOfKey(currentProject_);
    if (row >= 0)
        s.setValue(QStringLiteral("session/project"), projectId(projects_->projects()[size_t(row)]));
    if (currentRun_)
        s.setValue(QStringLiteral("session/run"), details_.run.immutableId);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
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
    return projectsLoaded_ && !pending_ && !demoRunning_ && workersIdle() && !page_->charts()->isLoading();
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

// --- loading ------------------------------------------------------------------

void MainWindow::loadProjects()
{
    metaWorker_->post(
        this,
        [this](Store &store) -> StoreWorker::Done {
            auto projects = store.projects();
            return [this, projects = std::move(projects)]() mutable {
                const bool first = !projectsLoaded_;
                projectsLoaded_ = true;
                qint64 totalRuns = 0;
                for (const auto &p : projects)
                    totalRuns += p.runCount;
                projects_->setProjects(std::move(projects));
                if (totalRuns == 0 && !pending_) {
                    stack_->setCurrentWidget(welcome_);
                    return;
                }
                if (stack_->currentWidget() == welcome_ && !demoRunning_)
                    stack_->setCurrentWidget(splitter_);
                int row = projects_->rowOfKey(currentProject_);
                if (row < 0 && pending_ && pending_->runKey == 0)
                    return; // --select is still being resolved; it picks the project
                if (row < 0) {
                    for (size_t i = 0; i < projects_->projects().size() && row < 0; ++i) {
                        if (projectId(projects_->projects()[i]) == wantedProject_)
                            row = int(i);
                    }
                }
                if (row < 0) {
                    for (size_t i = 0; i < projects_->projects().size() && row < 0; ++i) {
                        if (projects_->projects()[i].runCount > 0)
                            row = int(i);
                    }
                }
                if (row < 0)
                    return;
                const QModelIndex index = projects_->index(row);
                if (projectView_->currentIndex() != index)
                    projectView_->setCurrentIndex(index); // loads the runs
                else if (!first)
                    loadRuns();
            };
        },
        QStringLiteral("projects"));
}

void MainWindow::selectProject(qint64 projectKey)
{
    if (projectKey == currentProject_ && runsProject_ == projectKey)
        return;
    currentProject_ = projectKey;
    const int row = projects_->rowOfKey(projectKey);
    if (row >= 0 && projectView_->currentIndex().row() != row)
        projectView_->setCurrentIndex(projects_->index(row));
    loadRuns();
}

void MainWindow::loadRuns()
{
    const qint64 projectKey = currentProject_;
    if (projectKey == 0)
        return;
    metaWorker_->post(
        this,
        [this, projectKey](Store &store) -> StoreWorker::Done {
            auto runs = store.runs(projectKey);
            return [this, projectKey, runs = std::move(runs)]() mutable { onRunsLoaded(projectKey, std::move(runs)); };
        },
        QStringLiteral("runs"));
}

void MainWindow::onRunsLoaded(qint64 projectKey, std::vector<RunInfo> runs)
{
    if (projectKey != currentProject_)
        return;
    const bool newProject = runsProject_ != projectKey;
    runsProject_ = projectKey;
    if (newProject)
        runs_->view()->clearSelection();
    runs_->setRuns(std::move(runs));
    RunTableModel *model = runs_->model();
    if (fitRunsPane_ && model->rowCount() > 0)
        fitRunsPane();

    if (pending_ && pending_->runKey && model->rowOfKey(pending_->runKey) >= 0) {
        PendingOpen open = *pending_;
        pending_.reset();
        // A fork opens overlaid on the run it came from.
        const RunInfo *run = model->runAt(model->rowOfKey(open.runKey));
        if (open.alsoSelect.isEmpty() && run && run->fork) {
            if (const RunInfo *source = model->runByImmutableId(run->fork->sourceImmutableId))
                open.alsoSelect << source->key;
        }
        runs_->selectRun(open.runKey, true);
        for (qint64 key : open.alsoSelect)
            runs_->selectRun(key, false);
        runs_->selectRun(open.runKey, false); // keep it current
        openRun(open.runKey);
        if (open.tab)
            page_->setCurrentTab(*open.tab);
        return;
    }
    if (newProject && (currentRun_ == 0 || model->rowOfKey(currentRun_) < 0) && !model->runs().empty()) {
        // Open the run from last time, else the newest.
        const RunInfo *run = wantedRun_.isEmpty() ? nullptr : model->runByImmutableId(wantedRun_);
        if (!run)
            run = &model->runs().back();
        const qint64 key = run->key;
        runs_->selectRun(key);
        openRun(key);
        if (options_.tab)
            page_->setCurrentTab(*options_.tab);
    }
}

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

void MainWindow::resolveSelection(const QString &text)
{
    pending_ = PendingOpen{0, {}, options_.tab};
    metaWorker_->post(this, [this, text](Store &store) -> StoreWorker::Done {
        std::optional<RunInfo> found;
        QString error;
        try {
            found = store.resolve(text);
        } catch (const Error &e) {
            error = e.message();
            // A bare run ID: look in every project.
            for (const ProjectInfo &p : store.projects()) {
                try {
                    found = store.resolve(text, p.name, p.entity);
                    break;
                } catch (const Error &) {
                }
            }
        }
        return [this, found, error, text] {
            if (!found) {
                pending_.reset();
                showStatus(tr("Cannot open run '%1': %2").arg(text, error));
                loadProjects();
                return;
            }
            pending_->runKey = found->key;
            currentProject_ = 0;
            selectProject(found->projectKey);
        };
    });
}

void MainWindow::openRun(qint64 runKey, bool record)
{
    if (runKey == 0)
        return;
    if (record && (historyIndex_ < 0 || history_[size_t(historyIndex_)] != runKey)) {
        history_.resize(size_t(historyIndex_ + 1));
        history_.push_back(runKey);
        historyIndex_ = int(history_.size()) - 1;
    }
    currentRun_ = runKey;
    updateNavigation();
    loadDetails();
}

void MainWindow::loadDetails()
{
    const qint64 key = currentRun_;
    if (key == 0)
        return;
    metaWorker_->post(
        this,
        [this, key](Store &store) -> StoreWorker::Done {
            try {
                RunDetails details = loadRunDetails(store, key);
                return [this, details = std::move(details)] {
                    if (details.run.key != currentRun_)
                        return;
                    const bool changedRun = details_.run.key != details.run.key;
                    details_ = details;
                    page_->overview()->setDetails(details_, options_.storePath);
                    page_->showRun();
                    setWindowTitle(tr("%1 — Forkscope").arg(details_.run.name));
                    if (changedRun) {
                        // A run from another project (a fork link): show that project.
                        if (details_.run.projectKey != currentProject_)
                            selectProject(details_.run.projectKey);
                        else if (runs_->model()->rowOfKey(details_.run.key) >= 0 &&
                                 !runs_->selectedRunKeys().contains(details_.run.key))
                            runs_->selectRun(details_.run.key);
                        emit runOpened(details_.run.key);
                    }
                    updateChartRuns();
                };
            } catch (const Error &e) {
                const QString message = e.message();
                return [this, key, message] {
                    if (key != currentRun_)
                        return;
                    page_->showPlaceholder(tr("This run cannot be shown: %1").arg(message));
                };
            }
        },
        QStringLiteral("details"));
}

void MainWindow::updateChartRuns()
{
    if (!currentRun_ || details_.run.key != currentRun_)
        return;
    std::vector<PanelRun> runs{panelRun(details_.run)};
    for (qint64 key : runs_->selectedRunKeys()) {
        if (key == currentRun_)
            continue;
        const int row = runs_->model()->rowOfKey(key);
        if (const RunInfo *r = runs_->model()->runAt(row))
            runs.push_back(panelRun(*r));
    }
    const auto &shown = page_->charts()->runs();
    const bool same = shown.size() == runs.size() &&
                      std::equal(shown.begin(), shown.end(), runs.begin(), [](const PanelRun &a, const PanelRun &b) {
                          return a.key == b.key && a.name == b.name && a.forkStep == b.forkStep;
                      });
    if (!same)
        page_->charts()->setRuns(runs);
}

// --- live data ----------------------------------------------------------------

void MainWindow::pollStore()
{
    // A stat of the store and its WAL, not a query: cheap enough for the UI
    // thread, and it changes whenever any process commits.
    QString signature;
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        const QFileInfo info(options_.storePath + suffix);
        signature += QString::number(info.size()) + QLatin1Char(':') +
                     QString::number(info.lastModified().toMSecsSinceEpoch()) + QLatin1Char(';');
    }
    if (signature == storeSignature_)
        return;
    const bool first = storeSignature_.isEmpty();
    storeSignature_ = signature;
    if (first || demoRunning_)
        return;
    loadProjects();
    loadRuns();
    loadDetails();
    page_->charts()->refresh();
}

// --- navigation ---------------------------------------------------------------

void MainWindow::navigate(int delta)
{
    const int target = historyIndex_ + delta;
    if (target < 0 || target >= int(history_.size()))
        return;
    historyIndex_ = target;
    openRun(history_[size_t(target)], false);
}

void MainWindow::updateNavigation()
{
    back_->setEnabled(historyIndex_ > 0);
    forward_->setEnabled(historyIndex_ + 1 < int(history_.size()));
}

// --- actions ------------------------------------------------------------------

void MainWindow::forkFromCurrent()
{
    if (!currentRun_ || details_.run.key != currentRun_)
        return;
    for (MetricPanel *panel : page_->charts()->panels()) {
        if (const auto pick = panel->pick()) {
            openForkDialog(pick->runKey, pick->step);
            return;
        }
    }
    openForkDialog(currentRun_, details_.run.lastStep().value_or(0));
}

void MainWindow::openForkDialog(qint64 runKey, qint64 step)
{
    const RunInfo *source = nullptr;
    if (runKey == details_.run.key)
        source = &details_.run;
    else
        source = runs_->model()->runAt(runs_->model()->rowOfKey(runKey));
    if (!source || refuseWrite())
        return;
    if (forkDialog_)
        forkDialog_->close();
    auto *dialog = new ForkDialog(*source, step, qint64(runs_->model()->rowCount()) + 1, metaWorker_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ForkDialog::forkCreated, this, &MainWindow::onForkCreated);
    forkDialog_ = dialog;
    dialog->open();
}

void MainWindow::onForkCreated(const RunInfo &fork)
{
    page_->charts()->clearPicks(); // the pick became the fork
    showStatus(
        tr("Created %1 (%2), forked at step %3").arg(fork.name, fork.runId).arg(fork.fork ? fork.fork->step : 0));
    PendingOpen open{fork.key, {}, RunPage::ChartsIndex};
    if (fork.fork) {
        if (const RunInfo *source = runs_->model()->runByImmutableId(fork.fork->sourceImmutableId))
            open.alsoSelect << source->key;
    }
    pending_ = open;
    emit forkCreated(fork.key);
    if (fork.projectKey != currentProject_) {
        currentProject_ = 0;
        selectProject(fork.projectKey);
    } else {
        loadRuns();
    }
    loadProjects();
}

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
            loadRuns();
            loadDetails();
        };
    });
}

void MainWindow::deleteRun(qint64 runKey)
{
    if (runKey != details_.run.key || refuseWrite())
        return;
    const RunInfo run = details_.run;
    const size_t forks = details_.forks.size();
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
            store.deleteRun(runKey, materialize);
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
            std::erase(history_, runKey);
            historyIndex_ = int(history_.size()) - 1;
            updateNavigation();
            if (currentRun_ == runKey) {
                currentRun_ = 0;
                details_ = {};
                page_->showPlaceholder({});
                setWindowTitle(tr("Forkscope"));
            }
            loadProjects();
            loadRuns();
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
                loadProjects();
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
                PendingOpen open{show->key, {}, RunPage::ChartsIndex};
                for (const RunInfo &r : demo.runs) {
                    if (show->fork && r.immutableId == show->fork->sourceImmutableId)
                        open.alsoSelect << r.key;
                }
                pending_ = open;
                currentProject_ = 0;
                stack_->setCurrentWidget(splitter_);
                selectProject(demo.runs.front().projectKey);
            }
            loadProjects();
        };
    });
}

} // namespace fs
