#include "views/runs/project_delegate.h"

#include <QApplication>
#include <QPainter>

#include "itemmodels/project_list_model.h"

namespace forkscope {

void ProjectDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString count = QLocale().toString(index.data(ProjectListModel::RunCountRole).toLongLong());
    const QFontMetrics fm(opt.font);
    const int countWidth = fm.horizontalAdvance(count) + 14;
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QColor fg = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    textRect.setRight(textRect.right() - countWidth - 4);
    painter->save();
    painter->setPen(fg);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      fm.elidedText(text, Qt::ElideMiddle, textRect.width()));
    const QRect badge(opt.rect.right() - countWidth - 6, opt.rect.center().y() - fm.height() / 2, countWidth,
                      fm.height());
    painter->setRenderHint(QPainter::Antialiasing);
    QColor bg = fg;
    bg.setAlphaF(0.1f);
    painter->setPen(Qt::NoPen);
    painter->setBrush(bg);
    painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
    painter->setPen(fg);
    painter->drawText(badge, Qt::AlignCenter, count);
    painter->restore();
}

QSize ProjectDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setHeight(std::max(s.height(), option.fontMetrics.height() + 12));
    return s;
}

} // namespace forkscope
