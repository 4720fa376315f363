#include "views/runs/run_table_delegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include "itemmodels/run_table_model.h"
#include "views/run_palette.h"
#include "views/state_style.h"

namespace fs {

void RunTableDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int column = index.column();
    if (column != RunTableModel::SwatchColumn && column != RunTableModel::StateColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (column == RunTableModel::SwatchColumn) {
        const QColor color = runColor(index.data(RunTableModel::ColorIndexRole).toInt());
        const QRectF r(option.rect.center().x() - 6, option.rect.center().y() - 6, 12, 12);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawRoundedRect(r, 3, 3);
        if (index.data(RunTableModel::IsForkRole).toBool()) {
            painter->setBrush(Qt::white);
            painter->drawEllipse(r.center(), 2.2, 2.2);
        }
    } else {
        const auto state = RunState(index.data(RunTableModel::StateRole).toInt());
        const QString text = index.data(Qt::DisplayRole).toString();
        QFont font = option.font;
        font.setPointSizeF(font.pointSizeF() * 0.88);
        const QFontMetrics fm(font);
        const int w = fm.horizontalAdvance(text) + 14;
        const int h = std::min(fm.height() + 2, option.rect.height() - 4);
        const QRectF r(option.rect.left() + 4, option.rect.center().y() - h / 2.0 + 0.5, w, h);
        QPainterPath path;
        path.addRoundedRect(r, h / 2.0, h / 2.0);
        QColor bg = stateColor(state);
        bg.setAlphaF(0.14f);
        painter->fillPath(path, bg);
        painter->setFont(font);
        painter->setPen(stateColor(state).darker(120));
        painter->drawText(r, Qt::AlignCenter, text);
    }
    painter->restore();
}

} // namespace fs
