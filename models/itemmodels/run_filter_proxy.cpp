#include "itemmodels/run_filter_proxy.h"

#include "itemmodels/run_table_model.h"

namespace forkscope {

RunFilterProxy::RunFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(RunTableModel::SortRole);
}

void RunFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    runs_ = qobject_cast<RunTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void RunFilterProxy::setFilterText(const QString &text)
{
    const QString needle = text.trimmed();
    if (needle == needle_)
        return;
    needle_ = needle;
    invalidateRowsFilter();
}

bool RunFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (needle_.isEmpty() || sourceParent.isValid())
        return true;
    if (runs_)
        return runs_->matches(sourceRow, needle_);
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

bool RunFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (runs_)
        return runs_->lessThan(left.row(), right.row(), left.column());
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace forkscope
