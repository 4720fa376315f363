#include "views/console/console_tab.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

#include "core/error.h"
#include "store/store.h"
#include "views/console/training_processes.h"
#include "views/retranslate.h"
#include "views/store_worker.h"

namespace forkscope {

namespace {
constexpr int kPollMs = 500;
}

ConsoleTab::ConsoleTab(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    auto *top = new QHBoxLayout;
    status_ = new QLabel(this);
    status_->setTextFormat(Qt::PlainText);
    status_->setForegroundRole(QPalette::PlaceholderText);
    stop_ = new QPushButton(this);
    stop_->setObjectName(QStringLiteral("stopTrainingButton"));
    stop_->hide();
    connect(stop_, &QPushButton::clicked, this, &ConsoleTab::confirmStop);
    top->addWidget(status_, 1);
    top->addWidget(stop_);
    layout->addLayout(top);

    // The process's own text: plain, never markup, in a fixed-width font
    // so progress bars and tables line up.
    text_ = new QPlainTextEdit(this);
    text_->setObjectName(QStringLiteral("consoleText"));
    text_->setReadOnly(true);
    text_->setLineWrapMode(QPlainTextEdit::NoWrap);
    text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text_->setMaximumBlockCount(200000);
    layout->addWidget(text_, 1);

    poll_ = new QTimer(this);
    poll_->setInterval(kPollMs);
    // While shown, or while this app's process writes: output may also come
    // from a process another program started (forkscope-cli fork --launch).
    connect(poll_, &QTimer::timeout, this, [this] {
        if (isVisible() || (processes_ && processes_->isRunning(runKey_)))
            refresh();
    });

    retranslateOnLanguageChange(this, [this] {
        stop_->setText(tr("Stop training"));
        text_->setAccessibleName(tr("Console output"));
        text_->setPlaceholderText(tr("No console output: this run's training was not started from Forkscope."));
        updateStop();
    });
}

void ConsoleTab::attach(StoreWorker *worker, TrainingProcesses *processes)
{
    worker_ = worker;
    processes_ = processes;
    connect(processes_, &TrainingProcesses::started, this, [this](qint64 key) {
        if (key == runKey_)
            updateStop();
    });
    connect(processes_, &TrainingProcesses::exited, this, [this](qint64 key) {
        if (key == runKey_) {
            refresh(); // the last lines and the end are in the store now
            updateStop();
        }
    });
}

void ConsoleTab::setRun(qint64 runKey)
{
    if (runKey == runKey_)
        return;
    runKey_ = runKey;
    lastSeq_ = 0;
    run_.reset();
    ++generation_;
    text_->clear();
    updateStop();
    refresh();
}

void ConsoleTab::refresh()
{
    if (!worker_ || runKey_ == 0)
        return;
    loading_ = true;
    const qint64 key = runKey_, after = lastSeq_;
    const int generation = generation_;
    worker_->post(
        this,
        [this, key, after, generation](Store &store) -> StoreWorker::Done {
            const std::vector<ConsoleChunk> chunks = store.console(key, after);
            // Whether a process logs the run now (Stop), read with the output.
            std::optional<RunInfo> run;
            try {
                run = store.runInfo(key);
            } catch (const Error &) { // deleted meanwhile: nothing logs it
            }
            return [this, chunks, run, generation] {
                loading_ = false;
                if (generation != generation_)
                    return;
                run_ = run;
                updateStop();
                QString added;
                for (const ConsoleChunk &c : chunks) {
                    if (c.seq <= lastSeq_)
                        continue; // two reads of the same chunks: each shown once
                    added += c.text;
                    lastSeq_ = c.seq;
                }
                if (added.isEmpty())
                    return;
                // Follow the end unless the person scrolled up to read.
                QScrollBar *bar = text_->verticalScrollBar();
                const bool atEnd = bar->value() >= bar->maximum() - 2;
                QTextCursor cursor(text_->document());
                cursor.movePosition(QTextCursor::End);
                cursor.insertText(added);
                if (atEnd)
                    bar->setValue(bar->maximum());
            };
        },
        QStringLiteral("console:%1").arg(quintptr(this)));
}

std::optional<WriterIdentity> ConsoleTab::otherWriter() const
{
    if (!run_ || run_->key != runKey_ || !run_->isBeingLogged() || !run_->writer ||
        (processes_ && processes_->isRunning(runKey_)))
        return std::nullopt;
    return run_->writer;
}

void ConsoleTab::updateStop()
{
    const bool ours = processes_ && runKey_ != 0 && processes_->isRunning(runKey_);
    const std::optional<WriterIdentity> other = otherWriter();
    stop_->setVisible(ours || other);
    if (ours)
        status_->setText(tr("Training is running; the output follows live."));
    else if (other)
        status_->setText(
            tr("Being logged by process %1 on %2; the output follows live.").arg(other->pid).arg(other->host));
    else
        status_->setText(QString());
    if (runKey_ != 0)
        poll_->start();
    else
        poll_->stop();
}

void ConsoleTab::confirmStop()
{
    if (processes_ && processes_->isRunning(runKey_)) {
        const auto answer = QMessageBox::question(
            this, tr("Stop training"),
            tr("Stop the training of this run? It gets SIGTERM, and SIGKILL if it is still running after the grace "
               "period."),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer == QMessageBox::Yes)
            processes_->stop(runKey_);
        return;
    }
    const std::optional<WriterIdentity> writer = otherWriter();
    if (!writer)
        return;
    // Not started by this window: only its pid is known, and only here does
    // that pid mean this process.
    if (!TrainingProcesses::isThisHost(writer->host)) {
        QMessageBox::information(this, tr("Stop training"), TrainingProcesses::stopWriter(*writer));
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Stop training"),
        tr("Stop process %1, which is logging this run on this computer? It gets SIGTERM; training started by "
           "Forkscope then records the run's end.")
            .arg(writer->pid),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (const QString problem = TrainingProcesses::stopWriter(*writer); !problem.isEmpty())
        QMessageBox::warning(this, tr("Stop training"), problem);
    refresh();
}

} // namespace forkscope
