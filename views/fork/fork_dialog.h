#pragma once

#include <QDialog>
#include <QHash>
#include <memory>
#include <vector>

#include "launch/launch_command.h"
#include "store/checkpoint.h"
#include "store/run_info.h"
#include "views/fork/step_spin_box.h"

class QLineEdit;
class QPushButton;

namespace Ui {
class ForkDialog;
}

namespace forkscope {

class ContinueSnippet;
class JsonTreeModel;
class StoreWorker;

// "Fork from step N": the source, the step, the new run's name, config
// overrides, notes and tags. Create forks through forkscope::Store::createFork on
// the worker (the CLI's rules); a refusal is shown here and the dialog stays.
class ForkDialog : public QDialog {
    Q_OBJECT
public:
    ForkDialog(const RunInfo &source, qint64 step, qint64 nameOrdinal, StoreWorker *worker, QWidget *parent = nullptr);
    ~ForkDialog() override;

    StepSpinBox *stepBox() const;
    QLineEdit *nameEdit() const;
    JsonTreeModel *configModel() const { return config_; }
    QString errorText() const;
    QPushButton *createButton() const;
    // "Create and start training": creates the fork, then asks for the
    // command shown (split like a shell would, run without one) to start attached to it.
    QPushButton *startButton() const { return startButton_; }
    QLineEdit *commandEdit() const;
    QLineEdit *workingFolderEdit() const;
    // The arguments as they will be started, one a line (plain text).
    QString argumentsText() const;
    // Why training cannot be started (plain text; empty when it can).
    QString launchProblem() const { return launchProblem_; }
    ContinueSnippet *snippet() const { return snippet_; }
    // The checkpoint the fork starts from ("step N · path"), and what is
    // wrong with it (no checkpoint at the step, a missing or changed file).
    QString checkpointText() const;
    QString checkpointWarning() const;
    // The source's checkpoints are read and the resumed one's file checked.
    bool checkpointSettled() const;

    void accept() override;

signals:
    void forkCreated(const forkscope::RunInfo &fork);
    // After forkCreated, when the person chose to start training.
    void startTrainingRequested(const forkscope::RunInfo &fork, const forkscope::LaunchCommand &command);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showError(const QString &message);
    // The texts the form cannot hold: they name the source's last step.
    void retranslateNumbers();
    // Shows the checkpoint at the chosen step, checking its file once (off the UI thread).
    void updateCheckpoint();
    void checkFile(const Checkpoint &checkpoint);
    // The command's arguments, or why it cannot be started.
    void updateLaunch();
    void updateButtons();
    enum class AfterCreate { Nothing, StartTraining };
    void create(AfterCreate after);

    RunInfo source_;
    StoreWorker *worker_;
    std::unique_ptr<Ui::ForkDialog> ui_;
    JsonTreeModel *config_ = nullptr;
    ContinueSnippet *snippet_ = nullptr;
    bool creating_ = false;
    QPushButton *startButton_ = nullptr;
    QStringList launchArguments_;
    QString launchProblem_;
    std::optional<std::vector<Checkpoint>> checkpoints_; // none until read
    QHash<qint64, CheckpointFileState> fileStates_;      // by checkpoint key, once checked
    QHash<qint64, bool> checking_;
};

} // namespace forkscope
