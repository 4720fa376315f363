#pragma once

#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "core/json_qt.h"
#include "store/run_info.h"
#include "store/store.h"

namespace forkscope {

// What wandb.init() takes, for Forkscope's own C++ logging client.
struct InitOptions {
    QString storePath; // default: defaultStorePath()
    QString project;   // required unless forkFrom, resume or resumeFrom names a path/immutable ID
    QString entity;    // default: "local"
    QString id;        // custom run ID; default generated
    QString name;
    QString notes;
    QStringList tags;
    Json config = Json::object();   // for a fork: overrides on top of the source's config
    Json metadata = Json::object(); // host, command, git...
    QString forkFrom;               // "<run>?_step=<N>"
    QString resume;                 // attach to an existing run (ID with project, path or immutable ID)
    QString resumeFrom;             // rewind "<run>?_step=<N>": the run logs on from N+1 (Store::rewind)
    // A writer whose heartbeat is older than this is taken for crashed and
    // its run may be claimed; 0: the store's default (30 s).
    qint64 heartbeatTimeoutMs = 0;
    // Adds how this process was started (client/start_command.h, from
    // /proc) to the metadata of the run it creates or resumes, under keys
    // the caller did not set. Off for front ends that are not the training
    // program (the CLI's `log` reads a pipe) and for bindings that put their
    // own in `metadata` (a resumed run then takes those).
    bool recordCommand = true;

    // The fields a new run or fork takes as they are. (InitOptions stays
    // flat, as wandb.init's arguments are, for designated initializers.)
    RunDescription description() const { return {entity, project, name, notes, tags, metadata}; }
};

// What init() asks the store for, in the store's terms; also for front ends
// that create a run without attaching a writer (state Pending).
NewRun newRunFrom(const InitOptions &options, RunState state);
ForkOptions forkOptionsFrom(const InitOptions &options, RunState state);

// One numeric item of a row, for hot loops that log plain numbers.
struct NumericItem {
    std::string_view key;
    double value;
};

// A run being logged, with W&B's step rules (../shared/spec/fork-semantics.md):
// log() writes at the current step and advances it; commit=false merges into
// the pending row; step=k jumps forward, merges at k, or drops a step that
// goes back (with a warning). Points are buffered and written by a
// background thread at least every second and on finish(), so a killed
// process loses at most its last second.
class Run {
public:
    // With FORKSCOPE_RUN_ID set (core/run_environment.h: a process Forkscope
    // started for a run), attaches to that run in the store FORKSCOPE_STORE
    // names (or options.storePath) instead: claims it (running), keeps its
    // stored config, and logs from its next step (a pending fork's fork step
    // + 1), whatever project, id, fork_from or resume the options name.
    static std::unique_ptr<Run> init(const InitOptions &options);
    ~Run(); // finishes with exit code 0 if finish() was not called
    Run(const Run &) = delete;
    Run &operator=(const Run &) = delete;

    // `data`: a JSON object. Keys "_step" and "_commit" inside it mean
    // step=k and commit=b and are not stored as data.
    void log(const Json &data, std::optional<qint64> step = {}, std::optional<bool> commit = {});
    void log(std::initializer_list<NumericItem> items, std::optional<qint64> step = {},
             std::optional<bool> commit = {});
    // The same for a row built at run time (language bindings' fast path).
    void log(std::span<const NumericItem> items, std::optional<qint64> step = {}, std::optional<bool> commit = {});
    // run.summary[key] = value: wins over the last logged value.
    void setSummary(const QString &key, const Json &value);
    // Flushes, then marks the run finished (0) or failed (non-zero).
    void finish(int exitCode = 0);
    // Writes everything buffered now.
    void flush();

    // run.name = ..., run.config.update(...): written at once, through a
    // second connection (the writer thread owns the first).
    void rename(const QString &name);
    void setConfig(const Json &config);
    // The run's summary as stored after a flush(): last values, with keys
    // set through setSummary() winning.
    Json summary();

    // Registers the weights the program saved at `path` (made absolute; its
    // size and SHA-256 are read now) at `step`. The default step is the step
    // of the last committed row; before any row: a fork's fork step (the
    // weights it resumed from), a resumed run's last step, else 0. What was
    // logged before is written first, so the store never holds a checkpoint
    // ahead of its history. Throws BadInput for a missing file or bad step.
    Checkpoint logCheckpoint(const QString &path, std::optional<qint64> step = {},
                             const Json &metadata = Json::object());
    // For a fork (created with forkFrom, or resumed/attached to one): the
    // checkpoint of its source's lineage at the fork step, else the latest
    // before it; for a rewound run the same at its rewind step; nullopt when
    // there is none or the run is neither.
    std::optional<Checkpoint> resumeCheckpoint();

    RunInfo info() const; // identity and state as at init
    qint64 currentStep() const;
    // Warnings so far (dropped steps...). Also printed through `warningSink`.
    QStringList warnings() const;
    void setWarningSink(std::function<void(const QString &)> sink);

private:
    Run();
    // init() once the options are checked; `attachId` as attachedRunId().
    static std::unique_ptr<Run> start(const InitOptions &options, const QString &attachId);
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace forkscope
