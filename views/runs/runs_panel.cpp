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

#include "itemmodels/run_filter_proxy.h"
#include "itemmodels/run_table_model.h"
#include "views/retranslate.h"
#include "views/runs/run_table_delegate.h"

namespace forkscope {

namespace {

constexpr int kMaxKeysInMenu = 150;
// A name or tag list longer than this is elided rather than widening the table.
constexpr int kMaxFittedWidth = 260;
// Rows measured when fitting columns: a lazy model of 100 000 runs is not walked.
constexpr int kFitRows = 500;

QString columnId(const RunTableModel::ExtraColumn &c)
{
    return (c.source == RunTableModel::ExtraColumn::Summary ? QStringLiteral("summary:") : QStringLiteral("config:")) +
           c.key;
}

} // namespace

RunsPanel::RunsPanel(QWidget *parent) : QWidget(parent)
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

    model_ = new RunTableModel(this);
    proxy_ = new RunFilterProxy(this);
    proxy_->setSourceModel(model_);
    view_ = new QTableView(this);
    view_->setObjectName(QStringLiteral("runTable"));
    view_->setModel(proxy_);
    view_->setItemDelegate(new RunTableDelegate(view_));
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setSortingEnabled(true);
    view_->sortByColumn(RunTableModel::CreatedColumn, Qt::DescendingOrder);
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
    header->resizeSection(RunTableModel::SwatchColumn, 28);
    header->setSectionResizeMode(RunTableModel::SwatchColumn, QHeaderView::Fixed);
    layout->addWidget(view_, 1);

    selectionTimer_ = new QTimer(this);
    selectionTimer_->setSingleShot(true);
    selectionTimer_->setInterval(120);
    connect(selectionTimer_, &QTimer::timeout, this, &RunsPanel::selectionChanged);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, selectionTimer_,
            qOverload<>(&QTimer::start));
    connect(view_, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit runActivated(index.data(RunTableModel::RunKeyRole).toLongLong());
    });
    connect(filter_, &QLineEdit::textChanged, this, [this](const QString &text) {
        proxy_->setFilterText(text);
        updateCount();
    });
    connect(columns_, &QToolButton::clicked, this, &RunsPanel::showColumnMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &RunsPanel::showColumnMenu);
    connect(proxy_, &QAbstractItemModel::rowsInserted, this, &RunsPanel::updateCount);
    connect(proxy_, &QAbstractItemModel::modelReset, this, &RunsPanel::updateCount);
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
    for (int c = RunTableModel::NameColumn; c < RunTableModel::FixedColumnCount; ++c) {
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
    for (int c = RunTableModel::NameColumn; c < model_->columnCount(); ++c) {
        if (header->sectionSize(c) < header->sectionSizeHint(c))
            header->resizeSection(c, header->sectionSizeHint(c));
    }
}

void RunsPanel::setRuns(std::vector<RunInfo> runs)
{
    const QList<qint64> selected = selectedRunKeys();
    const QModelIndex current = view_->currentIndex();
    const qint64 currentKey = current.isValid() ? current.data(RunTableModel::RunKeyRole).toLongLong() : 0;
    model_->setRuns(std::move(runs));
    if (fitOnLoad_ && model_->rowCount() > 0) {
        fitOnLoad_ = false;
        fitColumns();
    }
    // After a reset the view lost its selection: put it back by run key.
    if (!selected.isEmpty() && selectedRunKeys().isEmpty()) {
        QSignalBlocker block(view_->selectionModel());
        for (qint64 key : selected)
            addToSelection(key);
    }
    if (currentKey && !view_->currentIndex().isValid()) {
        const int row = model_->rowOfKey(currentKey);
        if (row >= 0)
            view_->selectionModel()->setCurrentIndex(proxy_->mapFromSource(model_->index(row, 1)),
                                                     QItemSelectionModel::NoUpdate);
    }
    updateCount();
}

QList<qint64> RunsPanel::selectedRunKeys() const
{
    QList<qint64> keys;
    for (const QModelIndex &index : view_->selectionModel()->selectedRows())
        keys << index.data(RunTableModel::RunKeyRole).toLongLong();
    return keys;
}

void RunsPanel::select(qint64 runKey, QItemSelectionModel::SelectionFlags extra)
{
    const int row = model_->rowOfKey(runKey);
    if (row < 0)
        return;
    QModelIndex index = proxy_->mapFromSource(model_->index(row, RunTableModel::NameColumn));
    if (!index.isValid() && !filter_->text().isEmpty()) {
        filter_->clear();
        index = proxy_->mapFromSource(model_->index(row, RunTableModel::NameColumn));
    }
    if (!index.isValid())
        return;
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
    QList<RunTableModel::ExtraColumn> columns;
    for (const QString &id : ids) {
        if (id.startsWith(QLatin1String("summary:")))
            columns.append({RunTableModel::ExtraColumn::Summary, id.mid(8)});
        else if (id.startsWith(QLatin1String("config:")))
            columns.append({RunTableModel::ExtraColumn::Config, id.mid(7)});
    }
    model_->setExtraColumns(columns);
}

QByteArray RunsPanel::headerState() const
{
    return view_->horizontalHeader()->saveState();
}

void RunsPanel::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty() && view_->horizontalHeader()->restoreState(state))
        fitOnLoad_ = false; // the person's own widths
}

void RunsPanel::showColumnMenu()
{
    QMenu menu(this);
    QHeaderView *header = view_->horizontalHeader();
    for (int c = RunTableModel::NameColumn; c < RunTableModel::FixedColumnCount; ++c) {
        QAction *a = menu.addAction(model_->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        a->setEnabled(c != RunTableModel::NameColumn);
        connect(a, &QAction::toggled, this, [header, c](bool on) { header->setSectionHidden(c, !on); });
    }
    const QStringList chosen = extraColumnIds();
    auto addKeys = [&](const QString &title, RunTableModel::ExtraColumn::Source source) {
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
    addKeys(tr("Summary columns"), RunTableModel::ExtraColumn::Summary);
    addKeys(tr("Config columns"), RunTableModel::ExtraColumn::Config);
    menu.exec(QCursor::pos());
}

void RunsPanel::updateCount()
{
    const int total = model_->rowCount();
    const int shown = proxy_->rowCount();
    count_->setText(shown == total ? tr("%n run(s)", nullptr, total)
                                   : tr("%1 of %n run(s)", nullptr, total).arg(shown));
}

} // namespace forkscope
