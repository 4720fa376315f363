#pragma once

#include <QObject>
#include <memory>

#include "views/main_window.h"

namespace forkscope {

// Owns the app's main window. A window's workers, controllers and state
// belong to its store, so opening another store (from the page shown when
// a store cannot be opened) replaces the window with one on the new store,
// in the same place and language.
class StoreWindowHost : public QObject {
    Q_OBJECT
public:
    explicit StoreWindowHost(const MainWindow::Options &options, QObject *parent = nullptr);
    ~StoreWindowHost() override;

    MainWindow *window() const { return window_.get(); }
    void openStore(const QString &path);

signals:
    // Settings → Language in whichever window is shown.
    void languageChosen(const QString &code);
    void windowReplaced(forkscope::MainWindow *window);

private:
    void adopt(std::unique_ptr<MainWindow> window);

    MainWindow::Options options_;
    std::unique_ptr<MainWindow> window_;
};

} // namespace forkscope
