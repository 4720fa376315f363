// How a run starts: a new run, a fork, a resumed or rewound run, or a run a process
// was attached to through FORKSCOPE_RUN_ID.
#include "client/run.h"

#include "client/run_impl.h"
#include "client/start_command.h"
#include "core/error.h"
#include "core/json_limits.h"
#include "core/run_environment.h"
#include "identity/fork_spec.h"
#include "identity/run_id.h"
#include "identity/run_ref.h"

namespace forkscope {

NewRun newRunFrom(const InitOptions &options, RunState state)
{
    NewRun spec;
    static_cast<RunDescription &>(spec) = options.description();
    spec.runId = options.id;
    spec.config = options.config.is_null() ? Json::object() : options.config;
    spec.state = state;
    return spec;
}

ForkOptions forkOptionsFrom(const InitOptions &options, RunState state)
{
    ForkOptions fork;
    static_cast<RunDescription &>(fork) = options.description();
    fork.runId = options.id;
    fork.configOverrides = options.config;
    fork.state = state;
    return fork;
}

Run::Run() : d(std::make_unique<Impl>())
{
    // Nothing to finish until init() has started the run.
    d->finished = true;
}

Run::~Run()
{
    if (!d->finished) {
        try {
            finish(0);
        } catch (const Error &e) {
            qWarning("%s", qPrintable(e.message()));
        }
    }
}

namespace {

// FORKSCOPE_RUN_ID, checked: an immutable ID, or empty when not set.
QString attachedRunId()
{
    const QString id = qEnvironmentVariable(kRunIdVariable).trimmed();
    if (!id.isEmpty() && RunRef::parse(id).kind != RunRef::Kind::Immutable)
        throw Error(
            Error::Kind::BadInput,
            RunText::tr("%1 is '%2', which is not an immutable run ID; expected the ID Forkscope gave the process it "
                        "started, such as 'fsr:01HZX3K9Q4V7N2M8C5T6B1R0WD', or unset it to start a run of your own")
                .arg(QLatin1String(kRunIdVariable), id));
    return id;
}

// The run a started process attaches to, claimed for this writer.
RunInfo attachTo(Store &store, const QString &immutableId, const Json &metadata, const Json &started,
                 const WriterIdentity &writer)
{
    RunInfo info;
    try {
        info = store.resolve(RunRef::parse(immutableId));
    } catch (const Error &e) {
        if (e.kind() != Error::Kind::NotFound)
            throw;
        throw Error(Error::Kind::NotFound,
                    RunText::tr("%1 names run '%2', which is not in the store '%3' (%4 names the store); was the run "
                                "deleted, or is the process looking at another store?")
                        .arg(QLatin1String(kRunIdVariable), immutableId, store.path(), QLatin1String(kStoreVariable)));
    }
    store.claimRun(info.key, writer);
    // This process is how the run goes on (a fork made by the app or the
    // CLI has no command of its own yet, so a fork of it can be started
    // again); what else the process says (host...) fills what the run lacks.
    Json updated = withStartCommand(info.metadata, metadata);
    if (!started.empty())
        updated = restartedMetadata(updated, started);
    if (updated != info.metadata)
        store.setMetadata(info.key, updated);
    return info;
}

} // namespace

std::unique_ptr<Run> Run::init(const InitOptions &options)
{
    // A process Forkscope started for a run logs to that run: its own
    // project, ID, fork_from and resume do not apply (as WANDB_RUN_ID with
    // resume in W&B), and neither does its config: the run's stored config
    // (a fork's overrides included) is what it reads back.
    const QString attachId = attachedRunId();
    if (!attachId.isEmpty())
        return start(options, attachId);
    const int modes =
        int(!options.forkFrom.isEmpty()) + int(!options.resume.isEmpty()) + int(!options.resumeFrom.isEmpty());
    if (modes > 1)
        throw Error(Error::Kind::BadInput,
                    RunText::tr("fork_from, resume and resume_from are mutually exclusive; give only one of them"));

    // Refuse malformed input before the store is opened (or created).
    std::optional<ForkSpec> forkSpec;
    if (!options.forkFrom.isEmpty())
        forkSpec = ForkSpec::parse(options.forkFrom);
    if (!options.resumeFrom.isEmpty()) {
        // A rewind continues the run it names under its own ID.
        const ForkSpec rewindSpec = ForkSpec::parse(options.resumeFrom);
        if (!options.id.isEmpty() && rewindSpec.run.kind == RunRef::Kind::RunId && rewindSpec.run.text != options.id)
            throw Error(Error::Kind::BadInput,
                        RunText::tr("resume_from '%1' rewinds run '%2', which keeps its ID; id '%3' names another "
                                    "run. Leave id out, or give '%2'")
                            .arg(options.resumeFrom, rewindSpec.run.text, options.id));
    }
    if (options.resume.isEmpty() && options.resumeFrom.isEmpty() && !options.id.isEmpty())
        requireValidRunId(options.id);
    if (options.resume.isEmpty() && options.resumeFrom.isEmpty() && !forkSpec && options.project.isEmpty())
        throw Error(Error::Kind::BadInput, RunText::tr("a new run needs a project; give one, e.g. project \"mnist\""));
    for (const Json *part : {&options.config, &options.metadata}) {
        if (const QString problem = jsonValueDepthProblem(*part); !problem.isEmpty())
            throw Error(Error::Kind::BadInput, RunText::tr("the config or metadata is refused: %1").arg(problem));
    }

    return start(options, {});
}

std::unique_ptr<Run> Run::start(const InitOptions &options, const QString &attachId)
{
    std::optional<ForkSpec> forkSpec;
    if (attachId.isEmpty() && !options.forkFrom.isEmpty())
        forkSpec = ForkSpec::parse(options.forkFrom);
    const Json started = options.recordCommand ? startCommandMetadata() : startCommandKeys(options.metadata);
    InitOptions recorded = options;
    recorded.metadata = withStartCommand(options.metadata, started);

    std::unique_ptr<Run> run(new Run());
    Impl &d = *run->d;
    // An attached process logs where its launcher keeps the run, even if
    // its code names a store of its own.
    QString storePath = options.storePath.isEmpty() ? defaultStorePath() : options.storePath;
    if (!attachId.isEmpty() && !qEnvironmentVariableIsEmpty(kStoreVariable))
        storePath = qEnvironmentVariable(kStoreVariable);
    try {
        d.store = std::make_unique<Store>(storePath);
    } catch (const Error &e) {
        // A path that names a folder is bad input to the CLI, but to a
        // training program any store it cannot open is a storage failure.
        if (e.kind() != Error::Kind::BadInput)
            throw;
        throw Error(Error::Kind::Storage, e.message());
    }
    if (options.heartbeatTimeoutMs > 0)
        d.store->setHeartbeatTimeoutMs(options.heartbeatTimeoutMs);
    // This Run is the run's one writer until finish(); every flush renews
    // the claim, and another writer is refused meanwhile.
    const WriterIdentity writer = WriterIdentity::thisProcess();
    if (!attachId.isEmpty()) {
        d.info = attachTo(*d.store, attachId, options.metadata, started, writer);
    } else if (!options.resume.isEmpty()) {
        d.info = d.store->resolve(options.resume, options.project, options.entity);
        d.claim = d.store->claimRun(d.info.key, writer);
        if (!started.empty()) // this process is how the run goes on now
            d.store->setMetadata(d.info.key, restartedMetadata(d.info.metadata, started));
    } else if (!options.resumeFrom.isEmpty()) {
        // Rewound and claimed in one transaction; the run keeps its config
        // with this one merged in, as W&B's resume_from does.
        RewindOptions rewind;
        rewind.project = options.project;
        rewind.entity = options.entity;
        rewind.configUpdates = options.config;
        rewind.state = RunState::Running;
        rewind.writer = writer;
        d.info = d.store->rewind(ForkSpec::parse(options.resumeFrom), rewind);
        if (!started.empty())
            d.store->setMetadata(d.info.key, restartedMetadata(d.info.metadata, started));
    } else if (forkSpec) {
        ForkOptions fork = forkOptionsFrom(recorded, RunState::Running);
        fork.writer = writer;
        d.info = d.store->createFork(*forkSpec, fork);
    } else {
        NewRun spec = newRunFrom(recorded, RunState::Running);
        spec.writer = writer;
        d.info = d.store->createRun(spec);
    }
    d.info = d.store->runInfo(d.info.key);
    d.claim = {d.info.key, d.info.runId, writer.token};
    d.step = d.info.nextStep();
    d.lastCommittedStep = d.info.lastStep();
    d.startedUnix = double(d.info.createdAt.toMSecsSinceEpoch()) / 1000.0;
    d.runtimeKey = d.key("_runtime");
    d.timestampKey = d.key("_timestamp");
    d.finished = false;
    d.writer = std::thread([&d] {
        // The writer thread owns the connection from here on.
        std::optional<HistoryWriter> historyWriter;
        try {
            historyWriter.emplace(*d.store, d.info.key);
        } catch (const Error &e) {
            {
                std::lock_guard lock(d.mutex);
                d.writerError = e.message();
                d.writerErrorKind = e.kind();
            }
            d.drained.notify_all();
            return;
        }
        historyWriter->setClaim(d.claim);
        d.writerLoop(*historyWriter);
    });
    return run;
}

} // namespace forkscope
