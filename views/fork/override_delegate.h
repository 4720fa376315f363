#pragma once

#include <QStyledItemDelegate>

namespace forkscope {

// Highlights rows a person changed (JsonTreeModel::OverriddenRole).
class OverrideDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace forkscope
