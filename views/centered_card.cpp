#include "views/centered_card.h"

#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

namespace forkscope {

QVBoxLayout *addCenteredCard(QWidget *page, int width, QWidget **card)
{
    auto *outer = new QVBoxLayout(page);
    outer->addStretch(2);
    *card = new QWidget(page);
    (*card)->setFixedWidth(width);
    auto *layout = new QVBoxLayout(*card);
    layout->setSpacing(12);
    outer->addWidget(*card, 0, Qt::AlignHCenter);
    outer->addStretch(3);
    return layout;
}

QLabel *addCardTitle(QWidget *card, QVBoxLayout *layout, double scale)
{
    auto *title = new QLabel(card);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * scale);
    f.setBold(true);
    title->setFont(f);
    title->setAlignment(Qt::AlignCenter);
    title->setWordWrap(true);
    layout->addWidget(title);
    return title;
}

QLabel *addCardPlainLabel(QWidget *card, QVBoxLayout *layout)
{
    auto *label = new QLabel(card);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(label);
    return label;
}

} // namespace forkscope
