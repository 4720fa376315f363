#pragma once

#include <QDialog>
#include <map>
#include <memory>

#include "views/import/import_controller.h"

class QLabel;
class QListWidget;
class QTreeWidget;

namespace Ui {
class ImportSummaryDialog;
}

namespace forkscope {

// After an import: how many runs were created, updated, left unchanged or
// failed, each run with its rows, and every warning as plain text.
class ImportSummaryDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportSummaryDialog(const ImportResult &result, QWidget *parent = nullptr);
    ~ImportSummaryDialog() override;

    QLabel *headline() const;
    QLabel *countLabel(ImportOutcome::Status status) const { return counts_.at(status); }
    QTreeWidget *runTable() const;
    QListWidget *warningList() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    // Everything the result says, in the current language.
    void fill();

    ImportResult result_;
    std::unique_ptr<Ui::ImportSummaryDialog> ui_;
    std::map<ImportOutcome::Status, QLabel *> counts_;
};

} // namespace forkscope
