#pragma once

#include <QDialog>

#include "store/run_info.h"
#include "views/step_spin_box.h"

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTreeView;

namespace fs {

class ContinueSnippet;
class JsonTreeModel;
class StoreWorker;

// "Fork from step N": the source, the step, the new run's name, config
// overrides, notes and tags. Create forks through fs::Store::createFork on
// the worker (the CLI's rules); a refusal is shown here and the dialog stays.
class ForkDialog : public QDialog {
    Q_OBJECT
public:
    ForkDialog(const RunInfo &source, qint64 step, qint64 nameOrdinal, StoreWorker *worker,
               QWidget *parent = nullptr);

    StepSpinBox *stepBox() const { return step_; }
    QLineEdit *nameEdit() const { return name_; }
    JsonTreeModel *configModel() const { return config_; }
    QString errorText() const;
    QPushButton *createButton() const;
    ContinueSnippet *snippet() const { return snippet_; }

    void accept() override;

signals:
    void forkCreated(const fs::RunInfo &fork);

private:
    void showError(const QString &message);

    RunInfo source_;
    StoreWorker *worker_;
    StepSpinBox *step_ = nullptr;
    QLineEdit *name_ = nullptr;
    QLineEdit *tags_ = nullptr;
    QPlainTextEdit *notes_ = nullptr;
    QTreeView *configView_ = nullptr;
    JsonTreeModel *config_ = nullptr;
    QLabel *error_ = nullptr;
    QDialogButtonBox *buttons_ = nullptr;
    ContinueSnippet *snippet_ = nullptr;
    bool creating_ = false;
};

} // namespace fs
