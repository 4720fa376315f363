#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <vector>

#include "store/run_info.h"

namespace forkscope {

// The runs of one project, one row each. Cells are computed on demand from
// the RunInfo, so 100 000 rows cost one vector and no per-row objects.
class RunTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        SwatchColumn,
        NameColumn,
        RunIdColumn,
        StateColumn,
        CreatedColumn,
        RuntimeColumn,
        ForkedFromColumn,
        TagsColumn,
        FixedColumnCount
    };
    enum Role {
        RunKeyRole = Qt::UserRole + 1,
        ImmutableIdRole,
        ColorIndexRole, // forkscope::runColorIndex(); the views own the palette
        StateRole,      // int(forkscope::RunState)
        SortRole,
        IsForkRole,
    };
    struct ExtraColumn {
        enum Source { Summary, Config } source = Summary;
        QString key; // dotted path
        bool operator==(const ExtraColumn &) const = default;
    };

    explicit RunTableModel(QObject *parent = nullptr);

    // Keeps rows (and so the view's selection) when the new list extends or
    // updates the old one; resets otherwise.
    void setRuns(std::vector<RunInfo> runs);
    const std::vector<RunInfo> &runs() const { return runs_; }
    const RunInfo *runAt(int row) const;
    int rowOfKey(qint64 runKey) const { return rowOfKey_.value(runKey, -1); }
    const RunInfo *runByImmutableId(const QString &immutableId) const;

    void setExtraColumns(const QList<ExtraColumn> &columns);
    QList<ExtraColumn> extraColumns() const { return extra_; }
    // Keys found in the summaries or configs of (a sample of) the runs.
    QStringList availableKeys(ExtraColumn::Source source, int sampleRuns = 2000) const;

    // Typed comparison for the proxy: no QVariant per comparison.
    bool lessThan(int rowA, int rowB, int column) const;
    // Whether `needle` (already lower-case) occurs in the name, run ID or a tag.
    bool matches(int row, const QString &needle) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString stateText(RunState state);

private:
    QString forkedFromText(const RunInfo &run) const;
    const Json *extraValue(const RunInfo &run, int column) const;
    void reindex();
    static bool sameDisplay(const RunInfo &a, const RunInfo &b);

    std::vector<RunInfo> runs_;
    QHash<qint64, int> rowOfKey_;
    QHash<QString, int> rowOfImmutable_;
    QList<ExtraColumn> extra_;
};

} // namespace forkscope
