#pragma once

#include <QDialog>
#include <QHash>
#include <memory>
#include <vector>

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

protected:
    void changeEvent(QEvent *event) override;

private:
    void showError(const QString &message);
    // The texts the form cannot hold: they name the source's last step.
    void retranslateNumbers();
    // Shows the checkpoint at the chosen step, checking its file once (off the UI thread).
    void updateCheckpoint();
    void checkFile(const Checkpoint &checkpoint);

    RunInfo source_;
    StoreWorker *worker_;
    std::unique_ptr<Ui::ForkDialog> ui_;
    JsonTreeModel *config_ = nullptr;
    ContinueSnippet *snippet_ = nullptr;
    bool creating_ = false;
    std::optional<std::vector<Checkpoint>> checkpoints_; // none until read
    QHash<qint64, CheckpointFileState> fileStates_;      // by checkpoint key, once checked
    QHash<qint64, bool> checking_;
};

} // namespace forkscope
