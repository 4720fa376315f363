#include "itemmodels/run_table_model.h"

#include <QSet>

#include "itemmodels/run_color.h"
#include "itemmodels/value_format.h"

namespace forkscope {

namespace {

int compareJson(const Json *a, const Json *b)
{
    if (!a || !b)
        return (a ? 1 : 0) - (b ? 1 : 0); // missing values first
    const auto na = jsonNumber(*a), nb = jsonNumber(*b);
    if (na && nb)
        return *na < *nb ? -1 : (*nb < *na ? 1 : 0);
    if (na || nb)
        return na ? -1 : 1;
    return formatJsonValue(*a).compare(formatJsonValue(*b), Qt::CaseInsensitive);
}

} // namespace

RunTableModel::RunTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void RunTableModel::setRuns(std::vector<RunInfo> runs)
{
    const size_t common = std::min(runs.size(), runs_.size());
    bool prefixSame = runs.size() >= runs_.size();
    for (size_t i = 0; prefixSame && i < common; ++i)
        prefixSame = runs[i].key == runs_[i].key;
    if (!prefixSame) {
        beginResetModel();
        runs_ = std::move(runs);
        reindex();
        endResetModel();
        return;
    }
    const size_t oldSize = runs_.size();
    // Only rows that changed are announced: a refresh of 100 000 runs where
    // one is logging must not make the proxy re-sort everything.
    std::vector<std::pair<int, int>> changed;
    for (size_t i = 0; i < oldSize; ++i) {
        if (sameDisplay(runs_[i], runs[i]))
            continue;
        if (!changed.empty() && changed.back().second == int(i) - 1)
            changed.back().second = int(i);
        else
            changed.emplace_back(int(i), int(i));
    }
    if (runs.size() > oldSize) {
        beginInsertRows({}, int(oldSize), int(runs.size()) - 1);
        runs_ = std::move(runs);
        reindex();
        endInsertRows();
    } else {
        runs_ = std::move(runs);
    }
    for (const auto &[first, last] : changed)
        emit dataChanged(index(first, 0), index(last, columnCount() - 1));
}

bool RunTableModel::sameDisplay(const RunInfo &a, const RunInfo &b)
{
    return a.key == b.key && a.name == b.name && a.state == b.state && a.heartbeatAt == b.heartbeatAt &&
           a.finishedAt == b.finishedAt && a.tags == b.tags && a.notes == b.notes && a.ownLastStep == b.ownLastStep &&
           a.summary == b.summary && a.config == b.config;
}

void RunTableModel::reindex()
{
    rowOfKey_.clear();
    rowOfImmutable_.clear();
    rowOfKey_.reserve(qsizetype(runs_.size()));
    rowOfImmutable_.reserve(qsizetype(runs_.size()));
    for (size_t i = 0; i < runs_.size(); ++i) {
        rowOfKey_.insert(runs_[i].key, int(i));
        rowOfImmutable_.insert(runs_[i].immutableId, int(i));
    }
}

const RunInfo *RunTableModel::runAt(int row) const
{
    return row >= 0 && size_t(row) < runs_.size() ? &runs_[size_t(row)] : nullptr;
}

const RunInfo *RunTableModel::runByImmutableId(const QString &immutableId) const
{
    return runAt(rowOfImmutable_.value(immutableId, -1));
}

void RunTableModel::setExtraColumns(const QList<ExtraColumn> &columns)
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

QStringList RunTableModel::availableKeys(ExtraColumn::Source source, int sampleRuns) const
{
    QSet<QString> keys;
    const size_t n = std::min(runs_.size(), size_t(std::max(sampleRuns, 0)));
    for (size_t i = 0; i < n; ++i) {
        // The newest runs are the most likely to have the keys people compare.
        const RunInfo &r = runs_[runs_.size() - 1 - i];
        collectColumnKeys(source == ExtraColumn::Summary ? r.summary : r.config, keys);
    }
    QStringList out(keys.begin(), keys.end());
    out.sort(Qt::CaseInsensitive);
    return out;
}

const Json *RunTableModel::extraValue(const RunInfo &run, int column) const
{
    const ExtraColumn &c = extra_[column - FixedColumnCount];
    return jsonAtPath(c.source == ExtraColumn::Summary ? run.summary : run.config, c.key);
}

bool RunTableModel::lessThan(int rowA, int rowB, int column) const
{
    const RunInfo &a = runs_[size_t(rowA)];
    const RunInfo &b = runs_[size_t(rowB)];
    switch (column) {
    case SwatchColumn: return runColorIndex(a.immutableId) < runColorIndex(b.immutableId);
    case NameColumn: return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    case RunIdColumn: return a.runId < b.runId;
    case StateColumn: return int(a.state) < int(b.state);
    case CreatedColumn: return a.createdAt < b.createdAt;
    case RuntimeColumn: return a.runtimeSeconds() < b.runtimeSeconds();
    case ForkedFromColumn: return forkedFromText(a).compare(forkedFromText(b), Qt::CaseInsensitive) < 0;
    case TagsColumn:
        return a.tags.join(QLatin1Char(',')).compare(b.tags.join(QLatin1Char(',')), Qt::CaseInsensitive) < 0;
    default:
        if (column < columnCount())
            return compareJson(extraValue(a, column), extraValue(b, column)) < 0;
        return false;
    }
}

bool RunTableModel::matches(int row, const QString &needle) const
{
    const RunInfo &r = runs_[size_t(row)];
    if (r.name.contains(needle, Qt::CaseInsensitive) || r.runId.contains(needle, Qt::CaseInsensitive))
        return true;
    for (const QString &tag : r.tags) {
        if (tag.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

int RunTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(runs_.size());
}

int RunTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FixedColumnCount + int(extra_.size());
}

QString RunTableModel::stateText(RunState state)
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

QString RunTableModel::forkedFromText(const RunInfo &run) const
{
    if (!run.fork)
        return {};
    const RunInfo *source = runByImmutableId(run.fork->sourceImmutableId);
    const QString name = source ? source->name : run.fork->sourceRunId;
    return tr("%1 @ %2").arg(name).arg(run.fork->step);
}

QVariant RunTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunInfo &r = runs_[size_t(index.row())];
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (col) {
        case SwatchColumn: return {};
        case NameColumn: return r.name;
        case RunIdColumn: return r.runId;
        case StateColumn: return stateText(r.state);
        case CreatedColumn: return r.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case RuntimeColumn: return formatDuration(r.runtimeSeconds());
        case ForkedFromColumn: return forkedFromText(r);
        case TagsColumn: return r.tags.join(QStringLiteral(", "));
        default:
            if (const Json *v = extraValue(r, col))
                return formatJsonValue(*v);
            return {};
        }
    case Qt::ToolTipRole:
        if (col == ForkedFromColumn && r.fork)
            return tr("Forked from %1 at step %2").arg(r.fork->sourcePath).arg(r.fork->step);
        if (col == NameColumn || col == RunIdColumn)
            return r.path().toString();
        return {};
    case Qt::TextAlignmentRole:
        if (col == RuntimeColumn || (col >= FixedColumnCount && extraValue(r, col) && jsonNumber(*extraValue(r, col))))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (col) {
        case CreatedColumn: return r.createdAt;
        case RuntimeColumn: return r.runtimeSeconds();
        case StateColumn: return int(r.state);
        default:
            if (col >= FixedColumnCount) {
                const Json *v = extraValue(r, col);
                return v ? jsonSortKey(*v) : QVariant();
            }
            return data(index, Qt::DisplayRole);
        }
    case RunKeyRole: return r.key;
    case ImmutableIdRole: return r.immutableId;
    case ColorIndexRole: return runColorIndex(r.immutableId);
    case StateRole: return int(r.state);
    case IsForkRole: return r.fork.has_value();
    default: return {};
    }
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case SwatchColumn: return QString();
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
