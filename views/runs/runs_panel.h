#pragma once

#include <QItemSelectionModel>
#include <QWidget>
#include <vector>

#include "store/run_info.h"

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QToolButton;

namespace forkscope {

class RunFilterProxy;
class RunTableModel;

// The runs of the chosen project: filter box, sortable lazy table,
// column chooser. Selection overlays runs in the charts; double-click or
// Enter opens one.
class RunsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunsPanel(QWidget *parent = nullptr);

    void setRuns(std::vector<RunInfo> runs);
    RunTableModel *model() const { return model_; }
    RunFilterProxy *proxy() const { return proxy_; }
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

private:
    void select(qint64 runKey, QItemSelectionModel::SelectionFlags extra);
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
    RunTableModel *model_ = nullptr;
    RunFilterProxy *proxy_ = nullptr;
    QTimer *selectionTimer_ = nullptr;
    // Until the first runs arrive, or a saved header layout was restored.
    bool fitOnLoad_ = true;
};

} // namespace forkscope
