#pragma once

#include <QAbstractScrollArea>
#include <QSet>
#include <memory>
#include <optional>
#include <vector>

#include "itemmodels/lineage_rows.h"
#include "store/run_family.h"

class QPainter;

namespace forkscope {

// A family of forks drawn along the step axis like a branch graph: one row
// per run with its name and state on the left and a bar from its fork step
// to its last step, each fork leaving its parent's bar at its fork step, a
// label of what it changed. Only the rows and steps in view are painted, so
// families of hundreds of runs stay smooth.
//
// Mouse: click a run to open it, Ctrl+click to add it to the selection, the
// triangle collapses a subtree; Ctrl+wheel zooms the step axis around the
// pointer, the wheel scrolls the rows (sideways with Shift or a horizontal
// wheel), dragging pans; the context menu forks from the step under the
// pointer.
class LineageGraph : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit LineageGraph(QWidget *parent = nullptr);

    // Shows `family` with `currentKey` highlighted. A family with the same
    // root keeps the collapsed runs and the zoom.
    void setFamily(std::shared_ptr<const RunFamily> family, qint64 currentKey);
    const RunFamily *family() const { return family_.get(); }
    qint64 currentKey() const { return currentKey_; }
    const std::vector<LineageRow> &rows() const { return rows_; }
    int rowOf(qint64 runKey) const;

    void setCollapsed(qint64 runKey, bool collapsed);
    bool isCollapsed(qint64 runKey) const { return collapsed_.contains(runKey); }
    void expandAll();

    QList<qint64> selectedKeys() const;
    void selectAll();
    void setSelected(const QList<qint64> &keys);

    // The visible steps; fitAll() shows every run.
    double viewLo() const { return lo_; }
    double viewHi() const { return hi_; }
    void setViewRange(double lo, double hi);
    void fitAll();
    // Multiplies the visible step range by `factor` around step `anchor`.
    void zoomAt(double anchor, double factor);

    // Where `step` of the run's bar is drawn (viewport coordinates), if the
    // run's row and the step are in view.
    std::optional<QPoint> positionOf(qint64 runKey, qint64 step) const;
    // The run's label (name) column point, if its row is in view.
    std::optional<QPoint> labelPositionOf(qint64 runKey) const;
    // A read-only store: forking is off, `reason` says why.
    void setForkBlocked(const QString &reason) { forkBlocked_ = reason; }
    // How many rows the last paint drew (they follow the viewport, not the family).
    int paintedRows() const { return paintedRows_; }

    // The tool tip of a row: name, path, state, steps and the full config diff, as plain text.
    QString rowToolTip(int row) const;

signals:
    void openRunRequested(qint64 runKey);
    void forkRequested(qint64 runKey, qint64 step);
    void overlayRequested(const QList<qint64> &runKeys);
    void selectionChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void relayout();
    void updateScrollBar();
    int rowAt(int y) const;
    int rowTop(int row) const;
    double xOfStep(double step) const;
    double stepOfX(double x) const;
    int plotLeft() const;
    int plotRight() const;
    bool onToggle(int row, const QPoint &at) const;
    void paintAxis(QPainter &p) const;
    void paintRow(QPainter &p, int row) const;
    void paintConnectors(QPainter &p, int firstRow, int lastRow) const;

    std::shared_ptr<const RunFamily> family_;
    std::vector<LineageRow> rows_;
    QSet<qint64> collapsed_;
    QSet<qint64> selected_;
    qint64 currentKey_ = 0;
    double lo_ = 0.0;
    double hi_ = 1.0;
    QString forkBlocked_;
    QPoint pressAt_;
    QPoint lastDrag_;
    bool dragging_ = false;
    bool pressed_ = false;
    mutable int paintedRows_ = 0;
};

} // namespace forkscope
