#pragma once

#include <QMainWindow>
#include <memory>
#include <optional>
#include <vector>

#include "views/run_page.h"

class QLabel;
class QListView;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTimer;

namespace Ui {
class MainWindow;
}

namespace forkscope {

class FolderWatchController;
class ForkController;
class RewindController;
class ForkDialog;
class ImportController;
class NavigationHistory;
class ProjectListModel;
class RunBrowser;
class RunsPanel;
class StoreFileWatch;
class StoreProblemPage;
class StoreWorker;
class TrainingProcesses;
class WatchedFoldersDock;
class WelcomeView;

// The shell: projects on the left, the chosen project's runs in the middle,
// the opened run on the right, menus, settings and drag-and-drop. Controllers
// do the rest: RunBrowser (which project and run are shown), NavigationHistory
// (Back, Forward), ForkController, ImportController, FolderWatchController and
// StoreFileWatch (other processes' writes). Store work runs on worker threads,
// each with its own forkscope::Store: one for runs and edits, and one per core (up
// to four) for chart reads.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        QString storePath;
        QString select; // a run to open: ID, path or immutable ID
        std::optional<RunPage::Tab> tab;
        bool useSettings = true; // tests run without QSettings
    };

    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Nothing is loading and nothing is queued: what is shown is complete.
    bool isSettled() const;
    QString storePath() const { return options_.storePath; }
    RunsPanel *runsPanel() const { return runs_; }
    RunPage *runPage() const { return page_; }
    TrainingProcesses *trainingProcesses() const { return processes_; }
    ProjectListModel *projectModel() const { return projects_; }
    WelcomeView *welcomeView() const { return welcome_; }
    // Shown instead of the runs when the store cannot be opened.
    StoreProblemPage *storeProblemPage() const { return storeProblem_; }
    ImportController *importController() const { return imports_; }
    FolderWatchController *folderWatches() const { return watches_; }
    WatchedFoldersDock *watchedFoldersDock() const { return watchDock_; }
    qint64 currentRunKey() const;
    ForkDialog *forkDialog() const;
    RewindController *rewindController() const { return rewinds_; }
    // Why the store can only be browsed (empty: it can be written). Then
    // every write action is off and says why.
    QString readOnlyReason() const { return readOnly_; }

    void openRun(qint64 runKey);
    void openForkDialog(qint64 runKey, qint64 step);

    // Settings → Language shows `code` as chosen: "" (the system's), "en" or "ja".
    void setLanguageChoice(const QString &code);
    QString languageChoice() const { return languageChoice_; }
    void showAbout();

signals:
    void runOpened(qint64 runKey);
    void forkCreated(qint64 runKey);
    // Settings → Language: the person chose `code` ("" = the system's).
    void languageChosen(const QString &code);
    // The person chose another store to open (StoreWindowHost opens it).
    void storeChosen(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    bool workersIdle() const;

    void buildUi();
    void buildControllers();
    void buildActions();
    void retranslateUi();
    void restoreSettings();
    void saveSettings();
    void onProjectsListed(bool anyRuns);
    // The first runs shown: the runs pane takes what its columns need (up to half).
    void fitRunsPane();
    void updateTitle();
    void reloadAll();
    void renameRun(qint64 runKey, const QString &name);
    void deleteRun(qint64 runKey);
    void createDemo();
    void updateNavigation();
    void showStatus(const QString &message);
    void applyReadOnly();
    void showStoreProblem(const QString &reason);
    // True (after saying why in the status bar) when the store is read-only.
    bool refuseWrite();

    Options options_;
    std::unique_ptr<Ui::MainWindow> ui_;
    StoreWorker *metaWorker_ = nullptr;
    // Chart panels load in parallel, one worker (and SQLite connection) per
    // core up to four; the first also answers the charts tab's other questions.
    std::vector<StoreWorker *> chartWorkers_;

    QStackedWidget *stack_ = nullptr;
    WelcomeView *welcome_ = nullptr;
    StoreProblemPage *storeProblem_ = nullptr;
    QSplitter *splitter_ = nullptr;
    QListView *projectView_ = nullptr;
    ProjectListModel *projects_ = nullptr;
    RunsPanel *runs_ = nullptr;
    RunPage *page_ = nullptr;
    TrainingProcesses *processes_ = nullptr;
    bool closeWhenStopped_ = false; // the person chose to stop training and quit
    QProgressBar *busy_ = nullptr;
    QTimer *busyDelay_ = nullptr;
    StoreFileWatch *storeWatch_ = nullptr;
    NavigationHistory *history_ = nullptr;
    RunBrowser *browser_ = nullptr;
    ForkController *forks_ = nullptr;
    RewindController *rewinds_ = nullptr;
    QLabel *projectsTitle_ = nullptr;
    ImportController *imports_ = nullptr;
    FolderWatchController *watches_ = nullptr;
    WatchedFoldersDock *watchDock_ = nullptr;
    QString languageChoice_;
    bool demoRunning_ = false;
    bool fitRunsPane_ = true; // until done, or a saved layout was restored
    QString readOnly_;
    QLabel *readOnlyBadge_ = nullptr;
};

} // namespace forkscope
