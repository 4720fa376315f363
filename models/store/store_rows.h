#pragma once

// What the Store's files share: the SQL that reads a run row and a chunk
// summary, and the checks every write of run text makes. Private to
// models/store.

#include <QDateTime>
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/plain_text.h"
#include "series/series_types.h"
#include "store/sqlite_db.h"
#include "store/store_text.h"

namespace forkscope::store_rows {

inline qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

inline QDateTime fromMs(const std::optional<qint64> &ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC) : QDateTime();
}

constexpr int kMaxForkDepth = 10000;

// Columns read by readRun(), in order. An archived version reads with its
// live run's run ID (its own row holds its immutable ID there, so that it
// never takes a run ID of the project).
constexpr const char *kRunColumns =
    "r.id, r.project_id, r.immutable_id, coalesce(live.run_id, r.run_id), r.name, p.entity, p.name, r.state, r.created_ms, "
    "r.heartbeat_ms, r.finished_ms, r.exit_code, r.fork_source_immutable, r.fork_source_run_id, "
    "r.fork_source_path, r.fork_step, r.fork_materialized, r.config, r.summary, r.metadata, r.notes, r.tags, "
    "r.own_first_step, r.own_last_step, r.writer_token, r.writer_pid, r.writer_host, r.rewind_source_immutable, r.rewind_step, r.archived_of, "
    "r.archived_step, r.archived_ms FROM runs r JOIN projects p ON p.id = r.project_id "
    "LEFT JOIN runs live ON live.id = r.archived_of ";

inline std::string runQuery(const char *where)
{
    return std::string("SELECT ") + kRunColumns + where;
}

// Text that is not valid Unicode could not be looked up again as typed.
inline void requireValidText(const QString &what, const QString &text)
{
    const QString problem = invalidTextProblem(what, text);
    if (!problem.isEmpty())
        throw Error(Error::Kind::BadInput, problem);
}

// A chunk's summary columns, in the order summaryAt() reads them.
constexpr const char *kSummaryColumns = "c.first_step, c.last_step, c.count, c.min_value, c.max_value, "
                                        "c.first_value, c.last_value, c.nan_count";

inline ChunkSummary summaryAt(const Statement &st, int at)
{
    return {st.int64(at),    st.int64(at + 1), st.int64(at + 2), st.real(at + 3),
            st.real(at + 4), st.real(at + 5),  st.real(at + 6),  st.int64(at + 7)};
}

inline StepRange intersect(StepRange a, StepRange b)
{
    return {std::max(a.lo, b.lo), std::min(a.hi, b.hi)};
}

// UPDATE runs SET <column> = value WHERE id = runKey. `column` is one of the
// store's own column names, never input.
template <typename T> void setRunColumn(SqliteDb &db, qint64 runKey, std::string_view column, const T &value)
{
    auto st = db.prepare(std::string("UPDATE runs SET ").append(column).append(" = ?2 WHERE id = ?1"));
    st.bind(1, runKey).bind(2, value).run();
}

} // namespace forkscope::store_rows
