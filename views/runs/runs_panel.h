#pragma once

#include <QItemSelectionModel>
#include <QWidget>

#include "itemmodels/run_page_model.h"

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QToolButton;

namespace forkscope {

// The runs of the chosen project: filter box, sortable table paged from the
// store (a header click or the filter box is a store query), column
// chooser. Selection overlays runs in the charts; double-click or Enter
// opens one.
class RunsPanel : public QWidget {
    Q_OBJECT
public:
    // `post` runs the model's store jobs (StoreWorker::post in the app).
    explicit RunsPanel(RunPageModel::Post post, QWidget *parent = nullptr);

    // Lists a project's runs in the chosen order and filter; `totalRuns`
    // (the project's count) is what a filtered count is "of".
    void setProject(qint64 projectKey, int totalRuns);
    qint64 projectKey() const { return model_->query().projectKey; }
    // The store changed: only the runs that changed are read again.
    void refresh() { model_->refresh(); }
    RunPageModel *model() const { return model_; }
    QTableView *view() const { return view_; }
    QLineEdit *filterBox() const { return filter_; }

    // The width that shows every column whole (with a vertical scroll bar).
    int fittedWidth() const;

    QList<qint64> selectedRunKeys() const;
    // Selects the run alone, or adds it to the selection (runs overlaid on
    // the charts); either way it becomes the current row.
    void selectOnly(qint64 runKey) { select(runKey, QItemSelectionModel::Clear); }
    void addToSelection(qint64 runKey) { select(runKey, QItemSelectionModel::NoUpdate); }

    // Columns chosen by the person, and the header layout, for QSettings.
    QStringList extraColumnIds() const;
    void setExtraColumnIds(const QStringList &ids);
    QByteArray headerState() const;
    void restoreHeaderState(const QByteArray &state);

signals:
    void runActivated(qint64 runKey);
    void selectionChanged();
    // The chosen project's first page is shown (after setProject()).
    void listed();

private:
    struct Selecting {
        qint64 runKey = 0;
        QItemSelectionModel::SelectionFlags extra;
        bool reveal = true; // clear a filter that hides the run
    };
    void select(const Selecting &wanted);
    void select(qint64 runKey, QItemSelectionModel::SelectionFlags extra) { select(Selecting{runKey, extra}); }
    // Selects the run at `row` once found; a run the filter hides clears it.
    void selectFound(const Selecting &wanted, int row);
    void selectRow(int row, QItemSelectionModel::SelectionFlags extra);
    void applyFilter();
    void onSortClicked(int column, Qt::SortOrder order);
    // Selects again, by run key, what a new order or filter reset.
    void keepSelection();
    void showColumnMenu();
    void updateCount();
    // Each column as wide as its header and its longest cell (within reason).
    void fitColumns();
    // Widens columns whose header text no longer fits (after a language switch).
    void fitHeaders();

    QLineEdit *filter_ = nullptr;
    QLabel *count_ = nullptr;
    QToolButton *columns_ = nullptr;
    QTableView *view_ = nullptr;
    RunPageModel *model_ = nullptr;
    QTimer *selectionTimer_ = nullptr;
    QTimer *filterTimer_ = nullptr;
    int totalRuns_ = 0;
    int sortColumn_ = RunPageModel::CreatedColumn;
    Qt::SortOrder sortOrder_ = Qt::DescendingOrder;
    bool projectChanged_ = false;
    // Selection kept over a reset, and selections waiting for locate().
    QList<qint64> keptSelection_;
    qint64 keptCurrent_ = 0;
    int locating_ = 0;
    // Until the first runs arrive, or a saved header layout was restored.
    bool fitOnLoad_ = true;
};

} // namespace forkscope
