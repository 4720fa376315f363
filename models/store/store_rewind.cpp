// Rewind: a run goes back to a step and logs on from there; what it had
// logged becomes an archived version, reached through the run.
#include <QCoreApplication>

#include "core/error.h"
#include "core/step_rule.h"
#include "identity/fork_spec.h"
#include "identity/immutable_id.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "store/store_rows.h"

namespace forkscope {

using namespace store_rows;

namespace {

void requireWritable(const Store &store, const QString &path)
{
    if (store.isReadOnly())
        throw Error(Error::Kind::Storage,
                    StoreText::tr("cannot rewind a run: the store '%1' is open read-only").arg(path));
}

} // namespace

RewindPreview Store::checkRewind(const RunInfo &run, qint64 step)
{
    if (run.archived) {
        const RunInfo live = runInfo(run.archived->runKey);
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("cannot rewind %1: it is an archived version of run '%2' (cut off by a rewind at "
                                  "step %3) and stays as it is; rewind run '%2' itself, or fork the archived version")
                        .arg(run.immutableId, live.runId)
                        .arg(run.archived->rewindStep));
    }
    if (!isValidStep(step))
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("cannot rewind run '%1': %2").arg(run.runId, badStepText(QString::number(step))));
    const auto last = run.lastStep();
    if (!last)
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("cannot rewind run '%1' to step %2: it has logged no steps yet, so there is "
                                  "nothing to rewind")
                        .arg(run.runId)
                        .arg(step));
    if (*last == 0)
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("cannot rewind run '%1' to step %2: it has logged only step 0, so no step has "
                                  "steps after it to archive")
                        .arg(run.runId)
                        .arg(step));
    if (step >= *last)
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("cannot rewind run '%1' to step %2: its last step is %3, and a rewind keeps the "
                                  "steps up to N and archives the ones after it; expected a step from 0 to %4")
                        .arg(run.runId)
                        .arg(step)
                        .arg(*last)
                        .arg(*last - 1));
    requireNoLiveWriter(run, StoreText::tr("cannot rewind run '%1'").arg(run.runId));
    RewindPreview preview{run, step, *last, {}};
    auto forks = db_->prepare(runQuery(
        "WHERE r.fork_source_immutable = ?1 AND r.fork_step > ?2 AND r.archived_of IS NULL ORDER BY r.created_ms, r.id"));
    forks.bind(1, run.immutableId).bind(2, step);
    while (forks.step())
        preview.forksRelinked.push_back(readRun(forks));
    return preview;
}

RewindPreview Store::previewRewind(qint64 runKey, qint64 step)
{
    ReadTransaction snapshot(*db_);
    return checkRewind(runInfo(runKey), step);
}

RunInfo Store::rewind(const ForkSpec &spec, const RewindOptions &options)
{
    requireWritable(*this, path());
    WriteTransaction tx(*db_);
    RunInfo run;
    try {
        run = resolve(spec.run, options.project, options.entity);
    } catch (const Error &e) {
        if (e.kind() != Error::Kind::NotFound)
            throw;
        throw Error(Error::Kind::NotFound,
                    StoreText::tr("cannot rewind: the run was not found (%1); expected '<run>?_step=<N>' naming an "
                                  "existing run by run ID, path or immutable ID")
                        .arg(e.message()));
    }
    const RunInfo rewound = rewind(run.key, spec.step, options);
    tx.commit();
    return rewound;
}

RunInfo Store::rewind(qint64 runKey, qint64 step, const RewindOptions &options)
{
    requireWritable(*this, path());
    WriteTransaction tx(*db_);
    const RunInfo run = runInfo(runKey);
    checkRewind(run, step);
    Json config = run.config.is_object() ? run.config : Json::object();
    if (options.configUpdates.is_object()) {
        for (auto it = options.configUpdates.begin(); it != options.configUpdates.end(); ++it)
            config[it.key()] = it.value();
    }
    const qint64 now = nowMs();
    const QString archiveId = generateImmutableId();
    // The archived version is the run's row as it was; it holds its immutable
    // ID where a run ID would be, so it never takes one of the project's.
    auto archive = db_->prepare(
        "INSERT INTO runs (immutable_id, project_id, run_id, name, state, created_ms, heartbeat_ms, finished_ms, "
        "exit_code, fork_source_immutable, fork_source_run_id, fork_source_path, fork_step, fork_materialized, "
        "config, summary, summary_user, metadata, notes, tags, own_first_step, own_last_step, "
        "rewind_source_immutable, rewind_step, archived_of, archived_step, archived_ms) "
        "SELECT ?2, project_id, ?2, name, ?3, created_ms, heartbeat_ms, finished_ms, exit_code, "
        "fork_source_immutable, fork_source_run_id, fork_source_path, fork_step, fork_materialized, config, summary, "
        "summary_user, metadata, notes, tags, own_first_step, own_last_step, rewind_source_immutable, rewind_step, "
        "id, ?4, ?5 FROM runs WHERE id = ?1");
    archive.bind(1, runKey).bind(2, archiveId).bind(3, runStateName(run.state)).bind(4, step).bind(5, now).run();
    const qint64 archiveKey = db_->lastInsertRowId();
    // Re-pointing rows, not copying them: O(keys + checkpoints).
    for (const char *sql :
         {"UPDATE series SET run = ?2 WHERE run = ?1", "UPDATE checkpoints SET run = ?2 WHERE run = ?1"}) {
        auto st = db_->prepare(sql);
        st.bind(1, runKey).bind(2, archiveKey).run();
    }
    // Forks after the step inherited steps the run no longer has: they keep
    // them through the archived version.
    auto relink =
        db_->prepare("UPDATE runs SET fork_source_immutable = ?2 WHERE fork_source_immutable = ?1 AND fork_step > ?3");
    relink.bind(1, run.immutableId).bind(2, archiveId).bind(3, step).run();
    auto cont =
        db_->prepare("UPDATE runs SET rewind_source_immutable = ?2, rewind_step = ?3, fork_step = min(fork_step, ?3), "
                     "own_first_step = NULL, own_last_step = NULL, summary_user = '{}', config = ?4, state = ?5, "
                     "exit_code = NULL, finished_ms = NULL, heartbeat_ms = ?6, writer_token = ?7, writer_pid = ?8, "
                     "writer_host = ?9 WHERE id = ?1");
    cont.bind(1, runKey).bind(2, archiveId).bind(3, step).bind(4, dumpJson(config));
    cont.bind(5, runStateName(options.state)).bind(6, now);
    if (options.writer && options.state == RunState::Running)
        cont.bind(7, options.writer->token).bind(8, options.writer->pid).bind(9, options.writer->host);
    else
        cont.bindNull(7).bindNull(8).bindNull(9);
    cont.run();
    updateSummary(runKey, lastValues(runKey, step));
    tx.commit();
    return runInfo(runKey);
}

std::vector<RunInfo> Store::archivedVersions(qint64 runKey)
{
    auto st = db_->prepare(runQuery("WHERE r.archived_of = ?1 ORDER BY r.archived_ms, r.id"));
    st.bind(1, runKey);
    std::vector<RunInfo> out;
    while (st.step())
        out.push_back(readRun(st));
    return out;
}

std::vector<RunInfo> Store::dependentRuns(const RunInfo &run, const std::vector<RunInfo> &archived)
{
    auto st = db_->prepare(runQuery("WHERE r.fork_source_immutable = ?1 AND r.fork_materialized = 0 AND "
                                    "r.id <> ?2 AND coalesce(r.archived_of, 0) <> ?2 ORDER BY r.created_ms, r.id"));
    std::vector<RunInfo> out;
    const auto add = [&](const QString &immutableId) {
        st.bind(1, immutableId).bind(2, run.key);
        while (st.step())
            out.push_back(readRun(st));
        st.reset();
    };
    add(run.immutableId);
    for (const auto &a : archived)
        add(a.immutableId);
    return out;
}

} // namespace forkscope
