#include "views/runs/run_table_delegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include "itemmodels/run_page_model.h"
#include "views/run_palette.h"
#include "views/state_style.h"

namespace forkscope {

namespace {

constexpr int kBadgeInset = 4;    // from the cell's left edge
constexpr int kBadgePadding = 14; // around the text, inside the badge

} // namespace

QFont RunTableDelegate::badgeFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.88);
    return small;
}

QSize RunTableDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize hint = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == RunPageModel::StateColumn) {
        const int badge = QFontMetrics(badgeFont(option.font)).horizontalAdvance(index.data().toString());
        hint.setWidth(std::max(hint.width(), badge + kBadgePadding + 2 * kBadgeInset));
    }
    return hint;
}

void RunTableDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int column = index.column();
    if (column != RunPageModel::SwatchColumn && column != RunPageModel::StateColumn) {
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
    if (column == RunPageModel::SwatchColumn) {
        const QColor color = runColor(index.data(RunPageModel::ColorIndexRole).toInt());
        const QRectF r(option.rect.center().x() - 6, option.rect.center().y() - 6, 12, 12);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawRoundedRect(r, 3, 3);
        if (index.data(RunPageModel::IsForkRole).toBool()) {
            painter->setBrush(Qt::white);
            painter->drawEllipse(r.center(), 2.2, 2.2);
        }
    } else {
        const auto state = RunState(index.data(RunPageModel::StateRole).toInt());
        const QString text = index.data(Qt::DisplayRole).toString();
        const QFont font = badgeFont(option.font);
        const QFontMetrics fm(font);
        const int w = fm.horizontalAdvance(text) + kBadgePadding;
        const int h = std::min(fm.height() + 2, option.rect.height() - 4);
        const QRectF r(option.rect.left() + kBadgeInset, option.rect.center().y() - h / 2.0 + 0.5, w, h);
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

} // namespace forkscope
