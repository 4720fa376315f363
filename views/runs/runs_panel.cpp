#include "views/runs/runs_panel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSet>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <utility>

#include "views/retranslate.h"
#include "views/runs/run_table_delegate.h"

namespace forkscope {

namespace {

constexpr int kMaxKeysInMenu = 150;
// A name or tag list longer than this is elided rather than widening the table.
constexpr int kMaxFittedWidth = 260;
// Rows measured when fitting columns: a lazy model of 100 000 runs is not walked.
constexpr int kFitRows = 500;

// Typing in the filter box asks the store once the typing pauses.
constexpr int kFilterDelayMs = 150;

QString columnId(const RunPageModel::ExtraColumn &c)
{
    return (c.source == RunPageModel::ExtraColumn::Summary ? QStringLiteral("summary:") : QStringLiteral("config:")) +
           c.key;
}

} // namespace

RunsPanel::RunsPanel(RunPageModel::Post post, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 6, 6, 0);
    filter_ = new QLineEdit(this);
    filter_->setObjectName(QStringLiteral("runFilter"));
    filter_->setClearButtonEnabled(true);
    filter_->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    count_ = new QLabel(this);
    count_->setForegroundRole(QPalette::PlaceholderText);
    columns_ = new QToolButton(this);
    columns_->setIcon(QIcon(QStringLiteral(":/icons/columns.svg")));
    columns_->setAutoRaise(true);
    bar->addWidget(filter_, 1);
    bar->addWidget(count_);
    bar->addWidget(columns_);
    layout->addLayout(bar);

    model_ = new RunPageModel(std::move(post), this);
    view_ = new QTableView(this);
    view_->setObjectName(QStringLiteral("runTable"));
    view_->setModel(model_);
    view_->setItemDelegate(new RunTableDelegate(view_));
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setShowGrid(false);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->setTextElideMode(Qt::ElideRight);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    view_->setFrameShape(QFrame::NoFrame);
    // Uniform rows: the view never measures 100 000 rows.
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 10);
    QHeaderView *header = view_->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setMinimumSectionSize(24);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setResizeContentsPrecision(kFitRows);
    // The order is the store's: a click sets the model's query (onSortClicked).
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(sortColumn_, sortOrder_);
    header->resizeSection(RunPageModel::SwatchColumn, 28);
    header->setSectionResizeMode(RunPageModel::SwatchColumn, QHeaderView::Fixed);
    layout->addWidget(view_, 1);

    selectionTimer_ = new QTimer(this);
    selectionTimer_->setSingleShot(true);
    selectionTimer_->setInterval(120);
    connect(selectionTimer_, &QTimer::timeout, this, &RunsPanel::selectionChanged);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, selectionTimer_,
            qOverload<>(&QTimer::start));
    connect(view_, &QTableView::activated, this,
            [this](const QModelIndex &index) { emit runActivated(index.data(RunPageModel::RunKeyRole).toLongLong()); });
    filterTimer_ = new QTimer(this);
    filterTimer_->setSingleShot(true);
    filterTimer_->setInterval(kFilterDelayMs);
    connect(filterTimer_, &QTimer::timeout, this, &RunsPanel::applyFilter);
    connect(filter_, &QLineEdit::textChanged, filterTimer_, qOverload<>(&QTimer::start));
    connect(header, &QHeaderView::sortIndicatorChanged, this, &RunsPanel::onSortClicked);
    connect(columns_, &QToolButton::clicked, this, &RunsPanel::showColumnMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &RunsPanel::showColumnMenu);
    connect(model_, &RunPageModel::countChanged, this, &RunsPanel::updateCount);
    connect(model_, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        keptSelection_ = projectChanged_ ? QList<qint64>() : selectedRunKeys();
        const QModelIndex current = view_->currentIndex();
        keptCurrent_ = projectChanged_ || !current.isValid() ? 0 : current.data(RunPageModel::RunKeyRole).toLongLong();
    });
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        updateCount();
        if (projectChanged_) {
            projectChanged_ = false;
            if (fitOnLoad_ && model_->rowCount() > 0) {
                fitOnLoad_ = false;
                fitColumns();
            }
            emit listed();
            return;
        }
        keepSelection();
    });
    updateCount();
    retranslateOnLanguageChange(this, [this] {
        filter_->setPlaceholderText(tr("Filter runs by name, ID or tag"));
        filter_->setAccessibleName(tr("Filter runs"));
        columns_->setToolTip(tr("Choose columns"));
        columns_->setAccessibleName(tr("Choose columns"));
        view_->setAccessibleName(tr("Runs"));
        updateCount();
        fitHeaders();
    });
}

void RunsPanel::fitColumns()
{
    QHeaderView *header = view_->horizontalHeader();
    for (int c = RunPageModel::NameColumn; c < RunPageModel::FixedColumnCount; ++c) {
        // QTableView makes it protected; QAbstractItemView's is public.
        const int cells = static_cast<const QAbstractItemView *>(view_)->sizeHintForColumn(c);
        const int wanted = std::max(cells, header->sectionSizeHint(c));
        header->resizeSection(c, std::min(wanted, kMaxFittedWidth));
    }
}

int RunsPanel::fittedWidth() const
{
    return view_->horizontalHeader()->length() + view_->verticalScrollBar()->sizeHint().width() +
           2 * view_->frameWidth();
}

void RunsPanel::fitHeaders()
{
    QHeaderView *header = view_->horizontalHeader();
    for (int c = RunPageModel::NameColumn; c < model_->columnCount(); ++c) {
        if (header->sectionSize(c) < header->sectionSizeHint(c))
            header->resizeSection(c, header->sectionSizeHint(c));
    }
}

void RunsPanel::setProject(qint64 projectKey, int totalRuns)
{
    totalRuns_ = totalRuns;
    if (projectKey == model_->query().projectKey) {
        updateCount();
        return;
    }
    RunPageQuery query = model_->querySortedBy(sortColumn_, sortOrder_)
                             .value_or(model_->querySortedBy(RunPageModel::CreatedColumn, Qt::DescendingOrder).value());
    query.projectKey = projectKey;
    query.filter = filter_->text();
    filterTimer_->stop();
    projectChanged_ = true;
    view_->clearSelection();
    model_->setQuery(query);
}

void RunsPanel::applyFilter()
{
    filterTimer_->stop();
    if (model_->query().projectKey == 0 || model_->query().filter == filter_->text())
        return;
    model_->setFilterText(filter_->text());
}

void RunsPanel::onSortClicked(int column, Qt::SortOrder order)
{
    const auto query = model_->querySortedBy(column, order);
    if (!query) {
        // No store order for this column: the indicator stays where the order is.
        QSignalBlocker block(view_->horizontalHeader());
        view_->horizontalHeader()->setSortIndicator(sortColumn_, sortOrder_);
        view_->horizontalHeader()->viewport()->update();
        return;
    }
    sortColumn_ = column;
    sortOrder_ = order;
    if (model_->query().projectKey != 0 && !(*query == model_->query()))
        model_->setQuery(*query);
}

void RunsPanel::keepSelection()
{
    const QList<qint64> keys = std::exchange(keptSelection_, {});
    const qint64 current = std::exchange(keptCurrent_, 0);
    for (qint64 key : keys) {
        if (key != current)
            select(Selecting{key, QItemSelectionModel::NoUpdate, false});
    }
    if (current)
        select(Selecting{current, keys.contains(current) ? QItemSelectionModel::NoUpdate : QItemSelectionModel::Current,
                         false});
}

QList<qint64> RunsPanel::selectedRunKeys() const
{
    QList<qint64> keys;
    for (const QModelIndex &index : view_->selectionModel()->selectedRows()) {
        // A selected row whose page was let go reads nothing until read again.
        if (const qint64 key = index.data(RunPageModel::RunKeyRole).toLongLong())
            keys << key;
    }
    return keys;
}

void RunsPanel::select(const Selecting &wanted)
{
    const int row = model_->loadedRowOfKey(wanted.runKey);
    if (row >= 0 && locating_ == 0) {
        selectRow(row, wanted.extra);
        return;
    }
    // Not loaded (or earlier selections still on their way, which must
    // land first): the store says where the run is in this order.
    ++locating_;
    model_->locate(wanted.runKey, [this, wanted](int found) {
        --locating_;
        selectFound(wanted, found);
    });
}

void RunsPanel::selectFound(const Selecting &wanted, int row)
{
    if (row >= 0 && row < model_->rowCount()) {
        selectRow(row, wanted.extra);
        return;
    }
    if (row < 0 && wanted.reveal && !filter_->text().isEmpty()) {
        QSignalBlocker block(filter_);
        filter_->clear();
        applyFilter();
        select(Selecting{wanted.runKey, wanted.extra, false});
    }
}

void RunsPanel::selectRow(int row, QItemSelectionModel::SelectionFlags extra)
{
    const QModelIndex index = model_->index(row, RunPageModel::NameColumn);
    if (extra == QItemSelectionModel::Current) {
        view_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        return;
    }
    view_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::Select | QItemSelectionModel::Rows | extra);
    view_->scrollTo(index);
}

QStringList RunsPanel::extraColumnIds() const
{
    QStringList ids;
    for (const auto &c : model_->extraColumns())
        ids << columnId(c);
    return ids;
}

void RunsPanel::setExtraColumnIds(const QStringList &ids)
{
    QList<RunPageModel::ExtraColumn> columns;
    for (const QString &id : ids) {
        if (id.startsWith(QLatin1String("summary:")))
            columns.append({RunPageModel::ExtraColumn::Summary, id.mid(8)});
        else if (id.startsWith(QLatin1String("config:")))
            columns.append({RunPageModel::ExtraColumn::Config, id.mid(7)});
    }
    model_->setExtraColumns(columns);
    if (!model_->query().sortsByValue())
        return;
    // The order by a value column follows it to its new place, or ends with it.
    const RunPageModel::ExtraColumn sorted{model_->query().sort == RunSortKey::Summary
                                               ? RunPageModel::ExtraColumn::Summary
                                               : RunPageModel::ExtraColumn::Config,
                                           model_->query().valueKey};
    const qsizetype at = columns.indexOf(sorted);
    if (at >= 0)
        view_->horizontalHeader()->setSortIndicator(RunPageModel::FixedColumnCount + int(at), sortOrder_);
    else
        view_->horizontalHeader()->setSortIndicator(RunPageModel::CreatedColumn, Qt::DescendingOrder);
}

QByteArray RunsPanel::headerState() const
{
    return view_->horizontalHeader()->saveState();
}

void RunsPanel::restoreHeaderState(const QByteArray &state)
{
    QHeaderView *header = view_->horizontalHeader();
    QSignalBlocker block(header);
    if (state.isEmpty() || !header->restoreState(state))
        return;
    fitOnLoad_ = false; // the person's own widths
    if (model_->querySortedBy(header->sortIndicatorSection(), header->sortIndicatorOrder())) {
        sortColumn_ = header->sortIndicatorSection();
        sortOrder_ = header->sortIndicatorOrder();
    } else {
        header->setSortIndicator(sortColumn_, sortOrder_);
    }
}

void RunsPanel::showColumnMenu()
{
    QMenu menu(this);
    QHeaderView *header = view_->horizontalHeader();
    for (int c = RunPageModel::NameColumn; c < RunPageModel::FixedColumnCount; ++c) {
        QAction *a = menu.addAction(model_->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        a->setEnabled(c != RunPageModel::NameColumn);
        connect(a, &QAction::toggled, this, [header, c](bool on) { header->setSectionHidden(c, !on); });
    }
    const QStringList chosen = extraColumnIds();
    auto addKeys = [&](const QString &title, RunPageModel::ExtraColumn::Source source) {
        QMenu *sub = menu.addMenu(title);
        const QStringList keys = model_->availableKeys(source);
        if (keys.isEmpty())
            sub->addAction(tr("(none)"))->setEnabled(false);
        for (int i = 0; i < std::min<qsizetype>(keys.size(), kMaxKeysInMenu); ++i) {
            const QString id = columnId({source, keys[i]});
            QAction *a = sub->addAction(keys[i]);
            a->setCheckable(true);
            a->setChecked(chosen.contains(id));
            connect(a, &QAction::toggled, this, [this, id](bool on) {
                QStringList ids = extraColumnIds();
                if (on)
                    ids << id;
                else
                    ids.removeAll(id);
                setExtraColumnIds(ids);
            });
        }
    };
    menu.addSeparator();
    addKeys(tr("Summary columns"), RunPageModel::ExtraColumn::Summary);
    addKeys(tr("Config columns"), RunPageModel::ExtraColumn::Config);
    menu.exec(QCursor::pos());
}

void RunsPanel::updateCount()
{
    const int shown = model_->rowCount();
    count_->setText(model_->query().filter.isEmpty() ? tr("%n run(s)", nullptr, shown)
                                                     : tr("%1 of %n run(s)", nullptr, totalRuns_).arg(shown));
}

} // namespace forkscope
