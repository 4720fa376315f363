// Checkpoints: registering the weights a run saved, and a run's effective
// list through its fork lineage.
#include "store/store.h"

#include <algorithm>
#include <limits>

#include "core/error.h"
#include "core/step_rule.h"
#include "store/checkpoint_lineage.h"
#include "store/sqlite_db.h"
#include "store/store_rows.h"

namespace forkscope {

using namespace store_rows;

namespace {

bool isSha256Hex(const QString &text)
{
    if (text.size() != 64)
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

void requireValidCheckpoint(const RunInfo &run, const NewCheckpoint &c)
{
    if (!isValidStep(c.step))
        throw Error(Error::Kind::BadInput, StoreText::tr("cannot register a checkpoint of run '%1': %2")
                                               .arg(run.runId, badStepText(QString::number(c.step))));
    if (const auto upTo = run.inheritedUpTo(); upTo && c.step < *upTo)
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("cannot register a checkpoint of run '%1' at step %2: the run is a fork at step %3 "
                                  "and inherits the steps before it; expected a step from %3 on")
                        .arg(run.runId)
                        .arg(c.step)
                        .arg(*upTo));
    if (c.path.trimmed().isEmpty())
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("cannot register a checkpoint of run '%1' without a path; expected the absolute "
                                  "path of the saved file, or a URI")
                        .arg(run.runId));
    requireValidText(StoreText::tr("checkpoint path"), c.path);
    if (c.size && *c.size < 0)
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("checkpoint size %1 is refused; expected a size in bytes from 0 on").arg(*c.size));
    if (!c.sha256.isEmpty() && !isSha256Hex(c.sha256))
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("checkpoint SHA-256 '%1' is refused; expected 64 lowercase hexadecimal digits, or "
                                  "none when unknown")
                        .arg(c.sha256));
    if (!c.metadata.is_object())
        throw Error(Error::Kind::BadInput, StoreText::tr("checkpoint metadata is refused; expected a JSON object"));
}

} // namespace

std::vector<CheckpointSegment> checkpointSegments(SqliteDb &db, qint64 runKey)
{
    std::vector<CheckpointSegment> out;
    // The link reads follow: a rewound run's to its archived version, else
    // the fork link while it is not materialized.
    auto byKey = db.prepare("SELECT id, coalesce(rewind_source_immutable, fork_source_immutable), "
                            "coalesce(rewind_step, fork_step), rewind_step IS NULL AND fork_materialized "
                            "FROM runs WHERE id = ?1");
    byKey.bind(1, runKey);
    if (!byKey.step())
        return out;
    qint64 run = byKey.int64(0);
    QString source = byKey.isNull(1) ? QString() : byKey.text(1);
    qint64 forkStep = byKey.isNull(2) ? 0 : byKey.int64(2);
    bool materialized = byKey.int64(3) != 0;
    byKey.reset();
    qint64 hi = std::numeric_limits<qint64>::max();
    auto bySource =
        db.prepare("SELECT id, coalesce(rewind_source_immutable, fork_source_immutable), coalesce(rewind_step, "
                   "fork_step), rewind_step IS NULL AND fork_materialized FROM runs WHERE immutable_id = ?1");
    for (int depth = 0; depth < kMaxForkDepth; ++depth) {
        const bool follow = !source.isEmpty() && !materialized;
        const qint64 lo = follow ? forkStep : std::numeric_limits<qint64>::min();
        if (lo <= hi)
            out.push_back({run, {lo, hi}});
        if (!follow)
            break;
        hi = std::min(hi, forkStep);
        bySource.bind(1, source);
        if (!bySource.step())
            break;
        run = bySource.int64(0);
        source = bySource.isNull(1) ? QString() : bySource.text(1);
        forkStep = bySource.isNull(2) ? 0 : bySource.int64(2);
        materialized = bySource.int64(3) != 0;
        bySource.reset();
    }
    std::reverse(out.begin(), out.end());
    return out;
}

void materializeCheckpoints(SqliteDb &db, qint64 forkKey)
{
    auto segs = checkpointSegments(db, forkKey);
    if (!segs.empty())
        segs.pop_back(); // the fork's own
    auto copy = db.prepare("INSERT INTO checkpoints (run, step, path, size, sha256, created_ms, metadata) "
                           "SELECT ?1, step, path, size, sha256, created_ms, metadata FROM checkpoints "
                           "WHERE run = ?2 AND step BETWEEN ?3 AND ?4 ORDER BY step, id");
    for (const auto &seg : segs) {
        copy.bind(1, forkKey).bind(2, seg.run).bind(3, seg.steps.lo).bind(4, seg.steps.hi);
        copy.run();
        copy.reset();
    }
}

qint64 Store::addCheckpoint(qint64 runKey, const NewCheckpoint &checkpoint)
{
    if (isReadOnly())
        throw Error(Error::Kind::Storage,
                    StoreText::tr("cannot register a checkpoint: the store '%1' is open read-only").arg(path()));
    WriteTransaction tx(*db_);
    const RunInfo run = runInfo(runKey);
    requireValidCheckpoint(run, checkpoint);
    const qint64 created =
        checkpoint.createdAt.isValid() ? checkpoint.createdAt.toMSecsSinceEpoch() : store_rows::nowMs();
    auto st = db_->prepare("INSERT INTO checkpoints (run, step, path, size, sha256, created_ms, metadata) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    st.bind(1, runKey).bind(2, checkpoint.step).bind(3, checkpoint.path).bindOptional(4, checkpoint.size);
    if (checkpoint.sha256.isEmpty())
        st.bindNull(5);
    else
        st.bind(5, checkpoint.sha256);
    st.bind(6, created).bind(7, dumpJson(checkpoint.metadata));
    st.run();
    const qint64 key = db_->lastInsertRowId();
    tx.commit();
    return key;
}

std::vector<Checkpoint> Store::checkpoints(qint64 runKey)
{
    runInfo(runKey); // NotFound for a run that is not there
    std::vector<Checkpoint> out;
    auto st = db_->prepare("SELECT id, step, path, size, sha256, created_ms, metadata FROM checkpoints "
                           "WHERE run = ?1 AND step BETWEEN ?2 AND ?3 ORDER BY step, id");
    for (const auto &seg : checkpointSegments(*db_, runKey)) {
        const QString runPath = runInfo(seg.run).path().toString();
        st.bind(1, seg.run).bind(2, seg.steps.lo).bind(3, seg.steps.hi);
        while (st.step()) {
            Checkpoint c;
            c.key = st.int64(0);
            c.step = st.int64(1);
            c.path = st.text(2);
            c.size = st.optionalInt64(3);
            c.sha256 = st.isNull(4) ? QString() : st.text(4);
            c.createdAt = fromMs(st.int64(5));
            c.metadata = parseJson(st.stdText(6), StoreText::tr("checkpoint metadata"));
            c.runKey = seg.run;
            c.runPath = runPath;
            out.push_back(std::move(c));
        }
        st.reset();
    }
    // Segments meet at a fork step, where both runs may have one: the
    // source's comes first, so the fork's own is the later one.
    std::stable_sort(out.begin(), out.end(), [](const Checkpoint &a, const Checkpoint &b) { return a.step < b.step; });
    return out;
}

} // namespace forkscope
