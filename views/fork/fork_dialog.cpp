#include "views/fork/fork_dialog.h"

#include <QEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QPromise>
#include <QPushButton>
#include <QThreadPool>

#include "core/error.h"
#include "identity/display_name.h"
#include "identity/fork_spec.h"
#include "itemmodels/json_tree_model.h"
#include "launch/command_split.h"
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
    // A step typed out of range is explained at once, and cannot be created.
    connect(ui_->forkStep, &StepSpinBox::problemChanged, this, [this](const QString &problem) {
        if (problem.isEmpty())
            ui_->forkError->hide();
        else
            showError(problem);
        updateButtons();
    });

    startButton_ = ui_->buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    startButton_->setObjectName(QStringLiteral("createAndStartButton"));
    connect(startButton_, &QPushButton::clicked, this, [this] { create(AfterCreate::StartTraining); });
    if (const auto recorded = recordedCommand(source.metadata)) {
        ui_->commandEdit->setText(joinCommand(recorded->arguments));
        ui_->workingFolderEdit->setText(recorded->workingFolder);
    }
    ui_->argumentsView->setForegroundRole(QPalette::PlaceholderText);
    connect(ui_->commandEdit, &QLineEdit::textChanged, this, &ForkDialog::updateLaunch);
    connect(ui_->browseFolderButton, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Working folder of the training"),
                                                                 ui_->workingFolderEdit->text());
        if (!folder.isEmpty())
            ui_->workingFolderEdit->setText(folder);
    });
    ui_->checkpointLabel->setForegroundRole(QPalette::PlaceholderText);
    ui_->checkpointWarning->hide();
    connect(ui_->forkStep, &StepSpinBox::valueChanged, this, &ForkDialog::updateCheckpoint);
    worker_->post(this, [this, runKey = source.key](Store &store) -> StoreWorker::Done {
        std::vector<Checkpoint> list = store.checkpoints(runKey);
        return [this, list = std::move(list)] {
            checkpoints_ = list;
            updateCheckpoint();
        };
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
    startButton_->setText(tr("Create and &start training"));
    updateCheckpoint();
    updateLaunch();
}

QLineEdit *ForkDialog::commandEdit() const
{
    return ui_->commandEdit;
}

QLineEdit *ForkDialog::workingFolderEdit() const
{
    return ui_->workingFolderEdit;
}

QString ForkDialog::argumentsText() const
{
    return ui_->argumentsView->text();
}

void ForkDialog::updateLaunch()
{
    launchArguments_.clear();
    launchProblem_.clear();
    const QString text = ui_->commandEdit->text();
    if (text.trimmed().isEmpty()) {
        launchProblem_ = tr("%1 recorded no command: enter the command that starts its training").arg(source_.name);
    } else {
        try {
            launchArguments_ = splitCommand(text);
        } catch (const Error &e) {
            launchProblem_ = e.message();
        }
    }
    if (launchProblem_.isEmpty()) {
        // Every argument on its own line, as the program will get it.
        QStringList lines{tr("Started without a shell, with FORKSCOPE_RUN_ID set to the new fork; arguments:")};
        for (int i = 0; i < launchArguments_.size(); ++i)
            lines << tr("%1: %2").arg(i).arg(launchArguments_[i]);
        ui_->argumentsView->setText(lines.join(QLatin1Char('\n')));
    } else {
        ui_->argumentsView->setText(launchProblem_);
    }
    updateButtons();
}

void ForkDialog::updateButtons()
{
    const bool canCreate = source_.lastStep().has_value() && ui_->forkStep->problem().isEmpty() && !creating_;
    createButton()->setEnabled(canCreate);
    startButton_->setEnabled(canCreate && launchProblem_.isEmpty());
    startButton_->setToolTip(launchProblem_.isEmpty() ? QString() : Qt::convertFromPlainText(launchProblem_));
}

QString ForkDialog::checkpointText() const
{
    return ui_->checkpointLabel->text();
}

QString ForkDialog::checkpointWarning() const
{
    return ui_->checkpointWarning->isHidden() ? QString() : ui_->checkpointWarning->text();
}

bool ForkDialog::checkpointSettled() const
{
    if (!checkpoints_)
        return false;
    const auto resume = checkpointToResume(*checkpoints_, ui_->forkStep->value());
    return !resume || fileStates_.contains(resume->key);
}

void ForkDialog::updateCheckpoint()
{
    QLabel *label = ui_->checkpointLabel;
    QLabel *warning = ui_->checkpointWarning;
    if (!checkpoints_) {
        label->setText(tr("Reading the source's checkpoints…"));
        warning->hide();
        return;
    }
    const qint64 step = ui_->forkStep->value();
    if (checkpoints_->empty()) {
        label->setText(tr("None: the source recorded no checkpoints"));
        label->setForegroundRole(QPalette::PlaceholderText);
        warning->hide();
        return;
    }
    label->setForegroundRole(QPalette::WindowText);
    const auto resume = checkpointToResume(*checkpoints_, step);
    label->setText(resume ? tr("step %1 · %2").arg(resume->step).arg(resume->path)
                          : tr("None at or before step %1").arg(step));
    QStringList problems;
    if (!resume || resume->step != step) {
        const auto nearest = nearestCheckpoint(*checkpoints_, step);
        const qint64 apart = nearest ? std::abs(step - nearest->step) : 0;
        // Whole sentences per case (English has no "(s)" to fill in; steps
        // apart can exceed what %n takes).
        QString text;
        if (nearest && nearest->step < step)
            text = apart == 1 ? tr("No checkpoint at step %1. Nearest checkpoint is step %2, 1 step earlier.")
                              : tr("No checkpoint at step %1. Nearest checkpoint is step %2, %3 steps earlier.");
        else if (nearest)
            text = apart == 1 ? tr("No checkpoint at step %1. Nearest checkpoint is step %2, 1 step later.")
                              : tr("No checkpoint at step %1. Nearest checkpoint is step %2, %3 steps later.");
        if (nearest)
            problems << (apart == 1 ? text.arg(step).arg(nearest->step) : text.arg(step).arg(nearest->step).arg(apart));
    }
    if (resume) {
        const auto state = fileStates_.find(resume->key);
        if (state == fileStates_.end())
            checkFile(*resume);
        else if (!state->exists)
            problems << tr("The checkpoint file is missing: %1").arg(resume->path);
        else if (!state->matches)
            problems << tr("The checkpoint file has changed since it was registered (its size or SHA-256 differs): "
                           "%1")
                            .arg(resume->path);
    }
    warning->setText(problems.join(QLatin1Char('\n')));
    warning->setVisible(!problems.isEmpty());
}

void ForkDialog::checkFile(const Checkpoint &checkpoint)
{
    if (checking_.value(checkpoint.key))
        return;
    checking_.insert(checkpoint.key, true);
    // Hashing a large file takes a while: on the thread pool, never the UI
    // thread or the store's worker. The watcher dies with the dialog, so a
    // late answer goes nowhere.
    auto promise = std::make_shared<QPromise<CheckpointFileState>>();
    auto *watcher = new QFutureWatcher<CheckpointFileState>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, key = checkpoint.key] {
        watcher->deleteLater();
        checking_.remove(key);
        // No result reads as a missing file rather than being asked again.
        fileStates_.insert(key,
                           watcher->future().resultCount() > 0 ? watcher->future().result() : CheckpointFileState{});
        updateCheckpoint();
    });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, checkpoint] {
        promise->addResult(checkCheckpointFile(checkpoint));
        promise->finish();
    });
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
    create(AfterCreate::Nothing);
}

void ForkDialog::create(AfterCreate after)
{
    if (creating_)
        return;
    if (!ui_->forkStep->problem().isEmpty()) {
        showError(ui_->forkStep->problem());
        return;
    }
    LaunchCommand command;
    if (after == AfterCreate::StartTraining) {
        if (!launchProblem_.isEmpty()) {
            showError(launchProblem_);
            return;
        }
        command.arguments = launchArguments_;
        command.workingFolder = ui_->workingFolderEdit->text().trimmed();
        // Said before the fork exists: a fork made for training that cannot start is clutter.
        if (const QString problem = launchCommandProblem(command); !problem.isEmpty()) {
            showError(problem);
            return;
        }
    }
    creating_ = true;
    updateButtons();
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
    worker_->post(this, [this, spec, options, after, command](Store &store) -> StoreWorker::Done {
        try {
            RunInfo fork = store.createFork(ForkSpec::parse(spec), options);
            return [this, fork, after, command] {
                creating_ = false;
                emit forkCreated(fork);
                if (after == AfterCreate::StartTraining)
                    emit startTrainingRequested(fork, command);
                QDialog::accept();
            };
        } catch (const Error &e) {
            const QString message = e.message();
            return [this, message] {
                creating_ = false;
                updateButtons();
                showError(message);
            };
        }
    });
}

} // namespace forkscope
