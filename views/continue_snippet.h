#pragma once

#include <QFrame>

class QLabel;

namespace fs {

// How to keep logging to a run from a script: the forkscope-cli command and
// the C++ init call, each with a copy button.
class ContinueSnippet : public QFrame {
    Q_OBJECT
public:
    explicit ContinueSnippet(QWidget *parent = nullptr);
    void setRun(const QString &runPath, const QString &immutableId, const QString &storePath);
    QString cliCommand() const { return cli_; }
    QString cppSnippet() const { return cpp_; }

signals:
    void copied(const QString &what);

private:
    QWidget *codeRow(QLabel *code, const char *what, const std::function<QString()> &text);

    QLabel *cliLabel_ = nullptr;
    QLabel *cppLabel_ = nullptr;
    QString cli_;
    QString cpp_;
};

} // namespace fs
