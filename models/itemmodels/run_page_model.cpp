#include "itemmodels/run_page_model.h"

#include <QLocale>
#include <algorithm>

#include "itemmodels/run_color.h"
#include "itemmodels/value_format.h"
#include "store/store.h"

namespace forkscope {

namespace {

// More changed runs than this in one refresh are not placed one by one: the
// loaded rows are dropped and read again.
constexpr int kMaxPlacedChanges = 64;

} // namespace

RunPageModel::RunPageModel(Post post, QObject *parent) : QAbstractTableModel(parent), post_(std::move(post)) {}

QString RunPageModel::placeOf(const RunInfo &run, const RunPageQuery &query)
{
    QString key;
    switch (query.sort) {
    case RunSortKey::Created:
    case RunSortKey::Name:
    case RunSortKey::RunId:
    case RunSortKey::State: break; // among the texts below, or never changes
    case RunSortKey::LastStep: key = QString::number(run.ownLastStep.value_or(-1)); break;
    case RunSortKey::Summary:
    case RunSortKey::Config:
        if (const Json *v = jsonAtPath(query.sort == RunSortKey::Summary ? run.summary : run.config, query.valueKey))
            key = toQ(v->dump());
        break;
    }
    const QChar unit(0x1f);
    return run.name + unit + run.runId + unit + run.tags.join(unit) + unit + runStateName(run.storedState) + unit +
           QString::number(run.createdAt.toMSecsSinceEpoch()) + unit + key;
}

void RunPageModel::setQuery(const RunPageQuery &query)
{
    query_ = query;
    const int generation = ++generation_;
    loading_ = true;
    post_([this, query, generation](Store &store) -> Done {
        const qint64 seq = store.changeSeq(); // first: a change after it is seen by the next refresh
        auto first = store.runPage(query, 0, kPageSize);
        // Counting what a text filter keeps reads every run: the first page
        // is shown first, the other rows follow once counted.
        const bool countLater = !query.filter.isEmpty() && first.size() == size_t(kPageSize);
        const qint64 count =
            countLater ? -1 : (query.filter.isEmpty() ? store.runPageCount(query) : qint64(first.size()));
        return [this, generation, seq, count, first = std::move(first)]() mutable {
            if (generation != generation_)
                return;
            beginResetModel();
            rows_.clear();
            rowOfKey_.clear();
            places_.clear();
            pendingPages_.clear();
            count_ = count < 0 ? int(first.size()) : int(std::min<qint64>(count, std::numeric_limits<int>::max()));
            seq_ = seq;
            for (size_t i = 0; i < first.size() && int(i) < count_; ++i)
                setRow(int(i), std::move(first[i]));
            endResetModel();
            if (count < 0) {
                countRest(generation);
                return;
            }
            loading_ = false;
            emit countChanged(count_);
            afterLoading();
        };
    });
}

void RunPageModel::countRest(int generation)
{
    const RunPageQuery query = query_;
    post_([this, query, generation](Store &store) -> Done {
        const qint64 count = store.runPageCount(query);
        return [this, generation, count] {
            if (generation != generation_)
                return;
            loading_ = false;
            const int total = int(std::min<qint64>(count, std::numeric_limits<int>::max()));
            if (total > count_) {
                beginInsertRows({}, count_, total - 1);
                count_ = total;
                endInsertRows();
            } else if (total < count_) {
                beginRemoveRows({}, total, count_ - 1);
                for (int row = total; row < count_; ++row)
                    if (auto it = rows_.find(row); it != rows_.end()) {
                        rowOfKey_.remove(it->second.key);
                        rows_.erase(it);
                    }
                count_ = total;
                endRemoveRows();
            }
            emit countChanged(count_);
            afterLoading();
        };
    });
}

void RunPageModel::afterLoading()
{
    if (refreshAgain_) {
        refreshAgain_ = false;
        refresh();
    }
    checkSettled();
}

void RunPageModel::setRow(int row, RunInfo run)
{
    auto old = rows_.find(row);
    if (old != rows_.end() && rowOfKey_.value(old->second.key, -1) == row)
        rowOfKey_.remove(old->second.key);
    rowOfKey_.insert(run.key, row);
    places_.insert(run.key, placeOf(run, query_));
    rows_[row] = std::move(run);
}

void RunPageModel::requestPage(int page) const
{
    if (pendingPages_.contains(page) || loading_)
        return;
    pendingPages_.insert(page);
    auto *self = const_cast<RunPageModel *>(this);
    const int generation = generation_;
    const RunPageQuery query = query_;
    post_([self, query, page, generation](Store &store) -> Done {
        auto runs = store.runPage(query, qint64(page) * kPageSize, kPageSize);
        return [self, generation, page, runs = std::move(runs)]() mutable {
            self->pageArrived(generation, page, std::move(runs));
        };
    });
}

void RunPageModel::pageArrived(int generation, int page, std::vector<RunInfo> runs)
{
    if (generation != generation_ || !pendingPages_.remove(page)) {
        checkSettled();
        return;
    }
    const int first = page * kPageSize;
    int last = first - 1;
    for (size_t i = 0; i < runs.size() && first + int(i) < count_; ++i) {
        // A run read again at another row (the store changed since the
        // other page was read) is only kept at its newer place.
        const int stale = rowOfKey_.value(runs[i].key, -1);
        if (stale >= 0 && stale != first + int(i))
            rows_.erase(stale);
        setRow(first + int(i), std::move(runs[i]));
        last = first + int(i);
    }
    if (last >= first)
        emit dataChanged(index(first, 0), index(last, columnCount() - 1));
    evictFarFrom(first);
    checkSettled();
}

void RunPageModel::refresh()
{
    if (refreshing_ || loading_) {
        refreshAgain_ = true;
        return;
    }
    refreshing_ = true;
    const int generation = generation_;
    const RunPageQuery query = query_;
    const qint64 since = seq_;
    // Shared, not copied: the job only reads it.
    const QHash<qint64, QString> places = places_;
    const qint64 known = count_;
    post_([this, query, since, generation, places, known](Store &store) -> Done {
        RunChanges changes = store.runChangesSince(query.projectKey, since);
        bool complete = true;
        std::vector<Moved> moved;
        int placed = 0;
        for (auto &run : changes.changed) {
            // A run whose place did not change needs no position query (a
            // logging run's new step, when the order is not by step).
            const auto known = places.find(run.key);
            if (known != places.end() && *known == placeOf(run, query)) {
                moved.push_back({std::move(run), -1, kSamePlace});
                continue;
            }
            if (++placed > kMaxPlacedChanges) {
                complete = false;
                break;
            }
            const auto row = store.runPosition(query, run.key);
            moved.push_back({std::move(run), -1, row ? int(*row) : -1});
        }
        // Runs that kept their places kept their membership: the count
        // stands (with a text filter, counting reads every run).
        const bool samePlaces =
            complete && changes.removed.empty() &&
            std::all_of(moved.begin(), moved.end(), [](const Moved &m) { return m.newRow == kSamePlace; });
        const qint64 count = changes.seq == since ? -1 : samePlaces ? known : store.runPageCount(query);
        return [this, generation, moved = std::move(moved), removed = std::move(changes.removed), count,
                seq = changes.seq, complete]() mutable {
            refreshing_ = false;
            if (generation == generation_ && count >= 0)
                applyChanges(std::move(moved), removed, count, seq, complete);
            if (refreshAgain_) {
                refreshAgain_ = false;
                refresh();
            }
            checkSettled();
        };
    });
}

void RunPageModel::applyChanges(std::vector<Moved> changed, const std::vector<qint64> &removed, qint64 count,
                                qint64 seq, bool complete)
{
    seq_ = seq;
    const int newCount = int(std::min<qint64>(count, std::numeric_limits<int>::max()));
    if (!complete)
        places_.clear(); // the runs past the last placed one were not seen
    for (auto &m : changed) {
        m.oldRow = rowOfKey_.value(m.run.key, -1);
        if (m.newRow == kSamePlace)
            m.newRow = m.oldRow;
        places_.insert(m.run.key, placeOf(m.run, query_));
    }
    // Each change is in place, or the one structural change (an insert, a
    // remove or a move) that explains the new count; anything else drops the
    // loaded rows, which the view then reads again.
    std::vector<Moved *> structural;
    for (auto &m : changed) {
        if (m.oldRow < 0 && m.newRow < 0)
            continue; // outside the query before and after
        // A run changing outside the loaded pages (one logging far down the
        // list) changes nothing shown; were it to move across loaded rows,
        // the rows around it would be off by one until the next query.
        if (m.oldRow < 0 && newCount == count_ && rows_.count(m.newRow) == 0)
            continue;
        if (m.oldRow != m.newRow)
            structural.push_back(&m);
    }
    int removedLoaded = -1;
    for (qint64 key : removed) {
        const int row = rowOfKey_.value(key, -1);
        if (row >= 0 && removedLoaded < 0)
            removedLoaded = row;
        else if (row >= 0)
            complete = false;
    }
    bool placed = complete;
    if (placed && removedLoaded >= 0)
        placed = structural.empty() && newCount == count_ - 1;
    else if (placed && structural.size() == 1) {
        const Moved &m = *structural.front();
        if (m.oldRow < 0)
            placed = m.newRow >= 0 && newCount == count_ + 1;
        else if (m.newRow < 0)
            placed = newCount == count_ - 1;
        else
            placed = newCount == count_;
    } else if (placed) {
        placed = structural.empty() && newCount == count_;
    }
    // In-place changes keep their rows once the structural one is applied.
    if (placed) {
        int shiftAt = -1, shiftBy = 0;
        if (removedLoaded >= 0)
            shiftAt = removedLoaded, shiftBy = -1;
        else if (!structural.empty() && structural.front()->oldRow < 0)
            shiftAt = structural.front()->newRow, shiftBy = 1;
        else if (!structural.empty() && structural.front()->newRow < 0)
            shiftAt = structural.front()->oldRow, shiftBy = -1;
        for (const auto &m : changed) {
            if (&m == (structural.empty() ? nullptr : structural.front()) || m.oldRow < 0 || shiftAt < 0)
                continue;
            const int expected =
                m.oldRow > shiftAt || (shiftBy > 0 && m.oldRow == shiftAt) ? m.oldRow + shiftBy : m.oldRow;
            if (expected != m.newRow)
                placed = false;
        }
    }
    if (!placed) {
        dropLoadedRows();
        if (newCount > count_) {
            beginInsertRows({}, count_, newCount - 1);
            count_ = newCount;
            endInsertRows();
        } else if (newCount < count_) {
            beginRemoveRows({}, newCount, count_ - 1);
            count_ = newCount;
            endRemoveRows();
        }
        if (count_ > 0)
            emit dataChanged(index(0, 0), index(count_ - 1, columnCount() - 1));
        emit countChanged(count_);
        return;
    }
    if (removedLoaded >= 0) {
        beginRemoveRows({}, removedLoaded, removedLoaded);
        rowOfKey_.remove(rows_[removedLoaded].key);
        rows_.erase(removedLoaded);
        shiftRows(removedLoaded + 1, -1);
        count_ = newCount;
        endRemoveRows();
    } else if (!structural.empty()) {
        Moved &m = *structural.front();
        if (m.oldRow < 0) {
            beginInsertRows({}, m.newRow, m.newRow);
            shiftRows(m.newRow, 1);
            count_ = newCount;
            setRow(m.newRow, std::move(m.run));
            endInsertRows();
        } else if (m.newRow < 0) {
            beginRemoveRows({}, m.oldRow, m.oldRow);
            rowOfKey_.remove(m.run.key);
            rows_.erase(m.oldRow);
            shiftRows(m.oldRow + 1, -1);
            count_ = newCount;
            endRemoveRows();
        } else {
            const int from = m.oldRow, to = m.newRow;
            beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
            rowOfKey_.remove(m.run.key);
            rows_.erase(from);
            if (to > from) {
                for (int r = from + 1; r <= to; ++r)
                    if (auto node = rows_.extract(r); !node.empty()) {
                        node.key() = r - 1;
                        rowOfKey_.insert(node.mapped().key, r - 1);
                        rows_.insert(std::move(node));
                    }
            } else {
                for (int r = from - 1; r >= to; --r)
                    if (auto node = rows_.extract(r); !node.empty()) {
                        node.key() = r + 1;
                        rowOfKey_.insert(node.mapped().key, r + 1);
                        rows_.insert(std::move(node));
                    }
            }
            setRow(to, std::move(m.run));
            endMoveRows();
        }
        emit countChanged(count_);
    }
    for (auto &m : changed) {
        if (!structural.empty() && &m == structural.front())
            continue;
        const int row = rowOfKey_.value(m.run.key, -1);
        if (row < 0)
            continue;
        setRow(row, std::move(m.run));
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
}

void RunPageModel::evictFarFrom(int row)
{
    while (rows_.size() > size_t(kMaxLoadedRows)) {
        auto low = rows_.begin();
        auto high = std::prev(rows_.end());
        auto far = row - low->first > high->first - row ? low : high;
        if (rowOfKey_.value(far->second.key, -1) == far->first) {
            rowOfKey_.remove(far->second.key);
            places_.remove(far->second.key);
        }
        rows_.erase(far);
    }
}

void RunPageModel::shiftRows(int from, int by)
{
    std::map<int, RunInfo> shifted;
    for (auto it = rows_.begin(); it != rows_.end();) {
        auto node = rows_.extract(it++);
        if (node.key() >= from)
            node.key() += by;
        shifted.insert(std::move(node));
    }
    rows_ = std::move(shifted);
    rowOfKey_.clear();
    for (const auto &[row, run] : rows_)
        rowOfKey_.insert(run.key, row);
}

void RunPageModel::dropLoadedRows()
{
    rows_.clear();
    rowOfKey_.clear();
    // Pages still on their way were read before the change.
    ++generation_;
    pendingPages_.clear();
}

void RunPageModel::locate(qint64 runKey, std::function<void(int row)> found)
{
    const RunPageQuery query = query_;
    post_([query, runKey, found = std::move(found)](Store &store) -> Done {
        const auto row = store.runPosition(query, runKey);
        return [found, row] { found(row ? int(*row) : -1); };
    });
}

void RunPageModel::checkSettled()
{
    if (isSettled())
        emit settled();
}

const RunInfo *RunPageModel::runAt(int row) const
{
    if (row < 0 || row >= count_)
        return nullptr;
    auto it = rows_.find(row);
    if (it != rows_.end())
        return &it->second;
    requestPage(row / kPageSize);
    return nullptr;
}

int RunPageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count_;
}

int RunPageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FixedColumnCount + int(extra_.size());
}

std::optional<RunPageQuery> RunPageModel::querySortedBy(int column, Qt::SortOrder order) const
{
    RunPageQuery q = query_;
    q.valueKey.clear();
    q.valueMin.reset();
    q.valueMax.reset();
    switch (column) {
    case NameColumn: q.sort = RunSortKey::Name; break;
    case RunIdColumn: q.sort = RunSortKey::RunId; break;
    case StateColumn: q.sort = RunSortKey::State; break;
    case CreatedColumn: q.sort = RunSortKey::Created; break;
    case LastStepColumn: q.sort = RunSortKey::LastStep; break;
    default:
        if (column < FixedColumnCount || column >= columnCount())
            return std::nullopt;
        const ExtraColumn &c = extra_[column - FixedColumnCount];
        q.sort = c.source == ExtraColumn::Summary ? RunSortKey::Summary : RunSortKey::Config;
        q.valueKey = c.key;
    }
    q.direction = order == Qt::AscendingOrder ? SortDirection::Ascending : SortDirection::Descending;
    return q;
}

void RunPageModel::sort(int column, Qt::SortOrder order)
{
    if (auto q = querySortedBy(column, order); q && !(*q == query_))
        setQuery(*q);
}

void RunPageModel::setFilterText(const QString &text)
{
    if (text == query_.filter)
        return;
    RunPageQuery q = query_;
    q.filter = text;
    setQuery(q);
}

void RunPageModel::setExtraColumns(const QList<ExtraColumn> &columns)
{
    if (columns == extra_)
        return;
    if (!extra_.isEmpty()) {
        beginRemoveColumns({}, FixedColumnCount, FixedColumnCount + int(extra_.size()) - 1);
        extra_.clear();
        endRemoveColumns();
    }
    if (!columns.isEmpty()) {
        beginInsertColumns({}, FixedColumnCount, FixedColumnCount + int(columns.size()) - 1);
        extra_ = columns;
        endInsertColumns();
    }
}

QStringList RunPageModel::availableKeys(ExtraColumn::Source source) const
{
    QSet<QString> keys;
    for (const auto &[row, run] : rows_)
        collectColumnKeys(source == ExtraColumn::Summary ? run.summary : run.config, keys);
    QStringList out(keys.begin(), keys.end());
    out.sort(Qt::CaseInsensitive);
    return out;
}

const Json *RunPageModel::extraValue(const RunInfo &run, int column) const
{
    const ExtraColumn &c = extra_[column - FixedColumnCount];
    return jsonAtPath(c.source == ExtraColumn::Summary ? run.summary : run.config, c.key);
}

QString RunPageModel::forkedFromText(const RunInfo &run) const
{
    if (!run.fork)
        return {};
    // The source's run ID, not its name: the source is most often on a
    // page that is not loaded, and the cell must not change with scrolling.
    return tr("%1 @ %2").arg(run.fork->sourceRunId).arg(run.fork->step);
}

QString RunPageModel::stateText(RunState state)
{
    switch (state) {
    case RunState::Pending: return tr("pending");
    case RunState::Running: return tr("running");
    case RunState::Finished: return tr("finished");
    case RunState::Failed: return tr("failed");
    case RunState::Crashed: return tr("crashed");
    }
    return {};
}

QVariant RunPageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunInfo *r = runAt(index.row());
    if (role == LoadedRole)
        return r != nullptr;
    if (!r)
        return {};
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (col) {
        case SwatchColumn: return {};
        case NameColumn: return r->name;
        case RunIdColumn: return r->runId;
        case StateColumn: return stateText(r->state);
        case CreatedColumn: return r->createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case RuntimeColumn: return formatDuration(r->runtimeSeconds());
        case ForkedFromColumn: return forkedFromText(*r);
        case TagsColumn: return r->tags.join(QStringLiteral(", "));
        case LastStepColumn: return r->ownLastStep ? QVariant(*r->ownLastStep) : QVariant();
        default:
            if (const Json *v = extraValue(*r, col))
                return formatJsonValue(*v);
            return {};
        }
    case Qt::ToolTipRole:
        if (col == ForkedFromColumn && r->fork)
            return tr("Forked from %1 at step %2").arg(r->fork->sourcePath).arg(r->fork->step);
        if (col == NameColumn || col == RunIdColumn)
            return r->path().toString();
        return {};
    case Qt::TextAlignmentRole:
        if (col == RuntimeColumn || col == LastStepColumn ||
            (col >= FixedColumnCount && extraValue(*r, col) && jsonNumber(*extraValue(*r, col))))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RunKeyRole: return r->key;
    case ImmutableIdRole: return r->immutableId;
    case ColorIndexRole: return runColorIndex(r->immutableId);
    case StateRole: return int(r->state);
    case IsForkRole: return r->fork.has_value();
    default: return {};
    }
}

QVariant RunPageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case SwatchColumn: return QString();
        case LastStepColumn: return tr("Last step");
        case NameColumn: return tr("Name");
        case RunIdColumn: return tr("Run ID");
        case StateColumn: return tr("State");
        case CreatedColumn: return tr("Created");
        case RuntimeColumn: return tr("Runtime");
        case ForkedFromColumn: return tr("Forked from");
        case TagsColumn: return tr("Tags");
        default: {
            const ExtraColumn &c = extra_[section - FixedColumnCount];
            return c.source == ExtraColumn::Summary ? c.key : tr("config: %1").arg(c.key);
        }
        }
    }
    if (role == Qt::ToolTipRole) {
        if (section == SwatchColumn)
            return tr("Colour in the charts");
        if (section >= FixedColumnCount) {
            const ExtraColumn &c = extra_[section - FixedColumnCount];
            return c.source == ExtraColumn::Summary ? tr("Summary: %1").arg(c.key) : tr("Config: %1").arg(c.key);
        }
    }
    return {};
}

} // namespace forkscope
