#include "views/watch/watched_folders_dock.h"

#include <QColor>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "views/retranslate.h"
#include "views/watch/folder_watch_controller.h"

namespace forkscope {

WatchedFoldersDock::WatchedFoldersDock(FolderWatchController *controller, QWidget *parent)
    : QDockWidget(parent), controller_(controller)
{
    setObjectName(QStringLiteral("watchedFoldersDock"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(6, 4, 6, 6);
    list_ = new QListWidget(body);
    list_->setObjectName(QStringLiteral("watchedFoldersList"));
    list_->setWordWrap(true);
    list_->setTextElideMode(Qt::ElideMiddle);
    stop_ = new QPushButton(body);
    stop_->setObjectName(QStringLiteral("stopWatchingButton"));
    stop_->setEnabled(false);
    layout->addWidget(list_, 1);
    layout->addWidget(stop_, 0, Qt::AlignRight);
    setWidget(body);

    connect(list_, &QListWidget::currentRowChanged, this, [this](int row) { stop_->setEnabled(row >= 0); });
    connect(stop_, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = list_->currentItem())
            controller_->removeFolder(item->data(Qt::UserRole).toString());
    });
    connect(controller_, &FolderWatchController::foldersChanged, this, &WatchedFoldersDock::refresh);
    retranslateOnLanguageChange(this, [this] {
        setWindowTitle(tr("Watched folders"));
        stop_->setText(tr("Stop watching"));
        stop_->setToolTip(tr("Stop following the selected folder; runs already imported stay"));
    });
    refresh();
}

void WatchedFoldersDock::refresh()
{
    const QString current = list_->currentItem() ? list_->currentItem()->data(Qt::UserRole).toString() : QString();
    list_->clear();
    for (const FolderWatchController::Folder &f : controller_->folders()) {
        // QListWidgetItem text is plain text: a path or an error cannot inject markup.
        auto *item = new QListWidgetItem(f.path + QLatin1Char('\n') + f.status, list_);
        item->setData(Qt::UserRole, f.path);
        if (f.error)
            item->setForeground(QColor(0xc0, 0x39, 0x2b));
        if (f.path == current)
            list_->setCurrentItem(item);
    }
    stop_->setEnabled(list_->currentRow() >= 0);
    // Shown when a folder is added, hidden when none is left; a status
    // update does not bring back a panel the person closed.
    const int count = int(controller_->folders().size());
    if (count != shownCount_)
        setVisible(count > 0);
    shownCount_ = count;
}

} // namespace forkscope
