#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace forkscope {

// Shown while the store has no runs: create the demo project or import.
class WelcomeView : public QWidget {
    Q_OBJECT
public:
    explicit WelcomeView(QWidget *parent = nullptr);

    void setStorePath(const QString &path);
    void setBusy(const QString &what, int percent);
    void setIdle(const QString &error = {});
    QPushButton *demoButton() const { return demo_; }
    QPushButton *importButton() const { return import_; }
    // A read-only store: demo and import stay off, `reason` as their tool tip.
    void setReadOnly(const QString &reason);

signals:
    void createDemoRequested();
    void importRequested();

private:
    QString storePath_;
    QString readOnly_;
    QLabel *store_ = nullptr;
    QPushButton *demo_ = nullptr;
    QPushButton *import_ = nullptr;
    QProgressBar *progress_ = nullptr;
    QLabel *status_ = nullptr;
};

} // namespace forkscope
