#include "views/lineage/lineage_tab.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "core/error.h"
#include "core/plain_text.h"
#include "views/lineage/lineage_graph.h"
#include "views/retranslate.h"
#include "views/store_worker.h"

namespace forkscope {

LineageTab::LineageTab(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("lineageTab"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    auto *bar = new QHBoxLayout;
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("lineageSummary"));
    summary_->setTextFormat(Qt::PlainText);
    overlayFamily_ = new QPushButton(this);
    overlayFamily_->setObjectName(QStringLiteral("overlayFamilyButton"));
    overlaySelected_ = new QPushButton(this);
    overlaySelected_->setObjectName(QStringLiteral("overlaySelectedButton"));
    expandAll_ = new QPushButton(this);
    expandAll_->setObjectName(QStringLiteral("expandAllButton"));
    fit_ = new QPushButton(this);
    fit_->setObjectName(QStringLiteral("fitStepsButton"));
    bar->addWidget(summary_, 1);
    bar->addWidget(expandAll_);
    bar->addWidget(fit_);
    bar->addWidget(overlaySelected_);
    bar->addWidget(overlayFamily_);
    layout->addLayout(bar);

    stack_ = new QStackedWidget(this);
    message_ = new QLabel(stack_);
    message_->setTextFormat(Qt::PlainText);
    message_->setAlignment(Qt::AlignCenter);
    message_->setWordWrap(true);
    message_->setForegroundRole(QPalette::PlaceholderText);
    graph_ = new LineageGraph(stack_);
    stack_->addWidget(message_);
    stack_->addWidget(graph_);
    layout->addWidget(stack_, 1);

    connect(graph_, &LineageGraph::openRunRequested, this, &LineageTab::openRunRequested);
    connect(graph_, &LineageGraph::overlayRequested, this, &LineageTab::overlayRequested);
    connect(graph_, &LineageGraph::forkRequested, this, &LineageTab::forkRequested);
    connect(graph_, &LineageGraph::selectionChanged, this, &LineageTab::updateButtons);
    connect(overlayFamily_, &QPushButton::clicked, this, [this] {
        graph_->selectAll();
        emit overlayRequested(graph_->selectedKeys());
    });
    connect(overlaySelected_, &QPushButton::clicked, this, [this] { emit overlayRequested(graph_->selectedKeys()); });
    connect(expandAll_, &QPushButton::clicked, graph_, &LineageGraph::expandAll);
    connect(fit_, &QPushButton::clicked, graph_, &LineageGraph::fitAll);

    retranslateOnLanguageChange(this, [this] {
        overlayFamily_->setText(tr("Select family"));
        overlayFamily_->setToolTip(tr("Select every run of the family and overlay them in Charts"));
        overlaySelected_->setText(tr("Overlay selected"));
        overlaySelected_->setToolTip(tr("Overlay the runs chosen with Ctrl+click in Charts"));
        expandAll_->setText(tr("Expand all"));
        fit_->setText(tr("Fit steps"));
        fit_->setToolTip(tr("Show every step (Ctrl+wheel zooms, dragging pans)"));
        graph_->setAccessibleName(tr("Family of forks"));
        updateButtons();
    });
    message_->setText(tr("No run is open."));
    updateButtons();
}

void LineageTab::attach(StoreWorker *worker)
{
    worker_ = worker;
}

void LineageTab::setRun(qint64 runKey)
{
    runKey_ = runKey;
    stale_ = true;
    if (isVisible())
        load();
}

void LineageTab::reload()
{
    setRun(runKey_);
}

const RunFamily *LineageTab::family() const
{
    return graph_->family();
}

void LineageTab::setForkBlocked(const QString &reason)
{
    graph_->setForkBlocked(reason);
}

void LineageTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (stale_)
        load();
}

void LineageTab::load()
{
    stale_ = false;
    if (!worker_ || runKey_ == 0) {
        message_->setText(tr("No run is open."));
        stack_->setCurrentWidget(message_);
        return;
    }
    const qint64 key = runKey_;
    if (loadedKey_ != key && !graph_->family())
        message_->setText(tr("Reading the family…"));
    loading_ = true;
    worker_->post(
        this,
        [this, key](Store &store) -> StoreWorker::Done {
            try {
                auto family = std::make_shared<const RunFamily>(readRunFamily(store, key));
                return [this, key, family] {
                    loading_ = false;
                    if (key == runKey_)
                        showFamily(family, key);
                };
            } catch (const Error &e) {
                const QString message = e.message();
                return [this, key, message] {
                    loading_ = false;
                    if (key != runKey_)
                        return;
                    message_->setText(tr("The family of this run cannot be read: %1").arg(escapeControls(message)));
                    stack_->setCurrentWidget(message_);
                };
            }
        },
        QStringLiteral("lineage"));
}

void LineageTab::showFamily(std::shared_ptr<const RunFamily> family, qint64 runKey)
{
    loadedKey_ = runKey;
    graph_->setFamily(std::move(family), runKey);
    stack_->setCurrentWidget(graph_);
    updateButtons();
}

void LineageTab::updateButtons()
{
    const RunFamily *family = graph_->family();
    const int size = family ? int(family->size) : 0;
    summary_->setText(
        family ? tr("%n run(s) in the family of %1", nullptr, size).arg(escapeControls(family->root.run.name))
               : QString());
    overlayFamily_->setEnabled(size > 1);
    overlaySelected_->setEnabled(!graph_->selectedKeys().isEmpty());
    expandAll_->setEnabled(size > 1);
}

} // namespace forkscope
