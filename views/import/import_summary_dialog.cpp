#include "views/import/import_summary_dialog.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QTreeWidget>

#include "ui_import_summary_dialog.h"

namespace forkscope {

namespace {

QString statusText(ImportOutcome::Status status)
{
    switch (status) {
    case ImportOutcome::Status::Created: return ImportSummaryDialog::tr("Created");
    case ImportOutcome::Status::Updated: return ImportSummaryDialog::tr("Updated");
    case ImportOutcome::Status::Unchanged: return ImportSummaryDialog::tr("Unchanged");
    case ImportOutcome::Status::Failed: break;
    }
    return ImportSummaryDialog::tr("Failed");
}

QString headlineText(const ImportResult &result)
{
    const QString from = result.paths.size() == 1 ? result.paths.first()
                                                  : ImportSummaryDialog::tr("%1 locations").arg(result.paths.size());
    if (result.cancelled)
        return ImportSummaryDialog::tr("The import from %1 was cancelled. Runs finished before that are kept; the "
                                       "run being written was rolled back.")
            .arg(from);
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

ImportSummaryDialog::ImportSummaryDialog(const ImportResult &result, QWidget *parent)
    : QDialog(parent), result_(result), ui_(std::make_unique<Ui::ImportSummaryDialog>())
{
    ui_->setupUi(this);
    fill();
    resize(width(), ui_->importWarnings->count() == 0 ? 380 : 520);
}

ImportSummaryDialog::~ImportSummaryDialog() = default;

QLabel *ImportSummaryDialog::headline() const
{
    return ui_->headline;
}

QTreeWidget *ImportSummaryDialog::runTable() const
{
    return ui_->importedRuns;
}

QListWidget *ImportSummaryDialog::warningList() const
{
    return ui_->importWarnings;
}

void ImportSummaryDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui_->retranslateUi(this);
        fill();
    }
    QDialog::changeEvent(event);
}

void ImportSummaryDialog::fill()
{
    const ImportResult &result = result_;
    setWindowTitle(result.cancelled ? tr("Import cancelled") : tr("Import finished"));
    ui_->headline->setText(headlineText(result));

    qint64 skipped = 0, forks = 0;
    for (const ImportReport &r : result.reports) {
        skipped += r.skippedRuns;
        forks += r.forksLinked;
    }
    QFormLayout *form = ui_->counts;
    while (form->rowCount() > 0)
        form->removeRow(0);
    counts_.clear();
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

    QTreeWidget *runs = ui_->importedRuns;
    runs->clear();
    for (const ImportReport &r : result.reports) {
        for (const ImportOutcome &run : r.runs) {
            auto *item = new QTreeWidgetItem(runs);
            item->setText(0, statusText(run.status));
            item->setText(1, run.runPath.isEmpty() ? QStringLiteral("—") : run.runPath);
            item->setText(2, QString::number(run.rowsAdded));
            item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
            item->setText(3, run.sourcePath);
            item->setToolTip(3, run.sourcePath);
        }
    }
    for (int c = 0; c < 3; ++c)
        runs->resizeColumnToContents(c);
    runs->setVisible(runs->topLevelItemCount() > 0);

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
    ui_->warningsTitle->setText(lines.isEmpty() ? tr("No warnings.") : tr("Warnings:"));
    // List items are plain text: nothing from the files is interpreted.
    ui_->importWarnings->clear();
    ui_->importWarnings->addItems(lines);
    ui_->importWarnings->setVisible(!lines.isEmpty());
}

} // namespace forkscope
