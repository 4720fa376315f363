#pragma once

#include <QMainWindow>
#include <QPointer>
#include <optional>

#include "views/fork_dialog.h"
#include "views/run_details.h"
#include "views/run_page.h"

class QAction;
class QListView;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTimer;

namespace fs {

class ProjectListModel;
class RunsPanel;
class StoreWorker;
class WelcomeView;

// Projects on the left, the chosen project's runs in the middle, the opened
// run on the right. All store work happens on two worker threads (one for
// runs and edits, one for chart reads), each with its own fs::Store.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        QString storePath;
        QString select;                     // a run to open: ID, path or immutable ID
        std::optional<RunPage::Tab> tab;
        bool useSettings = true;            // tests run without QSettings
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
    qint64 currentRunKey() const { return currentRun_; }
    ForkDialog *forkDialog() const { return forkDialog_; }

    void openRun(qint64 runKey, bool record = true);
    void openForkDialog(qint64 runKey, qint64 step);

signals:
    void runOpened(qint64 runKey);
    void forkCreated(qint64 runKey);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct PendingOpen {
        qint64 runKey = 0;
        QList<qint64> alsoSelect;
        std::optional<RunPage::Tab> tab;
    };

    void buildUi();
    void buildActions();
    void restoreSettings();
    void saveSettings();
    void loadProjects();
    void loadRuns();
    void selectProject(qint64 projectKey);
    void onRunsLoaded(qint64 projectKey, std::vector<RunInfo> runs);
    void loadDetails();
    void updateChartRuns();
    void resolveSelection(const QString &text);
    void onForkCreated(const RunInfo &fork);
    void renameRun(qint64 runKey, const QString &name);
    void deleteRun(qint64 runKey);
    void createDemo();
    void showImportHelp();
    void navigate(int delta);
    void pollStore();
    void updateNavigation();
    void showStatus(const QString &message);
    void forkFromCurrent();

    Options options_;
    StoreWorker *metaWorker_ = nullptr;
    StoreWorker *chartWorker_ = nullptr;

    QStackedWidget *stack_ = nullptr;
    WelcomeView *welcome_ = nullptr;
    QSplitter *splitter_ = nullptr;
    QListView *projectView_ = nullptr;
    ProjectListModel *projects_ = nullptr;
    RunsPanel *runs_ = nullptr;
    RunPage *page_ = nullptr;
    QProgressBar *busy_ = nullptr;
    QTimer *busyDelay_ = nullptr;
    QTimer *poll_ = nullptr;
    QAction *back_ = nullptr;
    QAction *forward_ = nullptr;
    QPointer<ForkDialog> forkDialog_;

    qint64 currentProject_ = 0;
    qint64 runsProject_ = 0;      // the project whose runs the table shows
    qint64 currentRun_ = 0;
    RunDetails details_;
    std::vector<qint64> history_;
    int historyIndex_ = -1;
    std::optional<PendingOpen> pending_;
    QString wantedProject_;        // "entity/name" from the settings
    QString wantedRun_;            // immutable ID from the settings
    bool projectsLoaded_ = false;
    QString storeSignature_;
    bool demoRunning_ = false;
};

} // namespace fs
