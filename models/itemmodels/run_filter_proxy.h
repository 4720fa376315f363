#pragma once

#include <QSortFilterProxyModel>

namespace forkscope {

class RunTableModel;

// Filter-as-you-type over name, run ID and tags, and sorting on every
// column, both through the RunTableModel's typed accessors so 100 000 rows
// sort without building QVariants.
class RunFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RunFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void setFilterText(const QString &text);
    QString filterText() const { return needle_; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    RunTableModel *runs_ = nullptr;
    QString needle_;
};

} // namespace forkscope
