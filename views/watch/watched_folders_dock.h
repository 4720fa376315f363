#pragma once

#include <QDockWidget>

class QListWidget;
class QPushButton;

namespace forkscope {

class FolderWatchController;

// The watched folders, each with what its last look found (plain text), and
// a button to stop watching the selected one. Shown while there are any.
class WatchedFoldersDock : public QDockWidget {
    Q_OBJECT
public:
    WatchedFoldersDock(FolderWatchController *controller, QWidget *parent = nullptr);

    QListWidget *list() const { return list_; }
    QPushButton *stopButton() const { return stop_; }

private:
    void refresh();

    FolderWatchController *controller_;
    QListWidget *list_ = nullptr;
    QPushButton *stop_ = nullptr;
    int shownCount_ = -1;
};

} // namespace forkscope
