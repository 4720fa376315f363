#include "views/fork/fork_dialog.h"

#include <QEvent>
#include <QPushButton>

#include "core/error.h"
#include "identity/display_name.h"
#include "identity/fork_spec.h"
#include "itemmodels/json_tree_model.h"
#include "store/store.h"
#include "ui_fork_dialog.h"
#include "views/fork/continue_snippet.h"
#include "views/fork/override_delegate.h"
#include "views/fork/step_spin_box.h"
#include "views/store_worker.h"

namespace forkscope {

ForkDialog::ForkDialog(const RunInfo &source, qint64 step, qint64 nameOrdinal, StoreWorker *worker, QWidget *parent)
    : QDialog(parent), source_(source), worker_(worker), ui_(std::make_unique<Ui::ForkDialog>())
{
    ui_->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/fork.svg")));

    ui_->sourceLabel->setText(tr("%1 (%2)").arg(source.name, source.runId));
    ui_->sourceLabel->setToolTip(source.path().toString());

    const qint64 last = source.lastStep().value_or(-1);
    ui_->forkStep->setRange(0, std::max<qint64>(last, 0));
    ui_->forkStep->setValue(step);
    ui_->stepHint->setForegroundRole(QPalette::PlaceholderText);

    ui_->forkName->setText(generateDisplayName(nameOrdinal));

    config_ = new JsonTreeModel(this);
    config_->setEditable(true);
    config_->setJson(source.config);
    QTreeView *configView = ui_->configView;
    configView->setModel(config_);
    configView->setItemDelegate(new OverrideDelegate(configView));
    configView->setRootIsDecorated(!config_->isFlat());
    configView->expandAll();
    configView->setColumnWidth(0, 200);
    ui_->configHint->setForegroundRole(QPalette::PlaceholderText);

    ui_->forkTags->setText(source.tags.join(QStringLiteral(", ")));

    snippet_ = new ContinueSnippet(this);
    const auto showSpec = [this, storePath = worker->storePath()](qint64 step) {
        snippet_->setFork(formatForkSpec(source_.immutableId, step), storePath);
    };
    showSpec(ui_->forkStep->value());
    connect(ui_->forkStep, &StepSpinBox::valueChanged, this, showSpec);
    snippet_->setVisible(last >= 0);
    ui_->layout->insertWidget(ui_->layout->indexOf(ui_->forkError), snippet_);

    ui_->forkError->hide();
    createButton()->setEnabled(last >= 0);
    // A step typed out of range is explained at once, and cannot be created.
    connect(ui_->forkStep, &StepSpinBox::problemChanged, this, [this, last](const QString &problem) {
        if (problem.isEmpty())
            ui_->forkError->hide();
        else
            showError(problem);
        createButton()->setEnabled(problem.isEmpty() && last >= 0 && !creating_);
    });
    connect(ui_->buttons, &QDialogButtonBox::accepted, this, &ForkDialog::accept);
    connect(ui_->buttons, &QDialogButtonBox::rejected, this, &ForkDialog::reject);
    retranslateNumbers();
    ui_->forkStep->setFocus();
}

ForkDialog::~ForkDialog() = default;

StepSpinBox *ForkDialog::stepBox() const
{
    return ui_->forkStep;
}

QLineEdit *ForkDialog::nameEdit() const
{
    return ui_->forkName;
}

void ForkDialog::retranslateNumbers()
{
    const qint64 last = source_.lastStep().value_or(-1);
    ui_->stepHint->setText(last >= 0 ? tr("inherits steps 0 – N; the fork logs from N + 1 (last step: %1)").arg(last)
                                     : tr("the source has no history yet"));
    createButton()->setText(tr("Create fork"));
}

void ForkDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui_->retranslateUi(this);
        retranslateNumbers();
    }
    QDialog::changeEvent(event);
}

QPushButton *ForkDialog::createButton() const
{
    return ui_->buttons->button(QDialogButtonBox::Ok);
}

QString ForkDialog::errorText() const
{
    return ui_->forkError->isVisible() ? ui_->forkError->text() : QString();
}

void ForkDialog::showError(const QString &message)
{
    ui_->forkError->setText(message);
    ui_->forkError->show();
}

void ForkDialog::accept()
{
    if (creating_)
        return;
    if (!ui_->forkStep->problem().isEmpty()) {
        showError(ui_->forkStep->problem());
        return;
    }
    creating_ = true;
    createButton()->setEnabled(false);
    ui_->forkError->hide();
    ForkOptions options;
    options.name = ui_->forkName->text().trimmed();
    options.notes = ui_->forkNotes->toPlainText().trimmed();
    for (const QString &tag : ui_->forkTags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            options.tags << tag.trimmed();
    }
    options.configOverrides = config_->overrides();
    const QString spec = formatForkSpec(source_.immutableId, ui_->forkStep->value());
    worker_->post(this, [this, spec, options](Store &store) -> StoreWorker::Done {
        try {
            RunInfo fork = store.createFork(ForkSpec::parse(spec), options);
            return [this, fork] {
                creating_ = false;
                emit forkCreated(fork);
                QDialog::accept();
            };
        } catch (const Error &e) {
            const QString message = e.message();
            return [this, message] {
                creating_ = false;
                createButton()->setEnabled(true);
                showError(message);
            };
        }
    });
}

} // namespace forkscope
