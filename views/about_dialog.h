#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class AboutDialog;
}

namespace forkscope {

// Help → About: the version, the store in use and its size on disk.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(const QString &storePath, QWidget *parent = nullptr);
    ~AboutDialog() override;

    // The store file plus its -wal and -shm companions, in bytes.
    static qint64 storeSizeOnDisk(const QString &storePath);

    QString versionText() const;
    QString storeText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    // The texts the form cannot hold: they name the version and the store's size.
    void retranslateNumbers();

    QString storePath_;
    std::unique_ptr<Ui::AboutDialog> ui_;
};

} // namespace forkscope
