#pragma once

#include <QStyledItemDelegate>

namespace fs {

// Paints the run table's colour swatch and state badge from model roles,
// keeping colours out of the QtCore-only models.
class RunTableDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace fs
