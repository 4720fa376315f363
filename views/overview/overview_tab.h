#pragma once

#include <QWidget>

#include "views/overview/run_details.h"

class QGridLayout;
class QLabel;
class QLineEdit;
class QMenu;
class QToolButton;

namespace forkscope {

class ContinueSnippet;
class KeyValueView;

// A run's Overview: identity, state, metadata, fork links, how to continue
// it, config and summary; the "…" menu of run actions at the top right.
class OverviewTab : public QWidget {
    Q_OBJECT
public:
    explicit OverviewTab(QWidget *parent = nullptr);

    void setDetails(const RunDetails &details, const QString &storePath);
    const RunDetails &details() const { return details_; }
    QToolButton *actionsButton() const { return actionsButton_; }
    QMenu *actionsMenu() const { return menu_; }
    QLineEdit *nameEdit() const { return name_; }
    ContinueSnippet *continueSnippet() const { return snippet_; }
    void startRename();
    // A read-only store: fork, rename and delete off, `reason` as their tip.
    void setReadOnly(const QString &reason);

signals:
    void renameRequested(qint64 runKey, const QString &name);
    void forkRequested(qint64 runKey, qint64 step);
    void deleteRequested(qint64 runKey);
    void openRunRequested(qint64 runKey);
    void statusMessage(const QString &message);

private:
    QLabel *addField(const char *label);
    void copy(const QString &text, const QString &what);
    void commitName();
    void showArchived();

    RunDetails details_;
    QLineEdit *name_ = nullptr;
    QLabel *state_ = nullptr;
    QToolButton *actionsButton_ = nullptr;
    QMenu *menu_ = nullptr;
    QLabel *forkedFrom_ = nullptr;
    QLabel *configChanges_ = nullptr;
    QLabel *forks_ = nullptr;
    QLabel *archived_ = nullptr;
    QGridLayout *fields_ = nullptr;
    QLabel *runId_ = nullptr, *immutableId_ = nullptr, *path_ = nullptr, *created_ = nullptr, *runtime_ = nullptr,
           *host_ = nullptr, *command_ = nullptr, *git_ = nullptr, *notes_ = nullptr, *tags_ = nullptr;
    ContinueSnippet *snippet_ = nullptr;
    KeyValueView *config_ = nullptr;
    KeyValueView *summary_ = nullptr;
    QAction *forkAction_ = nullptr;
    QAction *copySpecAction_ = nullptr;
    QAction *renameAction_ = nullptr;
    QAction *deleteAction_ = nullptr;
    QString readOnly_;
};

} // namespace forkscope
