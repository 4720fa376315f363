#pragma once

#include <QDialog>
#include <map>

#include "views/import_controller.h"

class QLabel;
class QListWidget;
class QTreeWidget;

namespace fs {

// After an import: how many runs were created, updated, left unchanged or
// failed, each run with its rows, and every warning as plain text.
class ImportSummaryDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportSummaryDialog(const ImportResult &result, QWidget *parent = nullptr);

    QLabel *headline() const { return headline_; }
    QLabel *countLabel(ImportOutcome::Status status) const { return counts_.at(status); }
    QTreeWidget *runTable() const { return runs_; }
    QListWidget *warningList() const { return warnings_; }

private:
    QLabel *headline_ = nullptr;
    std::map<ImportOutcome::Status, QLabel *> counts_;
    QTreeWidget *runs_ = nullptr;
    QListWidget *warnings_ = nullptr;
};

} // namespace fs
