#pragma once

#include <QString>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "identity/run_ref.h"
#include "series/series_types.h"
#include "store/checkpoint.h"
#include "store/console_output.h"
#include "store/run_info.h"
#include "store/run_page.h"

namespace forkscope {

class SqliteDb;
struct ForkSpec;

// Where the store lives unless told otherwise: $FORKSCOPE_STORE, else
// <generic data folder>/forkscope/store.sqlite.
QString defaultStorePath();

// Why the store at `path` can only be read (its file or its folder cannot
// be written, e.g. a read-only mount or permissions), or empty when it can
// be written (or created).
QString storeReadOnlyReason(const QString &path);

// One piece of a run's effective history: `run`'s own rows within `steps`.
struct HistorySegment {
    qint64 run = 0;
    StepRange steps;
};

// A stored chunk as seen through one segment of the effective history.
// `whole` is false when the segment cuts the chunk, so its summary does not
// describe the visible points and the chunk must be decoded.
struct ChunkRef {
    qint64 series = 0;
    ChunkSummary summary;
    StepRange clip;
    bool whole = true;
};

struct TextPoint {
    qint64 step = 0;
    std::string json;
};

// `project` (default: the source's) is also where a bare run ID is looked up.
struct ForkOptions : RunDescription {
    QString runId; // default: generated
    Json configOverrides = Json::object();
    RunState state = RunState::Pending; // no writer yet
    // With state Running: the writer that claims the new fork.
    std::optional<WriterIdentity> writer;
};

// How a run is rewound (Store::rewind). `project`/`entity` are where a bare
// run ID is looked up.
struct RewindOptions {
    QString project;
    QString entity;
    Json configUpdates = Json::object(); // merged into the config the run keeps
    RunState state = RunState::Pending;  // no writer yet
    // With state Running: the writer that claims the rewound run.
    std::optional<WriterIdentity> writer;
};

// What rewinding `run` at `step` would do, for a confirmation; nothing is
// changed by finding it out.
struct RewindPreview {
    RunInfo run;
    qint64 step = 0;
    qint64 lastStep = 0; // steps step + 1 .. lastStep are archived
    // Forks made after the step: they keep their history, and their link
    // will name the archived version.
    std::vector<RunInfo> forksRelinked;
};

// A writer's hold on a run, as claimRun (or createRun/createFork with a
// writer) granted it.
struct RunClaim {
    qint64 runKey = 0;
    QString runId; // for messages once the run is gone
    QString token;
};

// How a Store opens its file. ReadOnly never writes to the store or its
// folder's files beyond what SQLite needs to read a WAL store (its -shm):
// no schema migration, no journal-mode switch; a store in a folder that
// cannot be written is opened immutable. Read-only also refuses a missing
// or empty file instead of making a store of it.
enum class StoreAccess { ReadWrite, ReadOnly };

// Which history a read sees: the run's effective history (its fork
// lineage's up to each fork step, then its own) or only what it logged.
enum class History { Effective, Own };

// What deleteRun does with forks that inherit history from the run.
enum class DependentForks { Refuse, Materialize };

// Whether withChunkBlob checks the chunk (Trusted: the caller already did).
enum class ChunkVerification { Verify, Trusted };

// The Forkscope store: one SQLite file (WAL), shared safely by several
// processes. A Store object is one connection: use it from one thread at a
// time; open one Store per thread.
class Store {
public:
    explicit Store(const QString &path, StoreAccess access = StoreAccess::ReadWrite);
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    QString path() const;
    // The SQLite connection, for the store's own files and for tests that
    // inspect or damage the file. Code above the store groups its calls
    // with StoreSnapshot / StoreWriteBatch (store_transaction.h) instead.
    SqliteDb &db();
    bool isReadOnly() const { return access_ == StoreAccess::ReadOnly; }

    // A "running" run whose heartbeat is older than this reads as crashed.
    void setHeartbeatTimeoutMs(qint64 ms) { heartbeatTimeoutMs_ = ms; }
    qint64 heartbeatTimeoutMs() const { return heartbeatTimeoutMs_; }

    // --- projects and runs ---
    std::vector<ProjectInfo> projects();
    std::optional<ProjectInfo> findProject(const QString &entity, const QString &name);
    // The project called `name` (under `entity` if given). Throws NotFound
    // listing the projects there are, or BadInput when the name exists under
    // several entities and none was given.
    ProjectInfo requireProject(const QString &name, const QString &entity = {});
    // Runs and forks leave archived versions out (they are reached through
    // their run: archivedVersions).
    std::vector<RunInfo> runs(qint64 projectKey);
    std::vector<RunInfo> forksOf(const QString &immutableId);
    RunInfo runInfo(qint64 runKey);
    // Resolves how a person named a run. A bare run ID needs `project`
    // (entity optional unless the name is ambiguous). Throws NotFound/BadInput.
    RunInfo resolve(const RunRef &ref, const QString &project = {}, const QString &entity = {});
    RunInfo resolve(const QString &text, const QString &project = {}, const QString &entity = {});
    qint64 runCount();

    RunInfo createRun(const NewRun &spec);
    // Checks the spec against the source (exists, step within its history,
    // different ID) and creates the fork in O(1): nothing is copied.
    RunInfo createFork(const ForkSpec &spec, const ForkOptions &options);
    void rename(qint64 runKey, const QString &name);
    void setNotes(qint64 runKey, const QString &notes);
    void setTags(qint64 runKey, const QStringList &tags);
    void setState(qint64 runKey, RunState state, std::optional<int> exitCode = {});
    // Marks a run nobody is logging finished (exit code 0) or failed; refuses
    // (Conflict, naming the writer) while a live writer holds it.
    void endRun(qint64 runKey, int exitCode);
    void heartbeat(qint64 runKey);
    void setConfig(qint64 runKey, const Json &config);
    void setMetadata(qint64 runKey, const Json &metadata);
    // For runs that come from elsewhere (imports): the source's own times.
    // Invalid times are left as they are.
    void setTimes(qint64 runKey, const QDateTime &created, const QDateTime &lastActivity, const QDateTime &finished);
    // --- rewind (store_rewind.cpp) ---
    // Rewinds a run to `spec.step` in O(keys), copying no history: the run
    // keeps its run ID, path and immutable ID, its steps up to the rewind
    // step stay, and it logs on from step + 1. What it had logged becomes an
    // archived version (archivedVersions) with an immutable ID of its own;
    // forks made after the step keep their history through it. The summary
    // is recomputed from the history kept; the config is kept, with
    // `configUpdates` merged in. Refused (with what is expected) for an
    // unknown run, a step past or at its last one, an archived version, a
    // run a live writer logs, a read-only store.
    RunInfo rewind(const ForkSpec &spec, const RewindOptions &options = {});
    RunInfo rewind(qint64 runKey, qint64 step, const RewindOptions &options = {});
    // The same checks as rewind; changes nothing.
    RewindPreview previewRewind(qint64 runKey, qint64 step);
    // The run's archived versions, oldest rewind first.
    std::vector<RunInfo> archivedVersions(qint64 runKey);

    // Links an existing run to its source after the fact (an imported fork
    // whose source arrived later). Refuses a link that would make a cycle.
    void linkFork(qint64 runKey, const ForkLink &link);
    // The run whose metadata["import"]["key"] is `importKey`, in a project.
    std::optional<RunInfo> findImported(qint64 projectKey, const QString &importKey);
    // Runs whose metadata["import"]["pending_fork"] waits for a source.
    std::vector<RunInfo> runsWithPendingFork();
    // Refuses (Conflict) while forks depend on the run, unless
    // DependentForks::Materialize, which first copies each fork's inherited history into
    // the fork. The run ID stays retired in its project.
    // Also refused while a live writer logs the run, or one of the forks
    // that would be materialized.
    void deleteRun(qint64 runKey, DependentForks forks);

    // --- the runs list: pages, counts, changes (store_run_pages.cpp) ---
    // Rows [offset, offset + limit) of the project's runs in the query's
    // order and filter. Throws BadInput for a query that cannot be answered.
    std::vector<RunInfo> runPage(const RunPageQuery &query, qint64 offset, int limit);
    // How many runs the query keeps; without a filter, read from the
    // project's kept count instead of counting.
    qint64 runPageCount(const RunPageQuery &query);
    // The run's row in the query's order, or nullopt when the query leaves it out.
    std::optional<qint64> runPosition(const RunPageQuery &query, qint64 runKey);
    // The store-wide change number: it grows with every change to what a
    // run's row shows (not with heartbeats), in the same transaction.
    qint64 changeSeq();
    // The project's runs that changed (or appeared) and were deleted after
    // change number `since`.
    RunChanges runChangesSince(qint64 projectKey, qint64 since);
    qint64 projectRunCount(qint64 projectKey);

    // --- writers: one live writer per run (store_claims.cpp) ---
    // Makes `writer` the one process logging the run (state running, claim
    // and heartbeat) in one write transaction. Throws Conflict naming the
    // holder while another live writer holds it; a claim whose heartbeat is
    // older than the timeout (a crashed writer) is taken over.
    RunClaim claimRun(qint64 runKey, const WriterIdentity &writer);
    // Inside the caller's write transaction: refreshes the heartbeat while
    // the claim holds; throws Conflict when the run was deleted, ended or
    // taken over, so the caller writes nothing more.
    void renewClaim(const RunClaim &claim);
    // Ends the run (finished for exit code 0, else failed) and releases the
    // claim; throws like renewClaim when the claim no longer holds.
    void releaseClaim(const RunClaim &claim, int exitCode);
    // Throws Conflict while a live writer logs `run`: "<refused>: run … is
    // being logged by process … on host …".
    void requireNoLiveWriter(const RunInfo &run, const QString &refused);

    // --- history ---
    // The effective history as segments, oldest ancestor first.
    std::vector<HistorySegment> segments(qint64 runKey);
    // Metric keys with data in the run's effective (or own) history, sorted.
    QStringList keys(qint64 runKey, History history = History::Effective);
    QStringList numericKeys(qint64 runKey, History history = History::Effective);
    PointVector readSeries(qint64 runKey, const QString &key, StepRange range = {},
                           History history = History::Effective);
    std::vector<ChunkRef> chunkRefs(qint64 runKey, const QString &key, StepRange range = {},
                                    History history = History::Effective);
    // Every read of stored points checks the chunk first (checksum and
    // summary, chunk_codec.h's checkChunk) and throws DamagedChunkError
    // (damaged_chunk.h) naming the run, key and steps instead of returning
    // damaged values.
    void readChunk(const ChunkRef &ref, PointVector &out);
    // The chunk's encoded blob (chunk_codec.h) in place, valid only while
    // `use` runs: the chart path reduces values without copying them.
    // ChunkVerification::Trusted skips the check for a caller that already made it for
    // this chunk (the chart cache).
    void withChunkBlob(const ChunkRef &ref, const std::function<void(std::string_view)> &use,
                       ChunkVerification check = ChunkVerification::Verify);
    // Throws DamagedChunkError unless `blob` is sound (or of the format
    // before checksums) for the chunk of `series` described by `summary`.
    void verifyChunk(qint64 series, const ChunkSummary &summary, std::string_view blob);
    // "entity/project/run_id" and key of a series, for messages.
    std::pair<QString, QString> describeSeries(qint64 series);
    std::vector<TextPoint> readText(qint64 runKey, const QString &key, StepRange range = {},
                                    History history = History::Effective);
    // The last value of every key at steps <= `upTo` (fork summaries).
    Json lastValues(qint64 runKey, qint64 upTo);
    // The last step of every key in the run's own history (imports that
    // append: a key may lag behind the others at the run's last step).
    std::map<std::string, qint64> ownLastStepByKey(qint64 runKey);

    // Row view for exports: calls `row(step, object)` in ascending step order
    // with only the keys logged at that step. Empty `keys` means all; then
    // rows hold at least one of `keys`.
    void forEachRow(qint64 runKey, const QStringList &keys, History history,
                    const std::function<void(qint64 step, const Json &row)> &row);

    // True when every number of `key` in the run's effective (or own)
    // history was logged as an integer (series.integral): then they read back
    // as integers (core/exact_integer.h). False for series of older stores.
    bool integralSeries(qint64 runKey, const QString &key, History history = History::Effective);

    // --- writing (used by HistoryWriter and materialization) ---
    // The run's series for `key`, 0 when it has none.
    qint64 findSeries(qint64 runKey, const QString &key);
    // The same, made when missing. A new series starts integral; writers
    // clear that with clearIntegral().
    qint64 ensureSeries(qint64 runKey, const QString &key);
    void clearIntegral(qint64 series);
    // Writes (or rewrites) the chunk that starts at points[0].step.
    void writeChunk(qint64 series, const Point *points, size_t count);
    void writeText(qint64 series, qint64 step, const std::string &json);
    // Widens the run's own step range and refreshes its heartbeat.
    void noteOwnSteps(qint64 runKey, qint64 first, qint64 last);
    void updateSummary(qint64 runKey, const Json &summary);
    void setUserSummary(qint64 runKey, const Json &userSummary);
    Json userSummary(qint64 runKey);

    // --- checkpoints (store_checkpoints.cpp) ---
    // Registers weights the run saved; returns the new row's key.
    qint64 addCheckpoint(qint64 runKey, const NewCheckpoint &checkpoint);
    // The run's effective checkpoints in step order: its fork lineage's up to
    // each fork step, then its own (as with history segments).
    std::vector<Checkpoint> checkpoints(qint64 runKey);

    // --- console output of started processes (store_console.cpp) ---
    // Appends to the run's console; returns the chunk's seq.
    qint64 appendConsole(qint64 runKey, ConsoleStream stream, const QDateTime &time, const QString &text);
    // The run's console chunks with seq > `afterSeq`, in order.
    std::vector<ConsoleChunk> console(qint64 runKey, qint64 afterSeq = 0);
    // The run's state once the process started for it has ended, in one
    // transaction: exit code 0 finished, another failed with that code,
    // killed or not started crashed; the writer claim the process held is
    // released. A state the process's own client already ended the run with
    // is kept, except that a non-zero exit fails a run it had finished.
    RunInfo recordProcessEnd(qint64 runKey, ProcessEnd end, int exitCode = 0);

private:
    RunInfo readRun(class Statement &st);
    // The segments a read in `history` walks: the lineage's, or the run alone.
    std::vector<HistorySegment> historySegments(qint64 runKey, History history);
    enum class KeyKind { Any, Numeric };
    QStringList keysWithData(qint64 runKey, History history, KeyKind kind);
    qint64 ensureProject(const QString &entity, const QString &name);
    RunInfo insertRun(qint64 projectKey, const NewRun &spec, const std::optional<ForkLink> &fork);
    void materializeInto(const RunInfo &fork);
    RewindPreview checkRewind(const RunInfo &run, qint64 step);
    // Runs outside `run` and its archived versions whose fork link names one of them.
    std::vector<RunInfo> dependentRuns(const RunInfo &run, const std::vector<RunInfo> &archived);
    void setEnded(qint64 runKey, int exitCode);
    [[noreturn]] void throwLostClaim(const RunClaim &claim);
    void requireValidPageQuery(const RunPageQuery &query);
    qint64 countValueRows(const RunPageQuery &query);

    std::unique_ptr<SqliteDb> db_;
    StoreAccess access_ = StoreAccess::ReadWrite;
    qint64 heartbeatTimeoutMs_ = 30000;
};

} // namespace forkscope
