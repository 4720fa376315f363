#pragma once

#include <QMainWindow>
#include <QPointer>
#include <optional>
#include <vector>

#include "views/fork_dialog.h"
#include "views/run_details.h"
#include "views/run_page.h"

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QToolBar;
class QListView;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTimer;

namespace fs {

class FolderWatchController;
class ImportController;
class ProjectListModel;
class RunsPanel;
class StoreProblemPage;
class StoreWorker;
class WatchedFoldersDock;
class WelcomeView;

// Projects on the left, the chosen project's runs in the middle, the opened
// run on the right. All store work happens on two worker threads (one for
// runs and edits, one for chart reads), each with its own fs::Store.
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
    ProjectListModel *projectModel() const { return projects_; }
    WelcomeView *welcomeView() const { return welcome_; }
    // Shown instead of the runs when the store cannot be opened.
    StoreProblemPage *storeProblemPage() const { return storeProblem_; }
    ImportController *importController() const { return imports_; }
    FolderWatchController *folderWatches() const { return watches_; }
    WatchedFoldersDock *watchedFoldersDock() const { return watchDock_; }
    qint64 currentRunKey() const { return currentRun_; }
    ForkDialog *forkDialog() const { return forkDialog_; }
    // Why the store can only be browsed (empty: it can be written). Then
    // every write action is off and says why.
    QString readOnlyReason() const { return readOnly_; }

    void openRun(qint64 runKey, bool record = true);
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

    struct PendingOpen {
        qint64 runKey = 0;
        QList<qint64> alsoSelect;
        std::optional<RunPage::Tab> tab;
    };

    void buildUi();
    void buildActions();
    void retranslateUi();
    static QString nativeLanguageLabel(const QString &code);
    void restoreSettings();
    void saveSettings();
    void loadProjects();
    void loadRuns();
    void selectProject(qint64 projectKey);
    void onRunsLoaded(qint64 projectKey, std::vector<RunInfo> runs);
    // The first runs shown: the runs pane takes what its columns need (up to half).
    void fitRunsPane();
    void loadDetails();
    void updateChartRuns();
    void resolveSelection(const QString &text);
    void onForkCreated(const RunInfo &fork);
    void renameRun(qint64 runKey, const QString &name);
    void deleteRun(qint64 runKey);
    void createDemo();
    void navigate(int delta);
    void pollStore();
    void updateNavigation();
    void showStatus(const QString &message);
    void forkFromCurrent();
    void applyReadOnly();
    void showStoreProblem(const QString &reason);
    // True (after saying why in the status bar) when the store is read-only.
    bool refuseWrite();

    Options options_;
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
    QProgressBar *busy_ = nullptr;
    QTimer *busyDelay_ = nullptr;
    QTimer *poll_ = nullptr;
    QLabel *projectsTitle_ = nullptr;
    QAction *back_ = nullptr;
    QAction *forward_ = nullptr;
    QAction *reload_ = nullptr;
    QAction *fork_ = nullptr;
    QAction *overviewTab_ = nullptr;
    QAction *chartsTab_ = nullptr;
    QAction *findRun_ = nullptr;
    QAction *runActions_ = nullptr;
    QAction *demo_ = nullptr;
    QAction *import_ = nullptr;
    QAction *importFile_ = nullptr;
    ImportController *imports_ = nullptr;
    QAction *watch_ = nullptr;
    FolderWatchController *watches_ = nullptr;
    WatchedFoldersDock *watchDock_ = nullptr;
    QAction *quit_ = nullptr;
    QAction *about_ = nullptr;
    QActionGroup *languages_ = nullptr;
    QMenu *fileMenu_ = nullptr;
    QMenu *goMenu_ = nullptr;
    QMenu *runMenu_ = nullptr;
    QMenu *settingsMenu_ = nullptr;
    QMenu *languageMenu_ = nullptr;
    QMenu *helpMenu_ = nullptr;
    QToolBar *navigationBar_ = nullptr;
    QString languageChoice_;
    QPointer<ForkDialog> forkDialog_;

    qint64 currentProject_ = 0;
    qint64 runsProject_ = 0; // the project whose runs the table shows
    qint64 currentRun_ = 0;
    RunDetails details_;
    std::vector<qint64> history_;
    int historyIndex_ = -1;
    std::optional<PendingOpen> pending_;
    QString wantedProject_; // "entity/name" from the settings
    QString wantedRun_;     // immutable ID from the settings
    bool projectsLoaded_ = false;
    bool fitRunsPane_ = true; // until done, or a saved layout was restored
    QString storeSignature_;
    bool demoRunning_ = false;
    QString readOnly_;
    QLabel *readOnlyBadge_ = nullptr;
};

} // namespace fs
