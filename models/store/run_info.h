#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

#include "core/json_qt.h"
#include "identity/run_path.h"

namespace forkscope {

// W&B's run states.
enum class RunState { Pending, Running, Finished, Failed, Crashed };
QString runStateName(RunState state); // "pending", ... (stable, for JSON and the store)
std::optional<RunState> parseRunState(const QString &name);

struct ProjectInfo {
    qint64 key = 0; // row id in this store
    QString entity;
    QString name;
    qint64 runCount = 0;
    QDateTime createdAt;
};

// A fork's permanent link to the run it was forked from.
struct ForkLink {
    QString sourceImmutableId;
    QString sourceRunId;
    QString sourcePath;
    qint64 step = 0;
    // The source was deleted and its history up to `step` copied into this
    // run; reads no longer follow the link.
    bool materialized = false;
};

// A rewound run's link to the archived version that holds what it had
// logged: its history up to `step` is the archived version's, and it logs
// on from step + 1. Reads follow it before the fork link.
struct RewindLink {
    QString archiveImmutableId;
    qint64 step = 0;
};

// What marks a run row as the archived version a rewind cut off: hidden
// from the runs list, read-only history, deleted with its run.
struct ArchivedVersion {
    qint64 runKey = 0;     // the live run it was cut from
    qint64 rewindStep = 0; // it holds the run's steps after this one (and before, as the run had them)
    QDateTime archivedAt;
};

// The process logging a run: its claim token (random per forkscope::Run), pid and
// host. The token, not the pid, decides ownership: pids repeat across hosts
// and reboots.
struct WriterIdentity {
    QString token;
    qint64 pid = 0;
    QString host;

    // A new identity for a writer in this process.
    static WriterIdentity thisProcess();
};

struct RunInfo {
    qint64 key = 0; // row id in this store; not stable across stores
    qint64 projectKey = 0;
    QString immutableId;
    QString runId;
    QString name;
    QString entity;
    QString project;
    RunState state = RunState::Pending; // effective: a stale "running" reads as crashed
    RunState storedState = RunState::Pending;
    QDateTime createdAt;
    QDateTime heartbeatAt;
    QDateTime finishedAt;
    std::optional<int> exitCode;
    // What the run was forked from, as a person reads it; a rewind below the
    // fork step moves the step down to the rewind step.
    std::optional<ForkLink> fork;
    std::optional<RewindLink> rewind;
    // Set on an archived version only.
    std::optional<ArchivedVersion> archived;
    Json config = Json::object();
    Json summary = Json::object();
    Json metadata = Json::object();
    QString notes;
    QStringList tags;
    std::optional<qint64> ownFirstStep; // steps this run logged itself
    std::optional<qint64> ownLastStep;
    // Who claimed the run to log it; kept after a crash (released on finish).
    std::optional<WriterIdentity> writer;

    // A live writer holds the run: stored running with a fresh heartbeat.
    bool isBeingLogged() const { return state == RunState::Running; }

    bool isArchivedVersion() const { return archived.has_value(); }
    // The step up to which reads take the history from another run (the
    // rewind link, else a fork link still followed), if any.
    std::optional<qint64> inheritedUpTo() const;

    RunPath path() const { return {entity, project, runId}; }
    // Last step of the effective history (own, else inherited), if any.
    std::optional<qint64> lastStep() const;
    // The step the next plain log() writes.
    qint64 nextStep() const;
    // Seconds from creation to finish (or the last heartbeat), or the last
    // logged _runtime if that is longer.
    double runtimeSeconds() const;
};

// Where a new run (or fork) lives and how it is described: what NewRun,
// ForkOptions and the client's InitOptions share. Empty fields get defaults.
struct RunDescription {
    QString entity;  // default: defaultEntity() (a fork: its source's)
    QString project; // required (a fork: default its source's)
    QString name;    // default: adjective-noun-N
    QString notes;
    QStringList tags;
    Json metadata = Json::object();
};

// What a caller chooses for a new run; empty fields get defaults.
struct NewRun : RunDescription {
    QString runId; // default: generated
    Json config = Json::object();
    RunState state = RunState::Running;
    // With state Running: the writer that claims the new run.
    std::optional<WriterIdentity> writer;
};

} // namespace forkscope
