#include "views/store_window_host.h"

namespace forkscope {

StoreWindowHost::StoreWindowHost(const MainWindow::Options &options, QObject *parent)
    : QObject(parent), options_(options)
{
    adopt(std::make_unique<MainWindow>(options_));
}

StoreWindowHost::~StoreWindowHost() = default;

void StoreWindowHost::adopt(std::unique_ptr<MainWindow> window)
{
    window_ = std::move(window);
    connect(window_.get(), &MainWindow::languageChosen, this, &StoreWindowHost::languageChosen);
    connect(window_.get(), &MainWindow::storeChosen, this, &StoreWindowHost::openStore, Qt::QueuedConnection);
}

void StoreWindowHost::openStore(const QString &path)
{
    options_.storePath = path;
    options_.select.clear(); // a run of the old store
    std::unique_ptr<MainWindow> old = std::move(window_);
    adopt(std::make_unique<MainWindow>(options_));
    window_->setLanguageChoice(old->languageChoice());
    window_->setGeometry(old->geometry());
    if (old->isMaximized())
        window_->showMaximized();
    else if (old->isVisible())
        window_->show();
    // Shown first, so closing the old one is never closing the last window.
    old->close();
    old.release()->deleteLater();
    emit windowReplaced(window_.get());
}

} // namespace forkscope
