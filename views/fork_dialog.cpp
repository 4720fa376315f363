#include "views/fork_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

#include "core/error.h"
#include "identity/display_name.h"
#include "identity/fork_spec.h"
#include "itemmodels/json_tree_model.h"
#include "store/store.h"
#include "views/continue_snippet.h"
#include "views/override_delegate.h"
#include "views/step_spin_box.h"
#include "views/store_worker.h"

namespace fs {

ForkDialog::ForkDialog(const RunInfo &source, qint64 step, qint64 nameOrdinal, StoreWorker *worker, QWidget *parent)
    : QDialog(parent), source_(source), worker_(worker)
{
    setObjectName(QStringLiteral("forkDialog"));
    setWindowTitle(tr("Fork run"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/fork.svg")));
    resize(640, 860);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto *sourceLabel = new QLabel(tr("%1 (%2)").arg(source.name, source.runId), this);
    sourceLabel->setTextFormat(Qt::PlainText);
    sourceLabel->setObjectName(QStringLiteral("sourceLabel"));
    sourceLabel->setToolTip(source.path().toString());
    form->addRow(tr("Source run:"), sourceLabel);

    const qint64 last = source.lastStep().value_or(-1);
    auto *stepRow = new QHBoxLayout;
    step_ = new StepSpinBox(this);
    step_->setObjectName(QStringLiteral("forkStep"));
    step_->setRange(0, std::max<qint64>(last, 0));
    step_->setValue(step);
    step_->setAccessibleName(tr("Fork step"));
    auto *stepHint = new QLabel(last >= 0 ? tr("inherits steps 0 – N; the fork logs from N + 1 (last step: %1)").arg(last)
                                          : tr("the source has no history yet"), this);
    stepHint->setForegroundRole(QPalette::PlaceholderText);
    stepRow->addWidget(step_);
    stepRow->addWidget(stepHint, 1);
    // The label's mnemonic needs a buddy: with a layout as the row's field,
    // addRow(text, layout) gives it none and shows the '&'.
    auto *stepLabel = new QLabel(tr("Fork at &step:"), this);
    stepLabel->setObjectName(QStringLiteral("forkStepLabel"));
    stepLabel->setBuddy(step_);
    form->addRow(stepLabel, stepRow);

    name_ = new QLineEdit(generateDisplayName(nameOrdinal), this);
    name_->setObjectName(QStringLiteral("forkName"));
    name_->setAccessibleName(tr("New run name"));
    form->addRow(tr("New run &name:"), name_);

    config_ = new JsonTreeModel(this);
    config_->setEditable(true);
    config_->setJson(source.config);
    configView_ = new QTreeView(this);
    configView_->setModel(config_);
    configView_->setItemDelegate(new OverrideDelegate(configView_));
    configView_->setAlternatingRowColors(true);
    configView_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                 | QAbstractItemView::AnyKeyPressed);
    configView_->setRootIsDecorated(!config_->isFlat());
    configView_->expandAll();
    configView_->setColumnWidth(0, 200);
    configView_->setAccessibleName(tr("Config of the fork"));
    configView_->setMinimumHeight(180);
    form->addRow(tr("&Config:"), configView_);
    auto *configHint = new QLabel(tr("Double-click a value to override it; changed keys are highlighted."), this);
    configHint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), configHint);

    notes_ = new QPlainTextEdit(this);
    notes_->setObjectName(QStringLiteral("forkNotes"));
    notes_->setAccessibleName(tr("Notes of the fork"));
    notes_->setPlaceholderText(tr("Why this fork?"));
    notes_->setFixedHeight(70);
    notes_->setTabChangesFocus(true);
    form->addRow(tr("N&otes:"), notes_);

    tags_ = new QLineEdit(source.tags.join(QStringLiteral(", ")), this);
    tags_->setObjectName(QStringLiteral("forkTags"));
    tags_->setAccessibleName(tr("Tags of the fork"));
    tags_->setPlaceholderText(tr("comma-separated"));
    form->addRow(tr("&Tags:"), tags_);
    layout->addLayout(form, 1);

    snippet_ = new ContinueSnippet(this);
    const auto showSpec = [this, storePath = worker->storePath()](qint64 step) {
        snippet_->setFork(formatForkSpec(source_.immutableId, step), storePath);
    };
    showSpec(step_->value());
    connect(step_, &StepSpinBox::valueChanged, this, showSpec);
    snippet_->setVisible(last >= 0);
    layout->addWidget(snippet_);

    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("forkError"));
    error_->setTextFormat(Qt::PlainText);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; background: #fce8e6; border-radius: 4px; padding: 6px; }"));
    error_->hide();
    layout->addWidget(error_);
    // A step typed out of range is explained at once, and cannot be created.
    connect(step_, &StepSpinBox::problemChanged, this, [this, last](const QString &problem) {
        if (problem.isEmpty())
            error_->hide();
        else
            showError(problem);
        createButton()->setEnabled(problem.isEmpty() && last >= 0 && !creating_);
    });

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Create fork"));
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(last >= 0);
    connect(buttons_, &QDialogButtonBox::accepted, this, &ForkDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &ForkDialog::reject);
    layout->addWidget(buttons_);
    step_->setFocus();
}

QPushButton *ForkDialog::createButton() const
{
    return buttons_->button(QDialogButtonBox::Ok);
}

QString ForkDialog::errorText() const
{
    return error_->isVisible() ? error_->text() : QString();
}

void ForkDialog::showError(const QString &message)
{
    error_->setText(message);
    error_->show();
}

void ForkDialog::accept()
{
    if (creating_)
        return;
    if (!step_->problem().isEmpty()) {
        showError(step_->problem());
        return;
    }
    creating_ = true;
    createButton()->setEnabled(false);
    error_->hide();
    ForkOptions options;
    options.name = name_->text().trimmed();
    options.notes = notes_->toPlainText().trimmed();
    for (const QString &tag : tags_->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            options.tags << tag.trimmed();
    }
    options.configOverrides = config_->overrides();
    const QString spec = formatForkSpec(source_.immutableId, step_->value());
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

} // namespace fs
