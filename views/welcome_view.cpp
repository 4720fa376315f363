#include "views/welcome_view.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "views/centered_card.h"
#include "views/retranslate.h"

namespace forkscope {

WelcomeView::WelcomeView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomeView"));
    QWidget *card = nullptr;
    QVBoxLayout *layout = addCenteredCard(this, 560, &card);

    auto *icon = new QLabel(card);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/forkscope.svg")).pixmap(72, 72));
    icon->setAlignment(Qt::AlignCenter);
    layout->addWidget(icon);
    QLabel *title = addCardTitle(card, layout, 1.8);
    auto *text = new QLabel(card);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    layout->addWidget(text);

    auto *buttons = new QHBoxLayout;
    demo_ = new QPushButton(QIcon(QStringLiteral(":/icons/demo.svg")), QString(), card);
    demo_->setObjectName(QStringLiteral("createDemoButton"));
    demo_->setDefault(true);
    import_ = new QPushButton(QIcon(QStringLiteral(":/icons/import.svg")), QString(), card);
    buttons->addStretch(1);
    buttons->addWidget(demo_);
    buttons->addWidget(import_);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    progress_ = new QProgressBar(card);
    progress_->setRange(0, 100);
    progress_->hide();
    layout->addWidget(progress_);
    status_ = new QLabel(card);
    status_->setTextFormat(Qt::PlainText);
    status_->setAlignment(Qt::AlignCenter);
    status_->setWordWrap(true);
    layout->addWidget(status_);
    store_ = addCardPlainLabel(card, layout);
    store_->setForegroundRole(QPalette::PlaceholderText);

    retranslateOnLanguageChange(this, [this, title, text] {
        title->setText(tr("Welcome to Forkscope"));
        text->setText(tr("This store has no runs yet. Create the demo project to explore runs and forks "
                         "(a 100 000-step training run, its forks, and the fork example from the W&B "
                         "documentation), or import runs from W&B, TensorBoard or MLflow."));
        demo_->setText(tr("Create &demo project"));
        import_->setText(tr("&Import runs…"));
        if (!storePath_.isEmpty())
            store_->setText(tr("Store: %1").arg(storePath_));
    });
    connect(demo_, &QPushButton::clicked, this, &WelcomeView::createDemoRequested);
    connect(import_, &QPushButton::clicked, this, &WelcomeView::importRequested);
}

void WelcomeView::setStorePath(const QString &path)
{
    storePath_ = path;
    store_->setText(tr("Store: %1").arg(path));
}

void WelcomeView::setBusy(const QString &what, int percent)
{
    demo_->setEnabled(false);
    import_->setEnabled(false);
    progress_->show();
    progress_->setValue(percent);
    status_->setText(what);
}

void WelcomeView::setReadOnly(const QString &reason)
{
    readOnly_ = reason;
    for (QPushButton *b : {demo_, import_}) {
        b->setEnabled(reason.isEmpty());
        b->setToolTip(reason);
    }
}

void WelcomeView::setIdle(const QString &error)
{
    demo_->setEnabled(readOnly_.isEmpty());
    import_->setEnabled(readOnly_.isEmpty());
    progress_->hide();
    status_->setText(error);
}

} // namespace forkscope
