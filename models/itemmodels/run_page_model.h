#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <functional>
#include <map>
#include <optional>

#include "store/run_page.h"

namespace forkscope {

class Store;

// A project's runs as a window onto the store: the row count is the query's
// count, and rows are read a page at a time as the view asks for them, so a
// million runs cost a few pages. Sorting and filtering are store queries
// (setQuery). refresh() asks the store what changed since the rows were read
// and updates only those rows (dataChanged, or one insert, remove or move);
// a query change is the only reset.
class RunPageModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Runs `job` on a thread with its own Store and the returned closure back
    // on this model's thread (StoreWorker::post in the app).
    using Done = std::function<void()>;
    using Job = std::function<Done(Store &)>;
    using Post = std::function<void(Job job)>;

    // The runs table's columns, then the summary and config keys chosen
    // (extraColumns()).
    enum Column {
        SwatchColumn,
        NameColumn,
        RunIdColumn,
        StateColumn,
        CreatedColumn,
        RuntimeColumn,
        ForkedFromColumn,
        TagsColumn,
        LastStepColumn,
        FixedColumnCount
    };
    enum Role {
        RunKeyRole = Qt::UserRole + 1,
        ImmutableIdRole,
        ColorIndexRole, // forkscope::runColorIndex(); the views own the palette
        StateRole,      // int(forkscope::RunState)
        IsForkRole = Qt::UserRole + 6,
        LoadedRole = Qt::UserRole + 20,
    };
    struct ExtraColumn {
        enum Source { Summary, Config } source = Summary;
        QString key; // dotted path
        bool operator==(const ExtraColumn &) const = default;
    };
    static constexpr int kPageSize = 200;
    // Rows kept in memory; the ones farthest from the page last read go first.
    static constexpr int kMaxLoadedRows = 50 * kPageSize;

    explicit RunPageModel(Post post, QObject *parent = nullptr);

    void setQuery(const RunPageQuery &query);
    const RunPageQuery &query() const { return query_; }
    // The store order a column sorts by (a header click); none for the
    // columns the store has no order for (swatch, runtime, fork, tags).
    std::optional<RunPageQuery> querySortedBy(int column, Qt::SortOrder order) const;
    // A header click: the same query in the column's store order.
    void sort(int column, Qt::SortOrder order) override;
    void setFilterText(const QString &text);

    void setExtraColumns(const QList<ExtraColumn> &columns);
    QList<ExtraColumn> extraColumns() const { return extra_; }
    // Keys found in the summaries or configs of the loaded runs.
    QStringList availableKeys(ExtraColumn::Source source) const;
    // Asks the store for the changes since the rows were read.
    void refresh();
    // The run at `row` if its page is loaded (else its page is requested).
    const RunInfo *runAt(int row) const;
    // The loaded row of a run, or -1.
    int loadedRowOfKey(qint64 runKey) const { return rowOfKey_.value(runKey, -1); }
    // Finds a run's row in the store's order (also outside the loaded pages);
    // `found` gets -1 when the query leaves the run out.
    void locate(qint64 runKey, std::function<void(int row)> found);
    // The count is the query's (not the first page's while a text filter is counted).
    bool isCounted() const { return !loading_; }
    // Nothing asked of the store is outstanding.
    bool isSettled() const { return pendingPages_.isEmpty() && !refreshing_ && !loading_; }
    qint64 changeSeq() const { return seq_; }

    static QString stateText(RunState state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void settled();
    void countChanged(int count);

private:
    struct Moved {
        RunInfo run;
        int oldRow = -1; // -1: not loaded
        int newRow = -1; // -1: left out by the query; kSamePlace: where it was
    };
    static constexpr int kSamePlace = -2;
    // What decides a run's place under `query`: the filtered texts and the
    // sort key. A change that keeps it keeps the run's row.
    static QString placeOf(const RunInfo &run, const RunPageQuery &query);
    void evictFarFrom(int row);
    void requestPage(int page) const;
    // The exact count, after a first page shown with a provisional one.
    void countRest(int generation);
    void afterLoading();
    void pageArrived(int generation, int page, std::vector<RunInfo> runs);
    void applyChanges(std::vector<Moved> changed, const std::vector<qint64> &removed, qint64 count, qint64 seq,
                      bool complete);
    void dropLoadedRows();
    void shiftRows(int from, int by);
    void setRow(int row, RunInfo run);
    void checkSettled();
    const Json *extraValue(const RunInfo &run, int column) const;
    QString forkedFromText(const RunInfo &run) const;

    Post post_;
    RunPageQuery query_;
    int count_ = 0;
    qint64 seq_ = 0;
    int generation_ = 0;
    bool loading_ = false;
    bool refreshing_ = false;
    bool refreshAgain_ = false;
    std::map<int, RunInfo> rows_;
    QHash<qint64, int> rowOfKey_;
    // placeOf() of every run read since the query was set, as last read.
    QHash<qint64, QString> places_;
    mutable QSet<int> pendingPages_;
    QList<ExtraColumn> extra_;
};

} // namespace forkscope
