#include "views/import_summary_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fs {

namespace {

QString statusText(ImportOutcome::Status status)
{
    switch (status) {
    case ImportOutcome::Status::Created:
        return ImportSummaryDialog::tr("Created");
    case ImportOutcome::Status::Updated:
        return ImportSummaryDialog::tr("Updated");
    case ImportOutcome::Status::Unchanged:
        return ImportSummaryDialog::tr("Unchanged");
    case ImportOutcome::Status::Failed:
        break;
    }
    return ImportSummaryDialog::tr("Failed");
}

QString headlineText(const ImportResult &result)
{
    const QString from = result.paths.size() == 1
        ? result.paths.first()
        : ImportSummaryDialog::tr("%1 locations").arg(result.paths.size());
    if (result.cancelled)
        return ImportSummaryDialog::tr("The import from %1 was cancelled. Runs finished before that are kept; the "
                                       "run being written was rolled back.").arg(from);
    if (result.reports.empty())
        return ImportSummaryDialog::tr("Nothing was imported from %1.").arg(from);
    return ImportSummaryDialog::tr("Import from %1 finished.").arg(from);
}

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ImportSummaryDialog::ImportSummaryDialog(const ImportResult &result, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("importSummary"));
    setWindowTitle(result.cancelled ? tr("Import cancelled") : tr("Import finished"));
    auto *layout = new QVBoxLayout(this);

    qint64 skipped = 0, forks = 0;
    for (const ImportReport &r : result.reports) {
        skipped += r.skippedRuns;
        forks += r.forksLinked;
    }
    headline_ = plainLabel(headlineText(result), this);
    headline_->setWordWrap(true);
    layout->addWidget(headline_);

    auto *form = new QFormLayout;
    for (auto status : {ImportOutcome::Status::Created, ImportOutcome::Status::Updated,
                        ImportOutcome::Status::Unchanged, ImportOutcome::Status::Failed}) {
        QLabel *count = plainLabel(QString::number(result.count(status)), this);
        counts_[status] = count;
        form->addRow(statusText(status) + QLatin1Char(':'), count);
    }
    if (skipped > 0)
        form->addRow(tr("Skipped (unreadable):"), plainLabel(QString::number(skipped), this));
    if (forks > 0)
        form->addRow(tr("Forks linked:"), plainLabel(QString::number(forks), this));
    layout->addLayout(form);

    runs_ = new QTreeWidget(this);
    runs_->setObjectName(QStringLiteral("importedRuns"));
    runs_->setRootIsDecorated(false);
    runs_->setTextElideMode(Qt::ElideMiddle);
    runs_->setHeaderLabels({tr("Status"), tr("Run"), tr("Rows added"), tr("Source")});
    for (const ImportReport &r : result.reports) {
        for (const ImportOutcome &run : r.runs) {
            auto *item = new QTreeWidgetItem(runs_);
            item->setText(0, statusText(run.status));
            item->setText(1, run.runPath.isEmpty() ? QStringLiteral("—") : run.runPath);
            item->setText(2, QString::number(run.rowsAdded));
            item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
            item->setText(3, run.sourcePath);
            item->setToolTip(3, run.sourcePath);
        }
    }
    runs_->header()->setStretchLastSection(true);
    for (int c = 0; c < 3; ++c)
        runs_->resizeColumnToContents(c);
    runs_->setVisible(runs_->topLevelItemCount() > 0);
    layout->addWidget(runs_, 2);

    QStringList lines = result.errors;
    for (const ImportReport &r : result.reports) {
        for (const ImportOutcome &run : r.runs) {
            const QString who = run.runPath.isEmpty() ? run.sourcePath : run.runPath;
            if (!run.error.isEmpty())
                lines << tr("%1 failed: %2").arg(who, run.error);
            for (const QString &w : run.warnings)
                lines << tr("%1: %2").arg(who, w);
        }
        lines += r.warnings;
    }
    layout->addWidget(plainLabel(lines.isEmpty() ? tr("No warnings.") : tr("Warnings:"), this));
    // List items are plain text: nothing from the files is interpreted.
    warnings_ = new QListWidget(this);
    warnings_->setObjectName(QStringLiteral("importWarnings"));
    warnings_->setWordWrap(true);
    warnings_->setAlternatingRowColors(true);
    warnings_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    warnings_->addItems(lines);
    warnings_->setVisible(!lines.isEmpty());
    layout->addWidget(warnings_, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, lines.isEmpty() ? 380 : 520);
}

} // namespace fs
