#pragma once

#include <QStyledItemDelegate>

namespace forkscope {

// Paints the run table's colour swatch and state badge from model roles,
// keeping colours out of the QtCore-only models.
class RunTableDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The state badge is wider than its text: fitting a column fits the badge.
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static QFont badgeFont(const QFont &font);
};

} // namespace forkscope
