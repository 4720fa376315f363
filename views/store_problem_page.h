#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace forkscope {

// Shown instead of the runs when the store file cannot be opened (a text
// file, another program's SQLite file, a newer Forkscope's store): why, and
// a way on — open another store or create a new one.
class StoreProblemPage : public QWidget {
    Q_OBJECT
public:
    explicit StoreProblemPage(QWidget *parent = nullptr);

    // `reason` is the models' message, shown as plain text.
    void setProblem(const QString &storePath, const QString &reason);
    QString reason() const { return reason_; }
    QPushButton *openButton() const { return open_; }
    QPushButton *createButton() const { return create_; }

signals:
    // The person chose a store file to open (or a new one to create).
    void storeChosen(const QString &path);

private:
    void chooseExisting();
    void chooseNew();

    QString storePath_;
    QString reason_;
    QLabel *path_ = nullptr;
    QLabel *reasonLabel_ = nullptr;
    QLabel *note_ = nullptr;
    QPushButton *open_ = nullptr;
    QPushButton *create_ = nullptr;
};

} // namespace forkscope
