#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <algorithm>
#include <cmath>
#include <map>

#include "core/error.h"
#include "core/plain_text.h"
#include "core/exact_integer.h"
#include "identity/display_name.h"
#include "identity/fork_spec.h"
#include "identity/immutable_id.h"
#include "identity/run_id.h"
#include "store/chunk_codec.h"
#include "store/damaged_chunk.h"
#include "store/schema.h"
#include "store/sqlite_db.h"

namespace fs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fs::Store", text);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QDateTime fromMs(const std::optional<qint64> &ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC) : QDateTime();
}

constexpr int kMaxForkDepth = 10000;

// Columns read by readRun(), in order.
constexpr const char *kRunColumns =
    "r.id, r.project_id, r.immutable_id, r.run_id, r.name, p.entity, p.name, r.state, r.created_ms, "
    "r.heartbeat_ms, r.finished_ms, r.exit_code, r.fork_source_immutable, r.fork_source_run_id, "
    "r.fork_source_path, r.fork_step, r.fork_materialized, r.config, r.summary, r.metadata, r.notes, r.tags, "
    "r.own_first_step, r.own_last_step, r.writer_token, r.writer_pid, r.writer_host FROM runs r JOIN projects p ON p.id = r.project_id ";

std::string runQuery(const char *where)
{
    return std::string("SELECT ") + kRunColumns + where;
}

// Text that is not valid Unicode could not be looked up again as typed.
void requireValidText(const QString &what, const QString &text)
{
    const QString problem = invalidTextProblem(what, text);
    if (!problem.isEmpty())
        throw Error(Error::Kind::BadInput, problem);
}

// A chunk's summary columns, in the order summaryAt() reads them.
constexpr const char *kSummaryColumns = "c.first_step, c.last_step, c.count, c.min_value, c.max_value, "
                                        "c.first_value, c.last_value, c.nan_count";

ChunkSummary summaryAt(const Statement &st, int at)
{
    return {st.int64(at),         st.int64(at + 1),     st.int64(at + 2), st.real(at + 3),
            st.real(at + 4),      st.real(at + 5),      st.real(at + 6),  st.int64(at + 7)};
}

StepRange intersect(StepRange a, StepRange b)
{
    return {std::max(a.lo, b.lo), std::min(a.hi, b.hi)};
}

} // namespace

QString defaultStorePath()
{
    const QString fromEnv = qEnvironmentVariable("FORKSCOPE_STORE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base).filePath(QStringLiteral("forkscope/store.sqlite"));
}

QString storeReadOnlyReason(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isWritable())
        return tr("the store file '%1' cannot be written").arg(path);
    QFileInfo folder(info.absolutePath());
    while (!folder.exists() && !folder.isRoot()) // a missing folder is made by the first write
        folder = QFileInfo(folder.absolutePath());
    if (!folder.isWritable())
        return tr("the folder '%1' cannot be written").arg(folder.absoluteFilePath());
    return {};
}

namespace {

// Read-only opening: SQLite needs the -shm file to read a WAL store; where
// the folder cannot be written and there is none, open it immutable.
std::unique_ptr<SqliteDb> openForReading(const QString &path)
{
    auto db = std::make_unique<SqliteDb>(path, SqliteDb::Open::ReadOnly);
    try {
        checkReadableSchema(*db);
        return db;
    } catch (const Error &) {
        if (QFileInfo(QFileInfo(path).absolutePath()).isWritable())
            throw;
    }
    db = std::make_unique<SqliteDb>(path, SqliteDb::Open::Immutable);
    checkReadableSchema(*db);
    return db;
}

} // namespace

Store::Store(const QString &path, StoreAccess access) : access_(access)
{
    const QFileInfo info(path);
    if (info.exists() && info.isDir())
        throw Error(Error::Kind::BadInput,
                    tr("the store path '%1' is a folder; expected a store file such as '%1/store.sqlite'").arg(path));
    if (info.exists() && !info.isFile())
        throw Error(Error::Kind::BadInput, tr("'%1' is not a Forkscope store: it is a device or another special "
                                              "file; expected a store file or a path for a new one")
                                               .arg(path));
    if (access == StoreAccess::ReadOnly) {
        if (!info.exists())
            throw Error(Error::Kind::NotFound,
                        tr("there is no store at '%1'; expected the path of an existing store file").arg(path));
        if (info.size() == 0)
            throw Error(Error::Kind::Storage,
                        tr("'%1' is not a Forkscope store: it is empty (0 bytes); it was left untouched").arg(path));
        db_ = openForReading(path);
        return;
    }
    if (!info.exists() && !QDir().mkpath(info.absolutePath()))
        throw Error(Error::Kind::Storage, tr("cannot create the folder for the store '%1'").arg(path));
    db_ = std::make_unique<SqliteDb>(path);
    db_->exec("PRAGMA synchronous=NORMAL");
    db_->exec("PRAGMA foreign_keys=ON");
    // First make sure the file is ours (or new): nothing is written to a
    // foreign or newer store, not even the journal mode.
    migrateSchema(*db_);
    // journal_mode=WAL is persistent; setting it needs a moment of exclusive
    // access, so only ask when the store is not in WAL yet.
    auto st = db_->prepare("PRAGMA journal_mode");
    const bool wal = st.step() && st.text(0).compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0;
    st.reset();
    if (!wal)
        db_->exec("PRAGMA journal_mode=WAL");
}

Store::~Store() = default;

QString Store::path() const
{
    return db_->path();
}

SqliteDb &Store::db()
{
    return *db_;
}

RunInfo Store::readRun(Statement &st)
{
    RunInfo r;
    r.key = st.int64(0);
    r.projectKey = st.int64(1);
    r.immutableId = st.text(2);
    r.runId = st.text(3);
    r.name = st.text(4);
    r.entity = st.text(5);
    r.project = st.text(6);
    r.storedState = parseRunState(st.text(7)).value_or(RunState::Pending);
    r.createdAt = fromMs(st.int64(8));
    r.heartbeatAt = fromMs(st.optionalInt64(9));
    r.finishedAt = fromMs(st.optionalInt64(10));
    if (!st.isNull(11))
        r.exitCode = int(st.int64(11));
    if (!st.isNull(12)) {
        r.fork = ForkLink{st.text(12), st.text(13), st.text(14), st.int64(15), st.int64(16) != 0};
    }
    const QString where = tr("run %1").arg(r.runId);
    r.config = parseJson(st.stdText(17), where);
    r.summary = parseJson(st.stdText(18), where);
    r.metadata = parseJson(st.stdText(19), where);
    r.notes = st.text(20);
    r.tags = jsonToStringList(parseJson(st.stdText(21), where));
    r.ownFirstStep = st.optionalInt64(22);
    r.ownLastStep = st.optionalInt64(23);
    if (!st.isNull(24))
        r.writer = WriterIdentity{st.text(24), st.int64(25), st.text(26)};
    r.state = r.storedState;
    if (r.storedState == RunState::Running) {
        const QDateTime beat = r.heartbeatAt.isValid() ? r.heartbeatAt : r.createdAt;
        if (beat.msecsTo(QDateTime::currentDateTimeUtc()) > heartbeatTimeoutMs_)
            r.state = RunState::Crashed;
    }
    return r;
}

// --- projects and runs ----------------------------------------------------

std::vector<ProjectInfo> Store::projects()
{
    auto st = db_->prepare("SELECT p.id, p.entity, p.name, p.created_ms, "
                           "(SELECT count(*) FROM runs r WHERE r.project_id = p.id) "
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
    auto st = db_->prepare(runQuery("WHERE r.project_id = ?1 ORDER BY r.created_ms, r.id"));
    st.bind(1, projectKey);
    std::vector<RunInfo> out;
    while (st.step())
        out.push_back(readRun(st));
    return out;
}

std::vector<RunInfo> Store::forksOf(const QString &immutableId)
{
    auto st = db_->prepare(
        runQuery("WHERE r.fork_source_immutable = ?1 AND r.fork_materialized = 0 ORDER BY r.created_ms, r.id"));
    st.bind(1, immutableId);
    std::vector<RunInfo> out;
    while (st.step())
        out.push_back(readRun(st));
    return out;
}

RunInfo Store::run(qint64 runKey)
{
    auto st = db_->prepare(runQuery("WHERE r.id = ?1"));
    st.bind(1, runKey);
    if (!st.step())
        throw Error(Error::Kind::NotFound, tr("no run with key %1 in the store").arg(runKey));
    return readRun(st);
}

qint64 Store::runCount()
{
    auto st = db_->prepare("SELECT count(*) FROM runs");
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
                    tr("no project '%1' in the store; expected one of: %2")
                        .arg(shown, known.isEmpty() ? tr("(none yet)") : known.join(QStringLiteral(", "))));
    }
    if (matches.size() > 1) {
        QStringList entities;
        for (const auto &p : matches)
            entities << p.entity;
        throw Error(Error::Kind::BadInput,
                    tr("project '%1' exists under several entities (%2); give the entity too (--entity E), or "
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
        throw Error(Error::Kind::NotFound, tr("no run with immutable ID '%1' in the store").arg(ref.text));
    case RunRef::Kind::Path:
        st.emplace(db_->prepare(runQuery("WHERE p.entity = ?1 AND p.name = ?2 AND r.run_id = ?3")));
        st->bind(1, ref.path.entity).bind(2, ref.path.project).bind(3, ref.path.runId);
        if (st->step())
            return readRun(*st);
        throw Error(Error::Kind::NotFound,
                    tr("no run at path '%1'; expected entity/project/run_id of an existing run").arg(ref.text));
    case RunRef::Kind::RunId:
        break;
    }
    if (project.isEmpty())
        throw Error(Error::Kind::BadInput,
                    tr("'%1' is a bare run ID, which needs a project; give the project, or name the run by its "
                       "path entity/project/run_id or its immutable ID")
                        .arg(ref.text));
    const ProjectInfo found = requireProject(project, entity);
    st.emplace(db_->prepare(runQuery("WHERE r.project_id = ?1 AND r.run_id = ?2")));
    st->bind(1, found.key).bind(2, ref.text);
    if (st->step())
        return readRun(*st);
    throw Error(Error::Kind::NotFound, tr("no run '%1' in project %2/%3").arg(ref.text, found.entity, project));
}

RunInfo Store::resolve(const QString &text, const QString &project, const QString &entity)
{
    return resolve(RunRef::parse(text), project, entity);
}

qint64 Store::ensureProject(const QString &entity, const QString &name)
{
    if (name.isEmpty() || name.contains(QLatin1Char('/')))
        throw Error(Error::Kind::BadInput,
                    tr("project name '%1' is not valid; expected a non-empty name without '/'").arg(name));
    if (entity.isEmpty() || entity.contains(QLatin1Char('/')))
        throw Error(Error::Kind::BadInput,
                    tr("entity '%1' is not valid; expected a non-empty name without '/'").arg(entity));
    requireValidText(tr("project name"), name);
    requireValidText(tr("entity"), entity);
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
                requireNoLiveWriter(readRun(live), tr("cannot create run '%1'").arg(runId));
            throw Error(Error::Kind::Conflict,
                        tr("run ID '%1' is already used in project %2/%3 (run IDs are never reused, even after "
                           "deletion); choose another ID or leave it out to get a generated one")
                            .arg(runId, spec.entity, spec.project));
        }
    }
    QString name = spec.name;
    requireValidText(tr("run name"), name);
    requireValidText(tr("notes"), spec.notes);
    for (const QString &tag : spec.tags)
        requireValidText(tr("tag"), tag);
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
    return run(db_->lastInsertRowId());
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

RunInfo Store::createFork(const ForkSpec &spec, const ForkOptions &options)
{
    WriteTransaction tx(*db_);
    RunInfo source;
    try {
        source = resolve(spec.run, options.project, options.entity);
    } catch (const Error &e) {
        if (e.kind() != Error::Kind::NotFound)
            throw;
        throw Error(Error::Kind::NotFound,
                    tr("cannot fork: the source run was not found (%1); expected '<run>?_step=<N>' naming an "
                       "existing run by run ID, path or immutable ID")
                        .arg(e.message()));
    }
    const auto last = source.lastStep();
    if (!last)
        throw Error(Error::Kind::BadInput,
                    tr("cannot fork run '%1' at step %2: it has logged no steps yet; fork a run that has history")
                        .arg(source.runId)
                        .arg(spec.step));
    if (spec.step > *last)
        throw Error(Error::Kind::BadInput,
                    tr("cannot fork run '%1' at step %2: its last step is %3; expected a step from 0 to %3")
                        .arg(source.runId)
                        .arg(spec.step)
                        .arg(*last));
    if (!options.runId.isEmpty() && options.runId == source.runId)
        throw Error(Error::Kind::BadInput,
                    tr("a fork's ID must differ from its source's; '%1' is the source's run ID. Choose another ID "
                       "or leave it out to get a generated one")
                        .arg(options.runId));

    NewRun s;
    s.entity = options.entity.isEmpty() ? source.entity : options.entity;
    s.project = options.project.isEmpty() ? source.project : options.project;
    s.runId = options.runId;
    s.name = options.name;
    s.notes = options.notes;
    s.tags = options.tags;
    s.metadata = options.metadata;
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
    return run(fork.key);
}

void Store::rename(qint64 runKey, const QString &name)
{
    if (name.trimmed().isEmpty())
        throw Error(Error::Kind::BadInput, tr("a run name cannot be empty; expected some text"));
    requireValidText(tr("run name"), name);
    auto st = db_->prepare("UPDATE runs SET name = ?2 WHERE id = ?1");
    st.bind(1, runKey).bind(2, name).run();
}

void Store::setNotes(qint64 runKey, const QString &notes)
{
    requireValidText(tr("notes"), notes);
    auto st = db_->prepare("UPDATE runs SET notes = ?2 WHERE id = ?1");
    st.bind(1, runKey).bind(2, notes).run();
}

void Store::setTags(qint64 runKey, const QStringList &tags)
{
    for (const QString &tag : tags)
        requireValidText(tr("tag"), tag);
    auto st = db_->prepare("UPDATE runs SET tags = ?2 WHERE id = ?1");
    st.bind(1, runKey).bind(2, dumpJson(stringListToJson(tags))).run();
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
    auto st = db_->prepare("UPDATE runs SET heartbeat_ms = ?2 WHERE id = ?1");
    st.bind(1, runKey).bind(2, nowMs()).run();
}

void Store::setConfig(qint64 runKey, const Json &config)
{
    auto st = db_->prepare("UPDATE runs SET config = ?2 WHERE id = ?1");
    st.bind(1, runKey).bind(2, dumpJson(config)).run();
}

void Store::setMetadata(qint64 runKey, const Json &metadata)
{
    auto st = db_->prepare("UPDATE runs SET metadata = ?2 WHERE id = ?1");
    st.bind(1, runKey).bind(2, dumpJson(metadata)).run();
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

void Store::linkFork(qint64 runKey, const ForkLink &link)
{
    const RunInfo self = run(runKey);
    // Walk up from the source: meeting this run again would make a cycle.
    QString at = link.sourceImmutableId;
    for (int depth = 0; depth < kMaxForkDepth && !at.isEmpty(); ++depth) {
        if (at == self.immutableId)
            throw Error(
                Error::Kind::Conflict,
                tr("cannot link run '%1' to '%2': the source descends from it").arg(self.runId, link.sourceRunId));
        auto st = db_->prepare("SELECT fork_source_immutable FROM runs WHERE immutable_id = ?1");
        st.bind(1, at);
        at = st.step() ? st.text(0) : QString();
    }
    auto st = db_->prepare("UPDATE runs SET fork_source_immutable = ?2, fork_source_run_id = ?3, "
                           "fork_source_path = ?4, fork_step = ?5, fork_materialized = 0 WHERE id = ?1");
    st.bind(1, runKey).bind(2, link.sourceImmutableId).bind(3, link.sourceRunId).bind(4, link.sourcePath);
    st.bind(5, link.step).run();
}

std::optional<RunInfo> Store::findImported(qint64 projectKey, const QString &importKey)
{
    auto st = db_->prepare(runQuery("WHERE r.project_id = ?1 AND json_extract(r.metadata, '$.import.key') = ?2"));
    st.bind(1, projectKey).bind(2, importKey);
    if (st.step())
        return readRun(st);
    return std::nullopt;
}

std::vector<RunInfo> Store::runsWithPendingFork()
{
    auto st = db_->prepare(runQuery("WHERE json_extract(r.metadata, '$.import.pending_fork') IS NOT NULL"));
    std::vector<RunInfo> out;
    while (st.step())
        out.push_back(readRun(st));
    return out;
}

void Store::deleteRun(qint64 runKey, bool materializeForks)
{
    WriteTransaction tx(*db_);
    const RunInfo info = run(runKey);
    requireNoLiveWriter(info, tr("cannot delete run '%1'").arg(info.runId));
    const auto forks = forksOf(info.immutableId);
    if (!forks.empty() && !materializeForks) {
        QStringList names;
        for (const auto &f : forks)
            names << QStringLiteral("%1 (%2)").arg(f.name, f.runId);
        throw Error(Error::Kind::Conflict,
                    QCoreApplication::translate("fs::Store",
                                                "run '%1' has %n fork(s) that inherit its history: %2. Delete "
                                                "them first, or materialize the inherited history into them "
                                                "(--materialize-forks)",
                                                nullptr, int(forks.size()))
                        .arg(info.runId, names.join(QStringLiteral(", "))));
    }
    for (const auto &f : forks)
        requireNoLiveWriter(f, tr("cannot delete run '%1' and copy its history into fork '%2'")
                                   .arg(info.runId, f.runId));
    for (const auto &f : forks)
        materializeInto(f);
    for (const char *sql : {"DELETE FROM chunk_data WHERE id IN (SELECT c.data_id FROM chunks c JOIN series s ON "
                            "s.id = c.series WHERE s.run = ?1)",
                            "DELETE FROM chunks WHERE series IN (SELECT id FROM series WHERE run = ?1)",
                            "DELETE FROM text_points WHERE series IN (SELECT id FROM series WHERE run = ?1)",
                            "DELETE FROM series WHERE run = ?1", "DELETE FROM runs WHERE id = ?1"}) {
        auto st = db_->prepare(sql);
        st.bind(1, runKey).run();
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
    for (const QString &key : keys(fork.key, true)) {
        PointVector points;
        std::vector<TextPoint> texts;
        for (const auto &seg : segs) {
            for (const auto &ref : chunkRefs(seg.run, key, seg.steps, false))
                readChunk(ref, points);
            auto t = readText(seg.run, key, seg.steps, false);
            texts.insert(texts.end(), std::make_move_iterator(t.begin()), std::make_move_iterator(t.end()));
        }
        if (points.empty() && texts.empty())
            continue;
        const bool integral = integralSeries(fork.key, key);
        const qint64 series = seriesId(fork.key, key, true);
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
    auto st = db_->prepare("UPDATE runs SET fork_materialized = 1 WHERE id = ?1");
    st.bind(1, fork.key).run();
}

// --- history ----------------------------------------------------------------

std::vector<HistorySegment> Store::segments(qint64 runKey)
{
    std::vector<HistorySegment> out;
    RunInfo cur = run(runKey);
    qint64 hi = std::numeric_limits<qint64>::max();
    for (int depth = 0; depth < kMaxForkDepth; ++depth) {
        const bool follow = cur.fork && !cur.fork->materialized;
        const qint64 lo = follow ? cur.fork->step + 1 : std::numeric_limits<qint64>::min();
        if (lo <= hi)
            out.push_back({cur.key, {lo, hi}});
        if (!follow)
            break;
        hi = std::min(hi, cur.fork->step);
        auto st = db_->prepare(runQuery("WHERE r.immutable_id = ?1"));
        st.bind(1, cur.fork->sourceImmutableId);
        if (!st.step())
            break;
        cur = readRun(st);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

QStringList Store::keys(qint64 runKey, bool effective)
{
    return keysWithData(runKey, effective, false);
}

QStringList Store::numericKeys(qint64 runKey, bool effective)
{
    return keysWithData(runKey, effective, true);
}

QStringList Store::keysWithData(qint64 runKey, bool effective, bool numericOnly)
{
    auto segs = effective ? segments(runKey) : std::vector<HistorySegment>{{runKey, {}}};
    auto st = db_->prepare(
        "SELECT s.key FROM series s WHERE s.run = ?1 AND ("
        "EXISTS (SELECT 1 FROM chunks c WHERE c.series = s.id AND c.first_step <= ?3 AND c.last_step >= ?2) OR "
        "(NOT ?4 AND EXISTS (SELECT 1 FROM text_points t WHERE t.series = s.id AND t.step BETWEEN ?2 AND ?3)))");
    QStringList out;
    for (const auto &seg : segs) {
        st.bind(1, seg.run).bind(2, seg.steps.lo).bind(3, seg.steps.hi).bind(4, numericOnly ? 1 : 0);
        while (st.step())
            out << st.text(0);
        st.reset();
    }
    out.sort();
    out.removeDuplicates();
    return out;
}

std::vector<ChunkRef> Store::chunkRefs(qint64 runKey, const QString &key, StepRange range, bool effective)
{
    auto segs = effective ? segments(runKey) : std::vector<HistorySegment>{{runKey, {}}};
    // Chunks of one series never overlap, so the chunk holding `lo` is the
    // one with the greatest first_step <= lo: an index seek, not a scan.
    auto st = db_->prepare(
        "SELECT " + std::string(kSummaryColumns) +
        " FROM chunks c WHERE series = ?1 AND first_step >= coalesce((SELECT max(first_step) FROM chunks WHERE "
        "series = ?1 AND first_step <= ?2), ?2) AND first_step <= ?3 AND last_step >= ?2 ORDER BY first_step");
    std::vector<ChunkRef> out;
    for (const auto &seg : segs) {
        const StepRange clip = intersect(seg.steps, range);
        if (clip.empty())
            continue;
        const qint64 series = seriesId(seg.run, key, false);
        if (series == 0)
            continue;
        st.bind(1, series).bind(2, clip.lo).bind(3, clip.hi);
        while (st.step()) {
            ChunkRef ref;
            ref.series = series;
            ref.summary = summaryAt(st, 0);
            ref.clip = clip;
            ref.whole = ref.summary.firstStep >= clip.lo && ref.summary.lastStep <= clip.hi;
            out.push_back(ref);
        }
        st.reset();
    }
    return out;
}

void Store::readChunk(const ChunkRef &ref, PointVector &out)
{
    withChunkBlob(ref, [&](std::string_view blob) { decodeChunk(blob, ref.summary.firstStep, ref.clip, out); });
}

void Store::withChunkBlob(const ChunkRef &ref, const std::function<void(std::string_view)> &use, bool verify)
{
    auto st = db_->prepare("SELECT d.data FROM chunks c LEFT JOIN chunk_data d ON d.id = c.data_id "
                           "WHERE c.series = ?1 AND c.first_step = ?2");
    st.bind(1, ref.series).bind(2, ref.summary.firstStep);
    if (!st.step())
        return;
    if (verify)
        verifyChunk(ref.series, ref.summary, st.blob(0));
    use(st.blob(0));
}

void Store::verifyChunk(qint64 series, const ChunkSummary &summary, std::string_view blob)
{
    const ChunkCheck check = checkChunk(blob, summary);
    if (check.health == ChunkHealth::Damaged) {
        const auto [run, key] = describeSeries(series);
        throw DamagedChunkError(tr("damaged data in run %1, key '%2', steps %3-%4: %5. It was not used; "
                                   "'forkscope-cli check --repair' quarantines it.")
                                    .arg(run, key)
                                    .arg(summary.firstStep)
                                    .arg(summary.lastStep)
                                    .arg(check.reason),
                                series, {summary.firstStep, summary.lastStep});
    }
}

std::pair<QString, QString> Store::describeSeries(qint64 series)
{
    auto st = db_->prepare("SELECT p.entity || '/' || p.name || '/' || r.run_id, s.key FROM series s "
                           "JOIN runs r ON r.id = s.run JOIN projects p ON p.id = r.project_id WHERE s.id = ?1");
    st.bind(1, series);
    if (st.step())
        return {st.text(0), st.text(1)};
    return {tr("(unknown run)"), tr("(unknown key)")};
}

PointVector Store::readSeries(qint64 runKey, const QString &key, StepRange range, bool effective)
{
    auto segs = effective ? segments(runKey) : std::vector<HistorySegment>{{runKey, {}}};
    auto st = db_->prepare(
        "SELECT c.first_step, d.data, " + std::string(kSummaryColumns) +
        " FROM chunks c LEFT JOIN chunk_data d ON d.id = c.data_id WHERE c.series = ?1 "
        "AND c.first_step >= coalesce((SELECT max(first_step) FROM chunks WHERE series = ?1 AND "
        "first_step <= ?2), ?2) AND c.first_step <= ?3 AND c.last_step >= ?2 ORDER BY c.first_step");
    PointVector out;
    for (const auto &seg : segs) {
        const StepRange clip = intersect(seg.steps, range);
        if (clip.empty())
            continue;
        const qint64 series = seriesId(seg.run, key, false);
        if (series == 0)
            continue;
        st.bind(1, series).bind(2, clip.lo).bind(3, clip.hi);
        while (st.step()) {
            verifyChunk(series, summaryAt(st, 2), st.blob(1));
            decodeChunk(st.blob(1), st.int64(0), clip, out);
        }
        st.reset();
    }
    return out;
}

std::vector<TextPoint> Store::readText(qint64 runKey, const QString &key, StepRange range, bool effective)
{
    auto segs = effective ? segments(runKey) : std::vector<HistorySegment>{{runKey, {}}};
    auto st = db_->prepare("SELECT step, value FROM text_points WHERE series = ?1 AND step BETWEEN ?2 AND ?3 "
                           "ORDER BY step");
    std::vector<TextPoint> out;
    for (const auto &seg : segs) {
        const StepRange clip = intersect(seg.steps, range);
        if (clip.empty())
            continue;
        const qint64 series = seriesId(seg.run, key, false);
        if (series == 0)
            continue;
        st.bind(1, series).bind(2, clip.lo).bind(3, clip.hi);
        while (st.step())
            out.push_back({st.int64(0), st.stdText(1)});
        st.reset();
    }
    return out;
}

std::map<std::string, qint64> Store::ownLastStepByKey(qint64 runKey)
{
    auto st = db_->prepare("SELECT s.key, (SELECT max(last_step) FROM chunks c WHERE c.series = s.id), "
                           "(SELECT max(step) FROM text_points t WHERE t.series = s.id) FROM series s WHERE s.run = ?1");
    st.bind(1, runKey);
    std::map<std::string, qint64> out;
    while (st.step()) {
        std::optional<qint64> last = st.optionalInt64(1);
        if (const auto text = st.optionalInt64(2); text && (!last || *text > *last))
            last = text;
        if (last)
            out[st.text(0).toStdString()] = *last;
    }
    return out;
}

Json Store::lastValues(qint64 runKey, qint64 upTo)
{
    // One chunk and one text row per key and segment, newest first: the cost
    // depends on the number of keys, not on the length of the history.
    auto segs = segments(runKey);
    std::reverse(segs.begin(), segs.end());
    auto lastChunk = db_->prepare("SELECT c.first_step, d.data, " + std::string(kSummaryColumns) +
                                  " FROM chunks c LEFT JOIN chunk_data d ON d.id = c.data_id "
                                  "WHERE c.series = ?1 AND c.first_step <= ?2 ORDER BY c.first_step DESC LIMIT 1");
    auto lastText = db_->prepare("SELECT step, value FROM text_points WHERE series = ?1 AND step BETWEEN ?2 AND ?3 "
                                 "ORDER BY step DESC LIMIT 1");
    Json out = Json::object();
    for (const QString &key : keys(runKey, true)) {
        const bool integral = integralSeries(runKey, key);
        for (const auto &seg : segs) {
            const StepRange clip = intersect(seg.steps, {std::numeric_limits<qint64>::min(), upTo});
            const qint64 series = clip.empty() ? 0 : seriesId(seg.run, key, false);
            if (series == 0)
                continue;
            std::optional<qint64> step;
            Json value;
            lastChunk.bind(1, series).bind(2, clip.hi);
            if (lastChunk.step()) {
                PointVector pts;
                verifyChunk(series, summaryAt(lastChunk, 2), lastChunk.blob(1));
                decodeChunk(lastChunk.blob(1), lastChunk.int64(0), clip, pts);
                if (!pts.empty()) {
                    step = pts.back().step;
                    value = storedNumber(pts.back().value, integral);
                }
            }
            lastChunk.reset();
            lastText.bind(1, series).bind(2, clip.lo).bind(3, clip.hi);
            if (lastText.step() && (!step || lastText.int64(0) > *step)) {
                step = lastText.int64(0);
                value = parseJson(lastText.stdText(1), key);
            }
            lastText.reset();
            if (step) {
                out[toStd(key)] = value;
                break;
            }
        }
    }
    return out;
}

void Store::forEachRow(qint64 runKey, const QStringList &wanted, bool effective,
                       const std::function<void(qint64, const Json &)> &row)
{
    // One snapshot: a writer committing between two keys must not make rows
    // that hold one key and miss another.
    ReadTransaction snapshot(*db_);
    const QStringList all = keys(runKey, effective);
    QStringList chosen;
    for (const auto &k : wanted.isEmpty() ? all : wanted) {
        if (all.contains(k))
            chosen << k;
    }
    struct Cursor {
        std::string key;
        PointVector points;
        std::vector<TextPoint> texts;
        bool integral = false;
        size_t p = 0, t = 0;
    };
    std::vector<Cursor> cursors;
    for (const auto &k : chosen)
        cursors.push_back({toStd(k), readSeries(runKey, k, {}, effective), readText(runKey, k, {}, effective),
                           integralSeries(runKey, k, effective)});
    for (;;) {
        qint64 next = std::numeric_limits<qint64>::max();
        bool any = false;
        for (const auto &c : cursors) {
            if (c.p < c.points.size()) {
                next = std::min(next, c.points[c.p].step);
                any = true;
            }
            if (c.t < c.texts.size()) {
                next = std::min(next, c.texts[c.t].step);
                any = true;
            }
        }
        if (!any)
            return;
        Json r = Json::object();
        for (auto &c : cursors) {
            if (c.p < c.points.size() && c.points[c.p].step == next)
                r[c.key] = storedNumber(c.points[c.p++].value, c.integral);
            if (c.t < c.texts.size() && c.texts[c.t].step == next)
                r[c.key] = parseJson(c.texts[c.t++].json, toQ(c.key));
        }
        row(next, r);
    }
}

// --- writing ----------------------------------------------------------------

qint64 Store::seriesId(qint64 runKey, const QString &key, bool create)
{
    auto find = db_->prepare("SELECT id FROM series WHERE run = ?1 AND key = ?2");
    find.bind(1, runKey).bind(2, key);
    if (find.step())
        return find.int64(0);
    if (!create)
        return 0;
    auto ins = db_->prepare("INSERT INTO series (run, key, integral) VALUES (?1, ?2, 1)");
    ins.bind(1, runKey).bind(2, key).run();
    return db_->lastInsertRowId();
}

void Store::clearIntegral(qint64 series)
{
    auto st = db_->prepare("UPDATE series SET integral = 0 WHERE id = ?1 AND integral = 1");
    st.bind(1, series).run();
}

bool Store::integralSeries(qint64 runKey, const QString &key, bool effective)
{
    const auto segs = effective ? segments(runKey) : std::vector<HistorySegment>{{runKey, {}}};
    auto st = db_->prepare("SELECT integral FROM series WHERE run = ?1 AND key = ?2");
    bool any = false;
    for (const auto &seg : segs) {
        st.bind(1, seg.run).bind(2, key);
        if (st.step()) {
            any = true;
            if (st.int64(0) == 0)
                return false;
        }
        st.reset();
    }
    return any;
}

void Store::writeChunk(qint64 series, const Point *points, size_t count)
{
    if (count == 0)
        return;
    const ChunkSummary s = summarize(points, count);
    const std::string blob = encodeChunk(points, count);
    // The open chunk of a live run is rewritten in place on every flush.
    auto find = db_->prepare("SELECT data_id FROM chunks WHERE series = ?1 AND first_step = ?2");
    find.bind(1, series).bind(2, s.firstStep);
    qint64 dataId = 0;
    if (find.step()) {
        dataId = find.int64(0);
        auto upd = db_->prepare("UPDATE chunk_data SET data = ?2 WHERE id = ?1");
        upd.bind(1, dataId).bindBlob(2, blob.data(), int(blob.size())).run();
    } else {
        auto ins = db_->prepare("INSERT INTO chunk_data (data) VALUES (?1)");
        ins.bindBlob(1, blob.data(), int(blob.size())).run();
        dataId = db_->lastInsertRowId();
    }
    find.reset();
    auto st = db_->prepare("INSERT OR REPLACE INTO chunks (series, first_step, last_step, count, min_value, "
                           "max_value, first_value, last_value, nan_count, data_id) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    st.bind(1, series).bind(2, s.firstStep).bind(3, s.lastStep).bind(4, s.count);
    st.bind(5, s.min).bind(6, s.max).bind(7, s.first).bind(8, s.last).bind(9, s.nanCount).bind(10, dataId);
    st.run();
}

void Store::writeText(qint64 series, qint64 step, const std::string &json)
{
    auto st = db_->prepare("INSERT OR REPLACE INTO text_points (series, step, value) VALUES (?1, ?2, ?3)");
    st.bind(1, series).bind(2, step).bind(3, std::string_view(json)).run();
}

void Store::noteOwnSteps(qint64 runKey, qint64 first, qint64 last)
{
    auto st = db_->prepare("UPDATE runs SET own_first_step = min(coalesce(own_first_step, ?2), ?2), "
                           "own_last_step = max(coalesce(own_last_step, ?3), ?3), heartbeat_ms = ?4 WHERE id = ?1");
    st.bind(1, runKey).bind(2, first).bind(3, last).bind(4, nowMs()).run();
}

void Store::updateSummary(qint64 runKey, const Json &summary)
{
    auto st = db_->prepare("UPDATE runs SET summary = ?2 WHERE id = ?1");
    st.bind(1, runKey).bind(2, dumpJson(summary)).run();
}

void Store::setUserSummary(qint64 runKey, const Json &userSummary)
{
    auto st = db_->prepare("UPDATE runs SET summary_user = ?2 WHERE id = ?1");
    st.bind(1, runKey).bind(2, dumpJson(userSummary)).run();
}

Json Store::userSummary(qint64 runKey)
{
    auto st = db_->prepare("SELECT summary_user FROM runs WHERE id = ?1");
    st.bind(1, runKey);
    return st.step() ? parseJson(st.stdText(0), QStringLiteral("summary")) : Json::object();
}

} // namespace fs
