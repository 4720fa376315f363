#include "views/about_dialog.h"

#include <QApplication>
#include <QEvent>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>

#include "ui_about_dialog.h"

namespace forkscope {

AboutDialog::AboutDialog(const QString &storePath, QWidget *parent)
    : QDialog(parent), storePath_(storePath), ui_(std::make_unique<Ui::AboutDialog>())
{
    ui_->setupUi(this);
    ui_->icon->setPixmap(QIcon(QStringLiteral(":/icons/forkscope.svg")).pixmap(64, 64));
    QFont tf = ui_->title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.5);
    tf.setBold(true);
    ui_->title->setFont(tf);
    ui_->qtVersions->setForegroundRole(QPalette::PlaceholderText);
    ui_->aboutStorePath->setText(storePath_);
    retranslateNumbers();
}

AboutDialog::~AboutDialog() = default;

qint64 AboutDialog::storeSizeOnDisk(const QString &storePath)
{
    qint64 total = 0;
    for (const char *suffix : {"", "-wal", "-shm"}) {
        const QFileInfo info(storePath + QLatin1String(suffix));
        if (info.exists() && info.isFile())
            total += info.size();
    }
    return total;
}

QString AboutDialog::versionText() const
{
    return ui_->aboutVersion->text();
}

QString AboutDialog::storeText() const
{
    return ui_->aboutStorePath->text() + QLatin1Char('\n') + ui_->aboutStoreSize->text();
}

void AboutDialog::retranslateNumbers()
{
    ui_->aboutVersion->setText(tr("Version %1").arg(QCoreApplication::applicationVersion()));
    const QFileInfo info(storePath_);
    if (info.exists()) {
        const qint64 bytes = storeSizeOnDisk(storePath_);
        ui_->aboutStoreSize->setText(tr("%1 (%2 bytes, including the write-ahead log)")
                                         .arg(QLocale().formattedDataSize(bytes), QLocale().toString(bytes)));
    } else {
        ui_->aboutStoreSize->setText(tr("not created yet"));
    }
    ui_->qtVersions->setText(
        tr("Built with Qt %1, running on Qt %2.").arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
}

void AboutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui_->retranslateUi(this);
        retranslateNumbers();
    }
    QDialog::changeEvent(event);
}

} // namespace forkscope
