#include "views/about_dialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace fs {

AboutDialog::AboutDialog(const QString &storePath, QWidget *parent) : QDialog(parent), storePath_(storePath)
{
    setObjectName(QStringLiteral("aboutDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/forkscope.svg")).pixmap(64, 64));
    header->addWidget(icon, 0, Qt::AlignTop);
    auto *heading = new QVBoxLayout;
    title_ = new QLabel(this);
    QFont tf = title_->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.5);
    tf.setBold(true);
    title_->setFont(tf);
    version_ = new QLabel(this);
    version_->setObjectName(QStringLiteral("aboutVersion"));
    version_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    description_ = new QLabel(this);
    description_->setWordWrap(true);
    heading->addWidget(title_);
    heading->addWidget(version_);
    heading->addWidget(description_);
    header->addLayout(heading, 1);
    layout->addLayout(header);

    auto *form = new QFormLayout;
    storeLabel_ = new QLabel(this);
    store_ = new QLabel(storePath_, this);
    store_->setObjectName(QStringLiteral("aboutStorePath"));
    store_->setTextFormat(Qt::PlainText);
    store_->setWordWrap(true);
    store_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    storeLabel_->setBuddy(store_);
    sizeLabel_ = new QLabel(this);
    size_ = new QLabel(this);
    size_->setObjectName(QStringLiteral("aboutStoreSize"));
    sizeLabel_->setBuddy(size_);
    qt_ = new QLabel(this);
    qt_->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(storeLabel_, store_);
    form->addRow(sizeLabel_, size_);
    layout->addLayout(form);
    layout->addWidget(qt_);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    retranslateUi();
}

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
    return version_->text();
}

QString AboutDialog::storeText() const
{
    return store_->text() + QLatin1Char('\n') + size_->text();
}

void AboutDialog::retranslateUi()
{
    setWindowTitle(tr("About Forkscope"));
    title_->setText(QStringLiteral("Forkscope"));
    version_->setText(tr("Version %1").arg(QCoreApplication::applicationVersion()));
    description_->setText(tr("Browse machine learning training runs and fork them at any step."));
    storeLabel_->setText(tr("Store:"));
    store_->setAccessibleName(tr("Store file"));
    sizeLabel_->setText(tr("Size on disk:"));
    size_->setAccessibleName(tr("Store size on disk"));
    const QFileInfo info(storePath_);
    if (info.exists()) {
        const qint64 bytes = storeSizeOnDisk(storePath_);
        size_->setText(tr("%1 (%2 bytes, including the write-ahead log)")
                           .arg(QLocale().formattedDataSize(bytes), QLocale().toString(bytes)));
    } else {
        size_->setText(tr("not created yet"));
    }
    qt_->setText(tr("Built with Qt %1, running on Qt %2.").arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
}

void AboutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace fs
