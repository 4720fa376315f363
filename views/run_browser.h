#pragma once

#include <QList>
#include <QObject>
#include <optional>
#include <vector>

#include "views/overview/run_details.h"
#include "views/run_page.h"

class QListView;

namespace forkscope {

class NavigationHistory;
class ProjectListModel;
class RunsPanel;
class StoreWorker;

// Which project and run are shown, and getting there: the project list, the
// runs table and the run page follow one another, and a run asked for by ID,
// path or immutable ID (or one just made) opens once its project's runs are
// listed. Every query runs on `worker`.
class RunBrowser : public QObject {
    Q_OBJECT
public:
    struct Views {
        QListView *projectList = nullptr;
        ProjectListModel *projects = nullptr;
        RunsPanel *runs = nullptr;
        RunPage *page = nullptr;
    };
    // A run to open once its project's runs are listed, the runs overlaid on
    // its charts, and the tab it opens on.
    struct Opening {
        qint64 runKey = 0;
        QList<qint64> alsoSelect;
        std::optional<RunPage::Tab> tab;
    };

    RunBrowser(StoreWorker *worker, const Views &views, NavigationHistory *history, const QString &storePath,
               QObject *parent);

    qint64 currentRunKey() const { return currentRun_; }
    // The open run's details (run.key 0: none shown yet).
    const RunDetails &details() const { return details_; }
    // True when the open run's details are shown.
    bool showsCurrentRun() const { return currentRun_ && details_.run.key == currentRun_; }
    // A run the open page or the runs table knows (null: neither does).
    const RunInfo *findRun(qint64 runKey) const;
    // How many runs the table lists.
    int runCount() const;
    // Projects are listed and no run waits to be opened.
    bool isSettled() const { return projectsLoaded_ && !pending_; }
    bool isOpening() const { return pending_.has_value(); }
    // The store cannot be opened: nothing will load, so what is shown is complete.
    void stopLoading();

    // The tab a run opened from the command line or at start opens on.
    void setStartTab(std::optional<RunPage::Tab> tab) { startTab_ = tab; }
    // Last session's project ("entity/name") and run (immutable ID).
    void setRemembered(const QString &projectId, const QString &runImmutableId);
    QString currentProjectId() const;

    // Opens a run and records it for Back and Forward.
    void openRun(qint64 runKey);
    // Shows a run without recording it (Back and Forward themselves).
    void showRun(qint64 runKey);
    // A run by ID, path or immutable ID; a bare ID is looked for in every project.
    void openByText(const QString &text);
    // A run just made (a fork, the demo): opens when its project lists it.
    void openWhenListed(qint64 projectKey, const Opening &opening);
    // A fork opens overlaid on the run it came from, on the Charts tab.
    void openCreatedFork(const RunInfo &fork);
    // Overlays `runKeys` on the open run's charts (the runs table selects
    // those of the open project) and shows the Charts tab.
    void overlayRuns(const std::vector<RunInfo> &runs);
    // The run was deleted: show none if it was open.
    void forgetRun(qint64 runKey);

    void loadProjects();
    void loadRuns();
    void loadDetails();

signals:
    void runOpened(qint64 runKey);
    // The open run changed or its details were (re)loaded, or none is open.
    void openRunChanged();
    // The project list arrived; `anyRuns` is false for an empty store
    // (nothing then is selected).
    void projectsListed(bool anyRuns);
    // The runs table was filled with the current project's runs.
    void runsListed();
    void statusMessage(const QString &message);

private:
    void selectProject(qint64 projectKey);
    void onProjectsLoaded(std::vector<ProjectInfo> projects);
    void onRunsListed();
    void openPendingIfListed();
    // Adds the run a fork came from to the runs selected with it.
    void openPending(Opening open);
    void selectOpening(const Opening &open);
    void showDetails(const RunDetails &details);
    void updateChartRuns();

    StoreWorker *worker_;
    Views views_;
    NavigationHistory *history_;
    QString storePath_;
    std::optional<RunPage::Tab> startTab_;

    qint64 currentProject_ = 0;
    qint64 runsProject_ = 0; // the project whose runs the table shows
    qint64 currentRun_ = 0;
    RunDetails details_;
    std::optional<Opening> pending_;
    // The run being opened is an archived version: no runs list holds it.
    bool pendingUnlisted_ = false;
    QString wantedProject_; // "entity/name" from the settings
    QString wantedRun_;     // immutable ID from the settings
    bool projectsLoaded_ = false;
    bool locatingPending_ = false;
};

} // namespace forkscope
