// The run catalogue: projects, runs, their names, notes, tags and states.
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
#include "store/chunk_codec.h"
#include "store/damaged_chunk.h"
#include "store/schema.h"
#include "store/sqlite_db.h"
#include "store/store_rows.h"

namespace forkscope {

using namespace store_rows;

// --- projects and runs ----------------------------------------------------

std::vector<ProjectInfo> Store::projects()
{
    auto st = db_->prepare("SELECT p.id, p.entity, p.name, p.created_ms, p.run_count "
                           "FROM projects p ORDER BY p.entity, p.name");
    std::vector<ProjectInfo> out;
    while (st.step())
        out.push_back({st.int64(0), st.text(1), st.text(2), st.int64(4), fromMs(st.int64(3))});
    return out;
}

std::optional<ProjectInfo> Store::findProject(const QString &entity, const QString &name)
{
    for (auto &p : projects()) {
        if (p.entity == entity && p.name == name)
            return p;
    }
    return std::nullopt;
}

std::vector<RunInfo> Store::runs(qint64 projectKey)
{
    auto st = db_->prepare(runQuery("WHERE r.project_id = ?1 AND r.archived_of IS NULL ORDER BY r.created_ms, r.id"));
    st.bind(1, projectKey);
    std::vector<RunInfo> out;
    while (st.step())
        out.push_back(readRun(st));
    return out;
}

std::vector<RunInfo> Store::forksOf(const QString &immutableId)
{
    auto st = db_->prepare(
        runQuery("WHERE r.fork_source_immutable = ?1 AND r.fork_materialized = 0 AND r.archived_of IS NULL "
                 "ORDER BY r.created_ms, r.id"));
    st.bind(1, immutableId);
    std::vector<RunInfo> out;
    while (st.step())
        out.push_back(readRun(st));
    return out;
}

RunInfo Store::runInfo(qint64 runKey)
{
    auto st = db_->prepare(runQuery("WHERE r.id = ?1"));
    st.bind(1, runKey);
    if (!st.step())
        throw Error(Error::Kind::NotFound, StoreText::tr("no run with key %1 in the store").arg(runKey));
    return readRun(st);
}

qint64 Store::runCount()
{
    auto st = db_->prepare("SELECT count(*) FROM runs WHERE archived_of IS NULL");
    st.step();
    return st.int64(0);
}

ProjectInfo Store::requireProject(const QString &name, const QString &entity)
{
    std::vector<ProjectInfo> matches;
    QStringList known;
    for (auto &p : projects()) {
        known << p.entity + QLatin1Char('/') + p.name;
        if (p.name == name && (entity.isEmpty() || p.entity == entity))
            matches.push_back(p);
    }
    if (matches.empty()) {
        const QString shown = entity.isEmpty() ? name : entity + QLatin1Char('/') + name;
        throw Error(Error::Kind::NotFound,
                    StoreText::tr("no project '%1' in the store; expected one of: %2")
                        .arg(shown, known.isEmpty() ? StoreText::tr("(none yet)") : known.join(QStringLiteral(", "))));
    }
    if (matches.size() > 1) {
        QStringList entities;
        for (const auto &p : matches)
            entities << p.entity;
        throw Error(
            Error::Kind::BadInput,
            StoreText::tr("project '%1' exists under several entities (%2); give the entity too (--entity E), or "
                          "name the run by its path entity/project/run_id")
                .arg(name, entities.join(QStringLiteral(", "))));
    }
    return matches.front();
}

RunInfo Store::resolve(const RunRef &ref, const QString &project, const QString &entity)
{
    std::optional<Statement> st;
    switch (ref.kind) {
    case RunRef::Kind::Immutable:
        st.emplace(db_->prepare(runQuery("WHERE r.immutable_id = ?1")));
        st->bind(1, ref.text);
        if (st->step())
            return readRun(*st);
        throw Error(Error::Kind::NotFound, StoreText::tr("no run with immutable ID '%1' in the store").arg(ref.text));
    case RunRef::Kind::Path:
        st.emplace(db_->prepare(runQuery("WHERE p.entity = ?1 AND p.name = ?2 AND r.run_id = ?3")));
        st->bind(1, ref.path.entity).bind(2, ref.path.project).bind(3, ref.path.runId);
        if (st->step())
            return readRun(*st);
        throw Error(
            Error::Kind::NotFound,
            StoreText::tr("no run at path '%1'; expected entity/project/run_id of an existing run").arg(ref.text));
    case RunRef::Kind::RunId: break;
    }
    if (project.isEmpty())
        throw Error(
            Error::Kind::BadInput,
            StoreText::tr("'%1' is a bare run ID, which needs a project; give the project, or name the run by its "
                          "path entity/project/run_id or its immutable ID")
                .arg(ref.text));
    const ProjectInfo found = requireProject(project, entity);
    st.emplace(db_->prepare(runQuery("WHERE r.project_id = ?1 AND r.run_id = ?2")));
    st->bind(1, found.key).bind(2, ref.text);
    if (st->step())
        return readRun(*st);
    throw Error(Error::Kind::NotFound,
                StoreText::tr("no run '%1' in project %2/%3").arg(ref.text, found.entity, project));
}

RunInfo Store::resolve(const QString &text, const QString &project, const QString &entity)
{
    return resolve(RunRef::parse(text), project, entity);
}

qint64 Store::ensureProject(const QString &entity, const QString &name)
{
    if (name.isEmpty() || name.contains(QLatin1Char('/')))
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("project name '%1' is not valid; expected a non-empty name without '/'").arg(name));
    if (entity.isEmpty() || entity.contains(QLatin1Char('/')))
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("entity '%1' is not valid; expected a non-empty name without '/'").arg(entity));
    requireValidText(StoreText::tr("project name"), name);
    requireValidText(StoreText::tr("entity"), entity);
    auto find = db_->prepare("SELECT id FROM projects WHERE entity = ?1 AND name = ?2");
    find.bind(1, entity).bind(2, name);
    if (find.step())
        return find.int64(0);
    auto ins = db_->prepare("INSERT INTO projects (entity, name, created_ms) VALUES (?1, ?2, ?3)");
    ins.bind(1, entity).bind(2, name).bind(3, nowMs()).run();
    return db_->lastInsertRowId();
}

RunInfo Store::insertRun(qint64 projectKey, const NewRun &spec, const std::optional<ForkLink> &fork)
{
    QString runId = spec.runId;
    auto taken = db_->prepare("SELECT (SELECT count(*) FROM runs WHERE project_id = ?1 AND run_id = ?2) + "
                              "(SELECT count(*) FROM retired_run_ids WHERE project_id = ?1 AND run_id = ?2)");
    const auto isTaken = [&](const QString &id) {
        taken.bind(1, projectKey).bind(2, id);
        taken.step();
        const bool t = taken.int64(0) > 0;
        taken.reset();
        return t;
    };
    if (runId.isEmpty()) {
        do
            runId = generateRunId();
        while (isTaken(runId));
    } else {
        requireValidRunId(runId);
        if (isTaken(runId)) {
            // Every rank of a distributed job calling init with one ID: the
            // ones that lose learn who logs the run.
            auto live = db_->prepare(runQuery("WHERE r.project_id = ?1 AND r.run_id = ?2"));
            live.bind(1, projectKey).bind(2, runId);
            if (live.step())
                requireNoLiveWriter(readRun(live), StoreText::tr("cannot create run '%1'").arg(runId));
            throw Error(
                Error::Kind::Conflict,
                StoreText::tr("run ID '%1' is already used in project %2/%3 (run IDs are never reused, even after "
                              "deletion); choose another ID or leave it out to get a generated one")
                    .arg(runId, spec.entity, spec.project));
        }
    }
    QString name = spec.name;
    requireValidText(StoreText::tr("run name"), name);
    requireValidText(StoreText::tr("notes"), spec.notes);
    for (const QString &tag : spec.tags)
        requireValidText(StoreText::tr("tag"), tag);
    {
        auto ord = db_->prepare("UPDATE projects SET next_ordinal = next_ordinal + 1 WHERE id = ?1 "
                                "RETURNING next_ordinal - 1");
        ord.bind(1, projectKey);
        ord.step();
        const qint64 ordinal = ord.int64(0);
        ord.reset();
        if (name.isEmpty())
            name = generateDisplayName(ordinal);
    }
    auto ins = db_->prepare(
        "INSERT INTO runs (immutable_id, project_id, run_id, name, state, created_ms, heartbeat_ms, "
        "fork_source_immutable, fork_source_run_id, fork_source_path, fork_step, config, summary, metadata, "
        "notes, tags, writer_token, writer_pid, writer_host) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8, ?9, ?10, "
        "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
    const qint64 now = nowMs();
    ins.bind(1, generateImmutableId()).bind(2, projectKey).bind(3, runId).bind(4, name);
    ins.bind(5, runStateName(spec.state)).bind(6, now);
    if (fork) {
        ins.bind(7, fork->sourceImmutableId).bind(8, fork->sourceRunId).bind(9, fork->sourcePath);
        ins.bind(10, fork->step);
    }
    ins.bind(11, dumpJson(spec.config.is_null() ? Json::object() : spec.config));
    ins.bind(12, std::string("{}"));
    ins.bind(13, dumpJson(spec.metadata.is_null() ? Json::object() : spec.metadata));
    ins.bind(14, spec.notes).bind(15, dumpJson(stringListToJson(spec.tags)));
    if (spec.writer && spec.state == RunState::Running)
        ins.bind(16, spec.writer->token).bind(17, spec.writer->pid).bind(18, spec.writer->host);
    ins.run();
    return runInfo(db_->lastInsertRowId());
}

RunInfo Store::createRun(const NewRun &spec)
{
    NewRun s = spec;
    if (s.entity.isEmpty())
        s.entity = defaultEntity();
    WriteTransaction tx(*db_);
    const qint64 projectKey = ensureProject(s.entity, s.project);
    RunInfo info = insertRun(projectKey, s, std::nullopt);
    tx.commit();
    return info;
}

void Store::rename(qint64 runKey, const QString &name)
{
    if (name.trimmed().isEmpty())
        throw Error(Error::Kind::BadInput, StoreText::tr("a run name cannot be empty; expected some text"));
    requireValidText(StoreText::tr("run name"), name);
    setRunColumn(*db_, runKey, "name", name);
}

void Store::setNotes(qint64 runKey, const QString &notes)
{
    requireValidText(StoreText::tr("notes"), notes);
    setRunColumn(*db_, runKey, "notes", notes);
}

void Store::setTags(qint64 runKey, const QStringList &tags)
{
    for (const QString &tag : tags)
        requireValidText(StoreText::tr("tag"), tag);
    setRunColumn(*db_, runKey, "tags", dumpJson(stringListToJson(tags)));
}

void Store::setState(qint64 runKey, RunState state, std::optional<int> exitCode)
{
    const bool ended = state == RunState::Finished || state == RunState::Failed || state == RunState::Crashed;
    auto st = db_->prepare("UPDATE runs SET state = ?2, exit_code = ?3, heartbeat_ms = ?4, "
                           "finished_ms = CASE WHEN ?5 THEN ?4 ELSE NULL END WHERE id = ?1");
    st.bind(1, runKey).bind(2, runStateName(state));
    if (exitCode)
        st.bind(3, *exitCode);
    st.bind(4, nowMs()).bind(5, ended ? 1 : 0).run();
}

void Store::heartbeat(qint64 runKey)
{
    setRunColumn(*db_, runKey, "heartbeat_ms", nowMs());
}

void Store::setConfig(qint64 runKey, const Json &config)
{
    setRunColumn(*db_, runKey, "config", dumpJson(config));
}

void Store::setMetadata(qint64 runKey, const Json &metadata)
{
    setRunColumn(*db_, runKey, "metadata", dumpJson(metadata));
}

void Store::setTimes(qint64 runKey, const QDateTime &created, const QDateTime &lastActivity, const QDateTime &finished)
{
    const auto bindTime = [](Statement &st, int index, const QDateTime &t) {
        if (t.isValid())
            st.bind(index, t.toMSecsSinceEpoch());
        else
            st.bindNull(index);
    };
    auto st = db_->prepare("UPDATE runs SET created_ms = coalesce(?2, created_ms), "
                           "heartbeat_ms = coalesce(?3, heartbeat_ms), finished_ms = coalesce(?4, finished_ms) "
                           "WHERE id = ?1");
    st.bind(1, runKey);
    bindTime(st, 2, created);
    bindTime(st, 3, lastActivity);
    bindTime(st, 4, finished);
    st.run();
}

std::optional<RunInfo> Store::findImported(qint64 projectKey, const QString &importKey)
{
    auto st = db_->prepare(runQuery("WHERE r.project_id = ?1 AND r.archived_of IS NULL AND "
                                    "json_extract(r.metadata, '$.import.key') = ?2"));
    st.bind(1, projectKey).bind(2, importKey);
    if (st.step())
        return readRun(st);
    return std::nullopt;
}

std::vector<RunInfo> Store::runsWithPendingFork()
{
    auto st = db_->prepare(
        runQuery("WHERE json_extract(r.metadata, '$.import.pending_fork') IS NOT NULL AND r.archived_of IS NULL"));
    std::vector<RunInfo> out;
    while (st.step())
        out.push_back(readRun(st));
    return out;
}

} // namespace forkscope
