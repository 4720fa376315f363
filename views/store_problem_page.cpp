#include "views/store_problem_page.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "views/centered_card.h"
#include "views/retranslate.h"

namespace forkscope {

StoreProblemPage::StoreProblemPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("storeProblemPage"));
    QWidget *card = nullptr;
    QVBoxLayout *layout = addCenteredCard(this, 620, &card);
    QLabel *title = addCardTitle(card, layout, 1.5);
    path_ = addCardPlainLabel(card, layout);
    path_->setObjectName(QStringLiteral("storeProblemPath"));
    path_->setForegroundRole(QPalette::PlaceholderText);
    reasonLabel_ = addCardPlainLabel(card, layout);
    reasonLabel_->setObjectName(QStringLiteral("storeProblemReason"));

    auto *buttons = new QHBoxLayout;
    open_ = new QPushButton(card);
    open_->setObjectName(QStringLiteral("openAnotherStoreButton"));
    open_->setDefault(true);
    create_ = new QPushButton(card);
    create_->setObjectName(QStringLiteral("createStoreButton"));
    buttons->addStretch(1);
    buttons->addWidget(open_);
    buttons->addWidget(create_);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    note_ = addCardPlainLabel(card, layout);
    note_->setObjectName(QStringLiteral("storeProblemNote"));
    note_->hide();

    retranslateOnLanguageChange(this, [this, title] {
        title->setText(tr("This file cannot be opened as a Forkscope store"));
        open_->setText(tr("&Open another store…"));
        create_->setText(tr("&Create a new store…"));
        if (!storePath_.isEmpty())
            path_->setText(tr("Store: %1").arg(storePath_));
    });
    connect(open_, &QPushButton::clicked, this, &StoreProblemPage::chooseExisting);
    connect(create_, &QPushButton::clicked, this, &StoreProblemPage::chooseNew);
}

void StoreProblemPage::setProblem(const QString &storePath, const QString &reason)
{
    storePath_ = storePath;
    reason_ = reason;
    path_->setText(tr("Store: %1").arg(storePath));
    reasonLabel_->setText(reason);
    open_->setFocus();
}

void StoreProblemPage::chooseExisting()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open a Forkscope store"), QFileInfo(storePath_).absolutePath(),
                                     tr("Forkscope stores (*.sqlite);;All files (*)"));
    if (!path.isEmpty())
        emit storeChosen(path);
}

void StoreProblemPage::chooseNew()
{
    QFileDialog dialog(this, tr("Create a new Forkscope store"), QFileInfo(storePath_).absolutePath(),
                       tr("Forkscope stores (*.sqlite)"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("sqlite"));
    // An existing file is never replaced: a new store needs a new name.
    dialog.setOption(QFileDialog::DontConfirmOverwrite);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    if (QFileInfo::exists(path)) {
        note_->setText(tr("'%1' already exists and was left untouched. Choose a new name to create a store, or "
                          "open that file with “Open another store…”.")
                           .arg(path));
        note_->show();
        return;
    }
    note_->hide();
    emit storeChosen(path);
}

} // namespace forkscope
