#pragma once

#include <QFrame>

class QLabel;

namespace forkscope {

// How to log to a run from a script, Python first (import forkscope), then
// the forkscope-cli command, then the C++ init call, each with a copy
// button. Either continues an existing run (setRun) or starts a fork from
// a spec (setFork).
class ContinueSnippet : public QFrame {
    Q_OBJECT
public:
    explicit ContinueSnippet(QWidget *parent = nullptr);
    void setRun(const QString &runPath, const QString &immutableId, const QString &storePath);
    void setFork(const QString &forkSpec, const QString &storePath);
    QString pythonSnippet() const { return python_; }
    QString cliCommand() const { return cli_; }
    QString cppSnippet() const { return cpp_; }

signals:
    void copied(const QString &what);

private:
    enum class Mode { Continue, Fork };
    QWidget *codeRow(QLabel *code, const char *what, const std::function<QString()> &text);
    void applyTexts();
    void showCode();

    Mode mode_ = Mode::Continue;
    QLabel *title_ = nullptr;
    QLabel *pythonHint_ = nullptr;
    QLabel *cliHint_ = nullptr;
    QLabel *cppHint_ = nullptr;
    QLabel *pythonLabel_ = nullptr;
    QLabel *cliLabel_ = nullptr;
    QLabel *cppLabel_ = nullptr;
    QString python_;
    QString cli_;
    QString cpp_;
};

} // namespace forkscope
