#include "views/run_browser.h"

#include <QListView>
#include <QTableView>
#include <algorithm>

#include "core/error.h"
#include "itemmodels/project_list_model.h"
#include "itemmodels/run_color.h"
#include "itemmodels/run_page_model.h"
#include "store/store.h"
#include "views/charts/charts_tab.h"
#include "views/navigation_history.h"
#include "views/overview/overview_tab.h"
#include "views/runs/runs_panel.h"
#include "views/store_worker.h"

namespace forkscope {

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

RunBrowser::RunBrowser(StoreWorker *worker, const Views &views, NavigationHistory *history, const QString &storePath,
                       QObject *parent)
    : QObject(parent), worker_(worker), views_(views), history_(history), storePath_(storePath)
{
    connect(views_.projectList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    selectProject(current.data(ProjectListModel::ProjectKeyRole).toLongLong());
            });
    connect(views_.runs, &RunsPanel::runActivated, this, &RunBrowser::openRun);
    connect(views_.runs, &RunsPanel::selectionChanged, this, &RunBrowser::updateChartRuns);
    connect(views_.runs, &RunsPanel::listed, this, &RunBrowser::onRunsListed);
    // A run waiting to be opened may be one the refresh just listed.
    connect(views_.runs->model(), &RunPageModel::settled, this, &RunBrowser::openPendingIfListed);
    connect(views_.page->overview(), &OverviewTab::openRunRequested, this, &RunBrowser::openRun);
}

const RunInfo *RunBrowser::findRun(qint64 runKey) const
{
    if (runKey == details_.run.key)
        return &details_.run;
    const RunPageModel *model = views_.runs->model();
    const int row = model->loadedRowOfKey(runKey);
    return row >= 0 ? model->runAt(row) : nullptr;
}

int RunBrowser::runCount() const
{
    return views_.runs->model()->rowCount();
}

void RunBrowser::setRemembered(const QString &projectId, const QString &runImmutableId)
{
    wantedProject_ = projectId;
    wantedRun_ = runImmutableId;
}

QString RunBrowser::currentProjectId() const
{
    const int row = views_.projects->rowOfKey(currentProject_);
    return row >= 0 ? projectId(views_.projects->projects()[size_t(row)]) : QString();
}

// --- projects and runs --------------------------------------------------------

void RunBrowser::loadProjects()
{
    worker_->post(
        this,
        [this](Store &store) -> StoreWorker::Done {
            auto projects = store.projects();
            return [this, projects = std::move(projects)]() mutable { onProjectsLoaded(std::move(projects)); };
        },
        QStringLiteral("projects"));
}

void RunBrowser::onProjectsLoaded(std::vector<ProjectInfo> projects)
{
    const bool first = !projectsLoaded_;
    projectsLoaded_ = true;
    qint64 totalRuns = 0;
    for (const auto &p : projects)
        totalRuns += p.runCount;
    ProjectListModel *model = views_.projects;
    model->setProjects(std::move(projects));
    const bool anyRuns = totalRuns > 0 || pending_;
    emit projectsListed(anyRuns);
    if (!anyRuns)
        return;
    int row = model->rowOfKey(currentProject_);
    if (row < 0 && pending_ && pending_->runKey == 0)
        return; // --select is still being resolved; it picks the project
    const auto &all = model->projects();
    if (row < 0) {
        const auto it = std::find_if(all.begin(), all.end(),
                                     [this](const ProjectInfo &p) { return projectId(p) == wantedProject_; });
        if (it != all.end())
            row = int(it - all.begin());
    }
    if (row < 0) {
        const auto it = std::find_if(all.begin(), all.end(), [](const ProjectInfo &p) { return p.runCount > 0; });
        if (it != all.end())
            row = int(it - all.begin());
    }
    if (row < 0)
        return;
    const QModelIndex index = model->index(row);
    if (views_.projectList->currentIndex() != index)
        views_.projectList->setCurrentIndex(index); // loads the runs
    else if (!first)
        loadRuns();
}

void RunBrowser::selectProject(qint64 projectKey)
{
    if (projectKey == currentProject_ && runsProject_ == projectKey)
        return;
    currentProject_ = projectKey;
    const int row = views_.projects->rowOfKey(projectKey);
    if (row >= 0 && views_.projectList->currentIndex().row() != row)
        views_.projectList->setCurrentIndex(views_.projects->index(row));
    loadRuns();
}

void RunBrowser::loadRuns()
{
    const qint64 projectKey = currentProject_;
    if (projectKey == 0)
        return;
    RunsPanel *panel = views_.runs;
    const int row = views_.projects->rowOfKey(projectKey);
    const int total = row >= 0 ? int(views_.projects->projects()[size_t(row)].runCount) : 0;
    if (panel->projectKey() == projectKey) {
        panel->setProject(projectKey, total);
        panel->refresh();
        return;
    }
    panel->setProject(projectKey, total);
}

void RunBrowser::onRunsListed()
{
    const qint64 projectKey = views_.runs->projectKey();
    if (projectKey != currentProject_)
        return;
    const bool newProject = runsProject_ != projectKey;
    runsProject_ = projectKey;
    emit runsListed();
    if (pending_ && pending_->runKey) {
        openPendingIfListed();
        return;
    }
    if (!newProject || views_.runs->model()->rowCount() == 0)
        return;
    // Open the run from last time, else the newest.
    const QString wanted = wantedRun_;
    worker_->post(this, [this, projectKey, wanted](Store &store) -> StoreWorker::Done {
        qint64 key = 0;
        if (!wanted.isEmpty()) {
            try {
                const RunInfo run = store.resolve(wanted);
                if (run.projectKey == projectKey)
                    key = run.key;
            } catch (const Error &) {
                // deleted since: the newest opens instead
            }
        }
        if (key == 0) {
            RunPageQuery newest;
            newest.projectKey = projectKey;
            const auto runs = store.runPage(newest, 0, 1);
            if (!runs.empty())
                key = runs.front().key;
        }
        return [this, projectKey, key] {
            if (key == 0 || projectKey != currentProject_ || pending_ ||
                (currentRun_ != 0 && findRun(currentRun_) && findRun(currentRun_)->projectKey == projectKey))
                return;
            views_.runs->selectOnly(key);
            openRun(key);
            if (startTab_)
                views_.page->setCurrentTab(*startTab_);
        };
    });
}

void RunBrowser::openPendingIfListed()
{
    if (!pending_ || !pending_->runKey || locatingPending_ || views_.runs->projectKey() != currentProject_ ||
        runsProject_ != currentProject_)
        return;
    if (pendingUnlisted_) {
        // An archived version is never a row of the list: open it as it is.
        pendingUnlisted_ = false;
        Opening open = *pending_;
        pending_.reset();
        openPending(open);
        return;
    }
    locatingPending_ = true;
    const qint64 key = pending_->runKey;
    views_.runs->model()->locate(key, [this, key](int row) {
        locatingPending_ = false;
        if (!pending_ || pending_->runKey != key)
            return;
        if (row < 0 || row >= views_.runs->model()->rowCount()) {
            // Made after the rows were read: the next refresh lists it.
            views_.runs->refresh();
            return;
        }
        Opening open = *pending_;
        pending_.reset();
        openPending(open);
    });
}

void RunBrowser::openPending(Opening open)
{
    if (!open.alsoSelect.isEmpty()) {
        selectOpening(open);
        return;
    }
    // A fork opens overlaid on the run it came from.
    worker_->post(this, [this, open](Store &store) -> StoreWorker::Done {
        Opening withSource = open;
        try {
            const RunInfo run = store.runInfo(open.runKey);
            if (run.fork)
                withSource.alsoSelect << store.resolve(run.fork->sourceImmutableId).key;
        } catch (const Error &) {
            // the source was deleted: the fork opens alone
        }
        return [this, withSource] { selectOpening(withSource); };
    });
}

void RunBrowser::selectOpening(const Opening &open)
{
    RunsPanel *panel = views_.runs;
    panel->selectOnly(open.runKey);
    for (qint64 key : open.alsoSelect)
        panel->addToSelection(key);
    panel->addToSelection(open.runKey); // keep it current
    openRun(open.runKey);
    if (open.tab)
        views_.page->setCurrentTab(*open.tab);
}

// --- opening a run ------------------------------------------------------------

void RunBrowser::openByText(const QString &text)
{
    pending_ = Opening{0, {}, startTab_};
    worker_->post(this, [this, text](Store &store) -> StoreWorker::Done {
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
                emit statusMessage(tr("Cannot open run '%1': %2").arg(text, error));
                loadProjects();
                return;
            }
            pending_->runKey = found->key;
            pendingUnlisted_ = found->archived.has_value();
            currentProject_ = 0;
            selectProject(found->projectKey);
        };
    });
}

void RunBrowser::openWhenListed(qint64 projectKey, const Opening &opening)
{
    pending_ = opening;
    if (projectKey != currentProject_) {
        currentProject_ = 0;
        selectProject(projectKey);
    } else {
        loadRuns();
    }
}

void RunBrowser::openCreatedFork(const RunInfo &fork)
{
    // openPending() adds the run it came from.
    openWhenListed(fork.projectKey, Opening{fork.key, {}, RunPage::ChartsIndex});
}

void RunBrowser::openRun(qint64 runKey)
{
    if (runKey == 0)
        return;
    history_->record(runKey);
    showRun(runKey);
}

void RunBrowser::showRun(qint64 runKey)
{
    if (runKey == 0)
        return;
    currentRun_ = runKey;
    loadDetails();
}

void RunBrowser::overlayRuns(const std::vector<RunInfo> &runs)
{
    if (!showsCurrentRun())
        return;
    RunsPanel *panel = views_.runs;
    panel->selectOnly(currentRun_);
    int elsewhere = 0;
    for (const RunInfo &run : runs) {
        // The list pages from the store: a run of this project is selected
        // whether or not its row has been read yet.
        if (run.projectKey == currentProject_ && !run.archived)
            panel->addToSelection(run.key);
        else if (run.key != currentRun_)
            ++elsewhere;
    }
    panel->addToSelection(currentRun_); // keep it current
    updateChartRuns();
    views_.page->setCurrentTab(RunPage::ChartsIndex);
    if (elsewhere > 0)
        emit statusMessage(tr("%n run(s) of another project are not overlaid: Charts overlays runs of one project.",
                              nullptr, elsewhere));
}

void RunBrowser::forgetRun(qint64 runKey)
{
    history_->remove(runKey);
    if (currentRun_ != runKey)
        return;
    currentRun_ = 0;
    details_ = {};
    views_.page->showPlaceholder({});
    emit openRunChanged();
}

void RunBrowser::loadDetails()
{
    const qint64 key = currentRun_;
    if (key == 0)
        return;
    worker_->post(
        this,
        [this, key](Store &store) -> StoreWorker::Done {
            try {
                RunDetails details = loadRunDetails(store, key);
                return [this, details = std::move(details)] {
                    if (details.run.key == currentRun_)
                        showDetails(details);
                };
            } catch (const Error &e) {
                const QString message = e.message();
                return [this, key, message] {
                    if (key == currentRun_)
                        views_.page->showPlaceholder(tr("This run cannot be shown: %1").arg(message));
                };
            }
        },
        QStringLiteral("details"));
}

void RunBrowser::showDetails(const RunDetails &details)
{
    const bool changedRun = details_.run.key != details.run.key;
    details_ = details;
    views_.page->overview()->setDetails(details_, storePath_);
    views_.page->showRun();
    emit openRunChanged();
    if (changedRun) {
        // A run from another project (a fork link): show that project.
        RunsPanel *panel = views_.runs;
        if (details_.run.projectKey != currentProject_)
            selectProject(details_.run.projectKey);
        else if (runsProject_ == currentProject_ && !panel->selectedRunKeys().contains(details_.run.key))
            panel->selectOnly(details_.run.key);
        emit runOpened(details_.run.key);
    }
    updateChartRuns();
}

void RunBrowser::updateChartRuns()
{
    if (!showsCurrentRun())
        return;
    std::vector<PanelRun> runs{panelRun(details_.run)};
    for (qint64 key : views_.runs->selectedRunKeys()) {
        if (key == currentRun_)
            continue;
        if (const RunInfo *r = findRun(key))
            runs.push_back(panelRun(*r));
    }
    ChartsTab *charts = views_.page->charts();
    const auto &shown = charts->runs();
    const bool same = shown.size() == runs.size() &&
                      std::equal(shown.begin(), shown.end(), runs.begin(), [](const PanelRun &a, const PanelRun &b) {
                          return a.key == b.key && a.name == b.name && a.forkStep == b.forkStep;
                      });
    if (!same)
        charts->setRuns(runs);
}

void RunBrowser::stopLoading()
{
    projectsLoaded_ = true;
    pending_.reset();
}

} // namespace forkscope
