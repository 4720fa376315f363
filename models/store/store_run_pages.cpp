// The runs list's queries: pages in any order, counts, positions and what
// changed since a change number, all answered from indexes (schema version 5).
#include "store/store.h"

#include <cmath>
#include <limits>

#include "core/error.h"
#include "store/sqlite_db.h"
#include "store/store_rows.h"

namespace forkscope {

using namespace store_rows;

namespace {

// ?9 is the LIKE pattern, '' for no filter. Tags match inside their JSON text.
// Archived versions (a rewound run's cut history) are never rows of the list.
constexpr const char *kFilter =
    " AND r.archived_of IS NULL AND (?9 = '' OR r.name LIKE ?9 ESCAPE '\\' OR r.run_id LIKE ?9 ESCAPE '\\' "
    "OR r.tags LIKE ?9 ESCAPE '\\' OR r.state LIKE ?9 ESCAPE '\\')";

// Each expression matches an index of schema version 5 (runs_by_*).
const char *sortExpression(RunSortKey sort)
{
    switch (sort) {
    case RunSortKey::Name: return "r.name COLLATE NOCASE";
    case RunSortKey::RunId: return "r.run_id";
    case RunSortKey::State: return "r.state";
    case RunSortKey::LastStep: return "ifnull(r.own_last_step, -1)";
    case RunSortKey::Created:
    case RunSortKey::Summary:
    case RunSortKey::Config: break;
    }
    return "r.created_ms";
}

bool sortsByText(RunSortKey sort)
{
    return sort == RunSortKey::Name || sort == RunSortKey::RunId || sort == RunSortKey::State;
}

const char *direction(SortDirection d)
{
    return d == SortDirection::Ascending ? " ASC" : " DESC";
}

// Rows before another in the order compare this way against it.
const char *before(SortDirection d)
{
    return d == SortDirection::Ascending ? " < " : " > ";
}

QString likePattern(const QString &filter)
{
    if (filter.isEmpty())
        return QStringLiteral("");
    QString escaped;
    for (const QChar c : filter) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

void bindQuery(Statement &st, const RunPageQuery &q)
{
    st.bind(1, q.projectKey);
    st.bind(2, q.sort == RunSortKey::Config ? 1 : 0);
    st.bind(3, q.valueKey);
    st.bind(4, q.valueMin.value_or(-std::numeric_limits<double>::infinity()));
    st.bind(5, q.valueMax.value_or(std::numeric_limits<double>::infinity()));
    st.bind(9, likePattern(q.filter));
}

bool hasRange(const RunPageQuery &q)
{
    return q.valueMin.has_value() || q.valueMax.has_value();
}

// runQuery's text with runs fixed as the outer loop: with projects outer
// (one row) SQLite would sort every run of the project instead of walking
// the order's index.
std::string pageQuery(const std::string &where)
{
    std::string sql = runQuery(where.c_str());
    const std::string join = " JOIN projects p";
    const size_t at = sql.find(join);
    if (at != std::string::npos)
        sql.insert(at + 1, "CROSS ");
    return sql;
}

// Value sorts: the runs with a value for the key, in value order.
constexpr const char *kValueRows = "JOIN run_values v ON v.run = r.id WHERE v.project_id = ?1 AND v.source = ?2 AND "
                                   "v.key = ?3 AND v.value BETWEEN ?4 AND ?5";
// ...and the runs without one, newest first.
constexpr const char *kMissingRows = "WHERE r.project_id = ?1 AND NOT EXISTS (SELECT 1 FROM run_values v WHERE "
                                     "v.run = r.id AND v.source = ?2 AND v.key = ?3)";

} // namespace

void Store::requireValidPageQuery(const RunPageQuery &q)
{
    if (q.sortsByValue() && q.valueKey.isEmpty())
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("sorting by a summary or config value needs its key; expected a dotted key such "
                                  "as 'loss' or 'optimizer.lr'"));
    if ((q.valueMin && std::isnan(*q.valueMin)) || (q.valueMax && std::isnan(*q.valueMax)))
        throw Error(Error::Kind::BadInput, StoreText::tr("a value range bound is not a number; expected a number"));
    if (hasRange(q) && !q.sortsByValue())
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("a value range needs a summary or config key to sort by; expected a sort by "
                                  "summary.KEY or config.KEY"));
    requireValidText(StoreText::tr("filter"), q.filter);
}

std::vector<RunInfo> Store::runPage(const RunPageQuery &q, qint64 offset, int limit)
{
    requireValidPageQuery(q);
    if (offset < 0 || limit < 0)
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("a page from row %1 of %2 rows is not valid; expected a start and a size of 0 or "
                                  "more")
                        .arg(offset)
                        .arg(limit));
    std::vector<RunInfo> out;
    if (limit == 0)
        return out;
    ReadTransaction snapshot(*db_);
    if (!q.sortsByValue()) {
        auto st = db_->prepare(pageQuery(std::string("WHERE r.project_id = ?1") + kFilter + " ORDER BY " +
                                         sortExpression(q.sort) + direction(q.direction) + ", r.id" +
                                         direction(q.direction) + " LIMIT ?6 OFFSET ?7"));
        bindQuery(st, q);
        st.bind(6, limit).bind(7, offset);
        while (st.step())
            out.push_back(readRun(st));
        return out;
    }
    auto values =
        db_->prepare(pageQuery(kValueRows + std::string(kFilter) + " ORDER BY v.value" + direction(q.direction) +
                               ", v.run" + direction(q.direction) + " LIMIT ?6 OFFSET ?7"));
    bindQuery(values, q);
    values.bind(6, limit).bind(7, offset);
    while (values.step())
        out.push_back(readRun(values));
    values.reset();
    if (out.size() == size_t(limit) || hasRange(q))
        return out;
    // The page reaches past the runs with values: the rest are those without.
    const qint64 valueRows = out.empty() ? countValueRows(q) : offset + qint64(out.size());
    auto missing = db_->prepare(
        pageQuery(kMissingRows + std::string(kFilter) + " ORDER BY r.created_ms DESC, r.id DESC LIMIT ?6 OFFSET ?7"));
    bindQuery(missing, q);
    missing.bind(6, limit - int(out.size())).bind(7, std::max<qint64>(0, offset - valueRows));
    while (missing.step())
        out.push_back(readRun(missing));
    return out;
}

qint64 Store::countValueRows(const RunPageQuery &q)
{
    if (q.filter.isEmpty()) {
        auto st = db_->prepare("SELECT count(*) FROM run_values v WHERE v.project_id = ?1 AND v.source = ?2 AND "
                               "v.key = ?3 AND v.value BETWEEN ?4 AND ?5");
        bindQuery(st, q);
        st.step();
        return st.int64(0);
    }
    auto st = db_->prepare(std::string("SELECT count(*) FROM runs r ") + kValueRows + kFilter);
    bindQuery(st, q);
    st.step();
    return st.int64(0);
}

qint64 Store::projectRunCount(qint64 projectKey)
{
    auto st = db_->prepare("SELECT run_count FROM projects WHERE id = ?1");
    st.bind(1, projectKey);
    return st.step() ? st.int64(0) : 0;
}

qint64 Store::runPageCount(const RunPageQuery &q)
{
    requireValidPageQuery(q);
    ReadTransaction snapshot(*db_);
    if (q.sortsByValue() && hasRange(q))
        return countValueRows(q);
    if (q.filter.isEmpty())
        return projectRunCount(q.projectKey);
    auto st = db_->prepare(std::string("SELECT count(*) FROM runs r WHERE r.project_id = ?1") + kFilter);
    bindQuery(st, q);
    st.step();
    return st.int64(0);
}

std::optional<qint64> Store::runPosition(const RunPageQuery &q, qint64 runKey)
{
    requireValidPageQuery(q);
    ReadTransaction snapshot(*db_);
    auto member = db_->prepare(std::string("SELECT ") + sortExpression(q.sort) +
                               " FROM runs r WHERE r.id = ?10 AND r.project_id = ?1" + kFilter);
    bindQuery(member, q);
    member.bind(10, runKey);
    if (!member.step())
        return std::nullopt;
    if (!q.sortsByValue()) {
        auto st = db_->prepare(std::string("SELECT count(*) FROM runs r WHERE r.project_id = ?1") + kFilter + " AND (" +
                               sortExpression(q.sort) + ", r.id)" + before(q.direction) + "(?8, ?10)");
        bindQuery(st, q);
        if (sortsByText(q.sort))
            st.bind(8, member.stdText(0));
        else
            st.bind(8, member.int64(0));
        st.bind(10, runKey);
        st.step();
        return st.int64(0);
    }
    member.reset();
    auto value = db_->prepare("SELECT v.value FROM run_values v WHERE v.run = ?1 AND v.source = ?2 AND v.key = ?3");
    value.bind(1, runKey).bind(2, q.sort == RunSortKey::Config ? 1 : 0).bind(3, q.valueKey);
    if (value.step()) {
        const double v = value.real(0);
        if (v < q.valueMin.value_or(-std::numeric_limits<double>::infinity()) ||
            v > q.valueMax.value_or(std::numeric_limits<double>::infinity()))
            return std::nullopt;
        // Without a filter the count needs only the value index.
        auto st = q.filter.isEmpty()
                      ? db_->prepare(std::string("SELECT count(*) FROM run_values v WHERE v.project_id = ?1 AND "
                                                 "v.source = ?2 AND v.key = ?3 AND v.value BETWEEN ?4 AND ?5 AND "
                                                 "(v.value, v.run)") +
                                     before(q.direction) + "(?8, ?10)")
                      : db_->prepare(std::string("SELECT count(*) FROM runs r ") + kValueRows + kFilter +
                                     " AND (v.value, v.run)" + before(q.direction) + "(?8, ?10)");
        bindQuery(st, q);
        st.bind(8, v).bind(10, runKey);
        st.step();
        return st.int64(0);
    }
    if (hasRange(q))
        return std::nullopt;
    auto created = db_->prepare("SELECT created_ms FROM runs WHERE id = ?1");
    created.bind(1, runKey);
    created.step();
    auto st = db_->prepare(std::string("SELECT count(*) FROM runs r ") + kMissingRows + kFilter +
                           " AND (r.created_ms, r.id) > (?8, ?10)");
    bindQuery(st, q);
    st.bind(8, created.int64(0)).bind(10, runKey);
    st.step();
    return countValueRows(q) + st.int64(0);
}

qint64 Store::changeSeq()
{
    auto st = db_->prepare("SELECT seq FROM change_counter WHERE id = 1");
    return st.step() ? st.int64(0) : 0;
}

RunChanges Store::runChangesSince(qint64 projectKey, qint64 since)
{
    ReadTransaction snapshot(*db_);
    RunChanges out;
    out.seq = changeSeq();
    if (out.seq <= since)
        return out;
    auto changed = db_->prepare(runQuery("WHERE r.project_id = ?1 AND r.change_seq > ?2 ORDER BY r.change_seq"));
    changed.bind(1, projectKey).bind(2, since);
    while (changed.step())
        out.changed.push_back(readRun(changed));
    auto removed = db_->prepare("SELECT run FROM removed_runs WHERE project_id = ?1 AND seq > ?2 ORDER BY seq");
    removed.bind(1, projectKey).bind(2, since);
    while (removed.step())
        out.removed.push_back(removed.int64(0));
    return out;
}

} // namespace forkscope
