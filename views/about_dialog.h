#pragma once

#include <QDialog>

class QLabel;

namespace fs {

// Help → About: the version, the store in use and its size on disk.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(const QString &storePath, QWidget *parent = nullptr);

    // The store file plus its -wal and -shm companions, in bytes.
    static qint64 storeSizeOnDisk(const QString &storePath);

    QString versionText() const;
    QString storeText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QString storePath_;
    QLabel *title_ = nullptr;
    QLabel *version_ = nullptr;
    QLabel *description_ = nullptr;
    QLabel *storeLabel_ = nullptr;
    QLabel *store_ = nullptr;
    QLabel *sizeLabel_ = nullptr;
    QLabel *size_ = nullptr;
    QLabel *qt_ = nullptr;
};

} // namespace fs
