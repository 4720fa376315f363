#include "views/fork/override_delegate.h"

#include "itemmodels/json_tree_model.h"

namespace forkscope {

void OverrideDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(JsonTreeModel::OverriddenRole).toBool()) {
        option->font.setBold(true);
        option->backgroundBrush = QColor(255, 236, 179);
        option->palette.setColor(QPalette::Text, QColor(0x5f3b00));
    }
}

} // namespace forkscope
