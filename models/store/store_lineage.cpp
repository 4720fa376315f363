// Lineage: creating and linking forks, effective history as segments (through
// rewind links first), deleting a run (materializing its forks).
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <algorithm>
#include <cmath>
#include <map>

#include "core/error.h"
#include "core/exact_integer.h"
#include "core/plain_text.h"
#include "identity/display_name.h"
#include "identity/fork_spec.h"
#include "identity/immutable_id.h"
#include "identity/run_id.h"
#include "store/checkpoint_lineage.h"
#include "store/chunk_codec.h"
#include "store/damaged_chunk.h"
#include "store/schema.h"
#include "store/sqlite_db.h"
#include "store/store_rows.h"

namespace forkscope {

using namespace store_rows;

RunInfo Store::createFork(const ForkSpec &spec, const ForkOptions &options)
{
    WriteTransaction tx(*db_);
    RunInfo source;
    try {
        source = resolve(spec.run, options.project, options.entity);
    } catch (const Error &e) {
        if (e.kind() != Error::Kind::NotFound)
            throw;
        throw Error(
            Error::Kind::NotFound,
            StoreText::tr("cannot fork: the source run was not found (%1); expected '<run>?_step=<N>' naming an "
                          "existing run by run ID, path or immutable ID")
                .arg(e.message()));
    }
    const auto last = source.lastStep();
    if (!last)
        throw Error(
            Error::Kind::BadInput,
            StoreText::tr("cannot fork run '%1' at step %2: it has logged no steps yet; fork a run that has history")
                .arg(source.runId)
                .arg(spec.step));
    if (spec.step > *last)
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("cannot fork run '%1' at step %2: its last step is %3; expected a step from 0 to %3")
                        .arg(source.runId)
                        .arg(spec.step)
                        .arg(*last));
    if (!options.runId.isEmpty() && options.runId == source.runId)
        throw Error(
            Error::Kind::BadInput,
            StoreText::tr("a fork's ID must differ from its source's; '%1' is the source's run ID. Choose another ID "
                          "or leave it out to get a generated one")
                .arg(options.runId));

    NewRun s;
    static_cast<RunDescription &>(s) = options;
    if (s.entity.isEmpty())
        s.entity = source.entity;
    if (s.project.isEmpty())
        s.project = source.project;
    s.runId = options.runId;
    s.state = options.state;
    s.writer = options.writer;
    s.config = source.config;
    if (options.configOverrides.is_object()) {
        for (auto it = options.configOverrides.begin(); it != options.configOverrides.end(); ++it)
            s.config[it.key()] = it.value();
    }
    const ForkLink link{source.immutableId, source.runId, source.path().toString(), spec.step, false};
    const qint64 projectKey = ensureProject(s.entity, s.project);
    RunInfo fork = insertRun(projectKey, s, link);
    updateSummary(fork.key, lastValues(source.key, spec.step));
    tx.commit();
    return runInfo(fork.key);
}

void Store::linkFork(qint64 runKey, const ForkLink &link)
{
    const RunInfo self = runInfo(runKey);
    // Walk up from the source: meeting this run again would make a cycle.
    QString at = link.sourceImmutableId;
    for (int depth = 0; depth < kMaxForkDepth && !at.isEmpty(); ++depth) {
        if (at == self.immutableId)
            throw Error(Error::Kind::Conflict,
                        StoreText::tr("cannot link run '%1' to '%2': the source descends from it")
                            .arg(self.runId, link.sourceRunId));
        auto st = db_->prepare("SELECT fork_source_immutable FROM runs WHERE immutable_id = ?1");
        st.bind(1, at);
        at = st.step() ? st.text(0) : QString();
    }
    auto st = db_->prepare("UPDATE runs SET fork_source_immutable = ?2, fork_source_run_id = ?3, "
                           "fork_source_path = ?4, fork_step = ?5, fork_materialized = 0 WHERE id = ?1");
    st.bind(1, runKey).bind(2, link.sourceImmutableId).bind(3, link.sourceRunId).bind(4, link.sourcePath);
    st.bind(5, link.step).run();
}

void Store::deleteRun(qint64 runKey, DependentForks dependentForks)
{
    WriteTransaction tx(*db_);
    const RunInfo info = runInfo(runKey);
    if (info.archived)
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("cannot delete %1 on its own: it is an archived version of run '%2', which keeps it "
                                  "as part of its history; deleting run '%2' deletes its archived versions too")
                        .arg(info.immutableId, info.runId));
    requireNoLiveWriter(info, StoreText::tr("cannot delete run '%1'").arg(info.runId));
    // The run goes with its archived versions, so what depends on any of
    // them outside that family is what would lose history.
    const auto archived = archivedVersions(runKey);
    const auto forks = dependentRuns(info, archived);
    if (!forks.empty() && dependentForks == DependentForks::Refuse) {
        QStringList names;
        for (const auto &f : forks)
            names << (f.archived ? StoreText::tr("%1 (archived version of %2)").arg(f.name, f.runId)
                                 : QStringLiteral("%1 (%2)").arg(f.name, f.runId));
        throw Error(Error::Kind::Conflict, StoreText::tr("run '%1' has %n fork(s) that inherit its history: %2. Delete "
                                                         "them first, or materialize the inherited history into them "
                                                         "(--materialize-forks)",
                                                         nullptr, int(forks.size()))
                                               .arg(info.runId, names.join(QStringLiteral(", "))));
    }
    for (const auto &f : forks)
        requireNoLiveWriter(
            f, StoreText::tr("cannot delete run '%1' and copy its history into fork '%2'").arg(info.runId, f.runId));
    for (const auto &f : forks) {
        // A rewound fork reads its history through its archived version,
        // which is among the dependents and gets the copy; its own fork
        // link is only what it was forked from.
        if (f.rewind)
            setRunColumn(*db_, f.key, "fork_materialized", 1);
        else
            materializeInto(f);
    }
    std::vector<qint64> doomed;
    for (const auto &a : archived)
        doomed.push_back(a.key);
    doomed.push_back(runKey);
    for (const qint64 key : doomed) {
        for (const char *sql : {"DELETE FROM chunk_data WHERE id IN (SELECT c.data_id FROM chunks c JOIN series s ON "
                                "s.id = c.series WHERE s.run = ?1)",
                                "DELETE FROM chunks WHERE series IN (SELECT id FROM series WHERE run = ?1)",
                                "DELETE FROM text_points WHERE series IN (SELECT id FROM series WHERE run = ?1)",
                                "DELETE FROM series WHERE run = ?1", "DELETE FROM checkpoints WHERE run = ?1",
                                "DELETE FROM console_output WHERE run = ?1", "DELETE FROM runs WHERE id = ?1"}) {
            auto st = db_->prepare(sql);
            st.bind(1, key).run();
        }
    }
    auto retire = db_->prepare("INSERT OR IGNORE INTO retired_run_ids (project_id, run_id) VALUES (?1, ?2)");
    retire.bind(1, info.projectKey).bind(2, info.runId).run();
    tx.commit();
}

void Store::materializeInto(const RunInfo &fork)
{
    // Everything the fork sees below its own segment becomes its own rows.
    auto segs = segments(fork.key);
    segs.pop_back();
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    for (const QString &key : keys(fork.key)) {
        PointVector points;
        std::vector<TextPoint> texts;
        for (const auto &seg : segs) {
            for (const auto &ref : chunkRefs(seg.run, key, seg.steps, History::Own))
                readChunk(ref, points);
            auto t = readText(seg.run, key, seg.steps, History::Own);
            texts.insert(texts.end(), std::make_move_iterator(t.begin()), std::make_move_iterator(t.end()));
        }
        if (points.empty() && texts.empty())
            continue;
        const bool integral = integralSeries(fork.key, key);
        const qint64 series = ensureSeries(fork.key, key);
        if (!integral)
            clearIntegral(series);
        for (size_t at = 0; at < points.size(); at += kChunkCapacity)
            writeChunk(series, points.data() + at, std::min<size_t>(kChunkCapacity, points.size() - at));
        for (const auto &t : texts)
            writeText(series, t.step, t.json);
        if (!points.empty()) {
            first = std::min(first, points.front().step);
            last = std::max(last, points.back().step);
        }
        if (!texts.empty()) {
            first = std::min(first, texts.front().step);
            last = std::max(last, texts.back().step);
        }
    }
    if (first <= last)
        noteOwnSteps(fork.key, first, last);
    materializeCheckpoints(*db_, fork.key);
    setRunColumn(*db_, fork.key, "fork_materialized", 1);
}

std::vector<HistorySegment> Store::segments(qint64 runKey)
{
    std::vector<HistorySegment> out;
    RunInfo cur = runInfo(runKey);
    qint64 hi = std::numeric_limits<qint64>::max();
    for (int depth = 0; depth < kMaxForkDepth; ++depth) {
        const auto upTo = cur.inheritedUpTo();
        const qint64 lo = upTo ? *upTo + 1 : std::numeric_limits<qint64>::min();
        if (lo <= hi)
            out.push_back({cur.key, {lo, hi}});
        if (!upTo)
            break;
        hi = std::min(hi, *upTo);
        auto st = db_->prepare(runQuery("WHERE r.immutable_id = ?1"));
        st.bind(1, cur.rewind ? cur.rewind->archiveImmutableId : cur.fork->sourceImmutableId);
        if (!st.step())
            break;
        cur = readRun(st);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<HistorySegment> Store::historySegments(qint64 runKey, History history)
{
    if (history == History::Effective)
        return segments(runKey);
    return {{runKey, {}}};
}

} // namespace forkscope
