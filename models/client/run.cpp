#include "client/run.h"

#include <QCoreApplication>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <variant>

#include "client/start_command.h"
#include "core/error.h"
#include "core/exact_integer.h"
#include "core/json_limits.h"
#include "core/run_environment.h"
#include "core/step_rule.h"
#include "identity/fork_spec.h"
#include "identity/run_id.h"
#include "identity/run_ref.h"
#include "store/checkpoint_file.h"
#include "store/history_writer.h"
#include "store/store.h"

namespace forkscope {

namespace {

// The translation context of this file's messages (lupdate reads it here).
struct RunText {
    Q_DECLARE_TR_FUNCTIONS(forkscope::Run)
};

constexpr auto kFlushInterval = std::chrono::milliseconds(1000);
// The logging thread wakes the writer early past this many buffered points,
// and waits (back-pressure) past kMaxBuffered.
constexpr size_t kEagerFlushPoints = 1 << 18;
constexpr size_t kMaxBuffered = 1 << 22;

double unixSeconds()
{
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

struct TransparentHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Number {
    double value;
    bool integral; // logged as a JSON integer within +/-2^53
};
using Value = std::variant<Number, std::string>; // number, or JSON text

struct BufferedPoint {
    int key;
    qint64 step;
    Number number;
};
struct BufferedText {
    int key;
    qint64 step;
    std::string json;
};

struct Batch {
    std::vector<BufferedPoint> points;
    std::vector<BufferedText> texts;
    std::vector<std::pair<std::string, Json>> userSummary;
    size_t size() const { return points.size() + texts.size(); }
};

} // namespace

struct Run::Impl {
    std::unique_ptr<Store> store;   // the writer thread's while it runs
    std::unique_ptr<Store> control; // the logging thread's: rename, config, summary
    RunInfo info;
    RunClaim claim;
    double startedUnix = 0;

    // Logging thread only.
    qint64 step = 0;
    std::optional<qint64> lastCommittedStep; // the default step of a checkpoint
    std::vector<std::pair<int, Value>> pending;
    std::vector<int> pendingSlot; // per key: index+1 into `pending`, 0 if absent
    std::unordered_map<std::string, int, TransparentHash, std::equal_to<>> keyIndex;
    std::vector<bool> warnedInexact; // per key
    int runtimeKey = -1;
    int timestampKey = -1;
    bool finished = false;

    // Shared with the writer thread.
    std::mutex mutex;
    std::condition_variable wake;    // writer: data or stop
    std::condition_variable drained; // logger: room in the buffer
    Batch batch;
    std::vector<std::string> keyNames;
    bool stop = false;
    bool flushRequested = false;
    qint64 swaps = 0;       // batches taken by the writer
    qint64 flushesDone = 0; // batches written (or failed)
    QString writerError;
    Error::Kind writerErrorKind = Error::Kind::Storage;
    QStringList warnings;
    std::function<void(const QString &)> warningSink;
    std::thread writer;

    Store &controlStore();

    int key(std::string_view name)
    {
        if (auto it = keyIndex.find(name); it != keyIndex.end())
            return it->second;
        const int index = int(keyIndex.size());
        keyIndex.emplace(std::string(name), index);
        pendingSlot.push_back(0);
        std::lock_guard lock(mutex);
        keyNames.emplace_back(name);
        return index;
    }

    void set(int k, Value v)
    {
        int &slot = pendingSlot[size_t(k)];
        if (slot)
            pending[size_t(slot - 1)].second = std::move(v);
        else {
            pending.emplace_back(k, std::move(v));
            slot = int(pending.size());
        }
    }

    void warn(const QString &message)
    {
        std::function<void(const QString &)> sink;
        {
            std::lock_guard lock(mutex);
            warnings << message;
            sink = warningSink;
        }
        if (sink)
            sink(message);
        else
            qWarning("%s", qPrintable(message));
    }

    // Once per key: an integer beyond +/-2^53 is stored as the nearest double.
    void warnInexact(int k, const Json &value)
    {
        if (size_t(k) >= warnedInexact.size())
            warnedInexact.resize(size_t(k) + 1);
        if (warnedInexact[size_t(k)])
            return;
        warnedInexact[size_t(k)] = true;
        warn(RunText::tr(
                 "\"%1\" is %2, an integer beyond +/-2^53 that cannot be stored exactly; it is stored as %3 (the "
                 "nearest double), and so are later such values of this key")
                 .arg(QString::fromStdString(keyNames[size_t(k)]), QString::fromStdString(value.dump()),
                      QString::number(value.get<double>(), 'f', 0)));
    }

    void throwIfWriterFailed()
    {
        std::lock_guard lock(mutex);
        if (!writerError.isEmpty())
            throw Error(writerErrorKind, writerError);
    }

    // Writes the pending row at the current step (with _runtime and
    // _timestamp, as W&B rows have) and empties it.
    void commitPending()
    {
        const double now = unixSeconds();
        if (!pendingSlot[size_t(runtimeKey)])
            set(runtimeKey, Number{now - startedUnix, false});
        if (!pendingSlot[size_t(timestampKey)])
            set(timestampKey, Number{now, false});
        std::unique_lock lock(mutex);
        drained.wait(lock, [&] { return batch.size() < kMaxBuffered || stop || !writerError.isEmpty(); });
        for (auto &[k, v] : pending) {
            if (auto *n = std::get_if<Number>(&v))
                batch.points.push_back({k, step, *n});
            else
                batch.texts.push_back({k, step, std::move(std::get<std::string>(v))});
            pendingSlot[size_t(k)] = 0;
        }
        pending.clear();
        lastCommittedStep = step;
        if (batch.size() >= kEagerFlushPoints)
            wake.notify_one();
    }

    // The step rule (core/step_rule.h) for an explicit step, and for the
    // current step that a row without one lands on.
    void requireValidStep(std::optional<qint64> target) const
    {
        if (target && !isValidStep(*target))
            throw Error(Error::Kind::BadInput, badStepText(QString::number(*target)));
        if (!target && step > kMaxStep)
            throw Error(Error::Kind::BadInput,
                        RunText::tr("the run's next step would be %1, past the last valid step; %2")
                            .arg(step)
                            .arg(stepRuleText()));
    }

    // W&B's step rules. Returns false when the data must be dropped.
    bool advanceTo(std::optional<qint64> target, std::optional<bool> commit, bool *doCommit)
    {
        if (!target) {
            *doCommit = commit.value_or(true);
            return true;
        }
        if (*target < step) {
            warn(RunText::tr("step %1 < current step %2: steps must increase monotonically; the data logged at step %1 "
                             "was dropped")
                     .arg(*target)
                     .arg(step));
            return false;
        }
        if (*target > step) {
            if (!pending.empty())
                commitPending();
            step = *target;
        }
        *doCommit = commit.value_or(false);
        return true;
    }

    void writerLoop(HistoryWriter &historyWriter)
    {
        std::vector<int> handles;
        // Two batches take turns: the one just written goes back to the
        // logging thread emptied but with its capacity, so log() does not
        // grow (copy) a vector of millions of points while it holds the lock.
        Batch work;
        for (;;) {
            std::vector<std::string> names;
            bool stopping;
            {
                std::unique_lock lock(mutex);
                wake.wait_for(lock, kFlushInterval,
                              [&] { return stop || flushRequested || batch.size() >= kEagerFlushPoints; });
                std::swap(work, batch);
                ++swaps;
                names = keyNames;
                stopping = stop;
                flushRequested = false;
            }
            drained.notify_all();
            try {
                for (size_t i = handles.size(); i < names.size(); ++i)
                    handles.push_back(historyWriter.keyHandle(names[i]));
                for (const auto &p : work.points)
                    historyWriter.addNumber(handles[size_t(p.key)], p.step, p.number.value, p.number.integral);
                for (auto &t : work.texts)
                    historyWriter.addText(handles[size_t(t.key)], t.step, std::move(t.json));
                for (const auto &[k, v] : work.userSummary)
                    historyWriter.setUserSummary(k, v);
                historyWriter.flush();
            } catch (const Error &e) {
                std::lock_guard lock(mutex);
                writerError = e.message();
                writerErrorKind = e.kind();
                // The claim is lost (run deleted, ended or taken over):
                // nothing more may be written, so stop for good.
                if (e.kind() == Error::Kind::Conflict)
                    stopping = true;
            }
            {
                std::lock_guard lock(mutex);
                ++flushesDone;
            }
            drained.notify_all();
            if (stopping)
                return;
            work.texts.clear();
            work.userSummary.clear();
            if (work.points.capacity() > 4 * kEagerFlushPoints)
                work.points = {}; // after back-pressure: give the memory back
            work.points.clear();
        }
    }
};

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
    if (!options.resumeFrom.isEmpty())
        throw Error(Error::Kind::BadInput,
                    RunText::tr("resume_from (rewind) is not supported yet; fork the run instead with fork_from"));
    const int modes = int(!options.forkFrom.isEmpty()) + int(!options.resume.isEmpty());
    if (modes > 1)
        throw Error(Error::Kind::BadInput,
                    RunText::tr("fork_from, resume and resume_from are mutually exclusive; give only one of them"));

    // Refuse malformed input before the store is opened (or created).
    std::optional<ForkSpec> forkSpec;
    if (!options.forkFrom.isEmpty())
        forkSpec = ForkSpec::parse(options.forkFrom);
    if (options.resume.isEmpty() && !options.id.isEmpty())
        requireValidRunId(options.id);
    if (options.resume.isEmpty() && !forkSpec && options.project.isEmpty())
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

void Run::log(const Json &data, std::optional<qint64> step, std::optional<bool> commit)
{
    if (d->finished)
        throw Error(Error::Kind::Conflict, RunText::tr("log() after finish(); start a new run or resume this one"));
    if (!data.is_object())
        throw Error(Error::Kind::BadInput,
                    RunText::tr("log() takes a JSON object of key/value pairs, e.g. {\"loss\": 0.25}; got %1")
                        .arg(QString::fromStdString(dumpJson(data))));
    d->throwIfWriterFailed();
    if (auto it = data.find("_step"); it != data.end() && !step) {
        step = stepFromJson(*it);
        if (!step)
            throw Error(Error::Kind::BadInput,
                        RunText::tr("_step is %1; %2").arg(QString::fromStdString(dumpJson(*it)), stepRuleText()));
    }
    if (auto it = data.find("_commit"); it != data.end() && !commit) {
        if (!it->is_boolean())
            throw Error(
                Error::Kind::BadInput,
                RunText::tr("_commit must be true or false; got %1").arg(QString::fromStdString(dumpJson(*it))));
        commit = it->get<bool>();
    }
    d->requireValidStep(step);
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (it->is_structured() && jsonDepth(*it) >= kMaxJsonDepth)
            throw Error(Error::Kind::BadInput, RunText::tr("the value of \"%1\" is refused: %2")
                                                   .arg(QString::fromStdString(it.key()), nestingTooDeepText()));
    }
    bool doCommit = true;
    if (!d->advanceTo(step, commit, &doCommit))
        return;
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (it.key() == "_step" || it.key() == "_commit")
            continue;
        const int k = d->key(it.key());
        if (it->is_number_integer() && !isExactInteger(*it))
            d->warnInexact(k, *it);
        if (it->is_number())
            d->set(k, Number{it->get<double>(), isExactInteger(*it)});
        else
            d->set(k, dumpJson(*it));
    }
    if (doCommit) {
        d->commitPending();
        ++d->step;
    }
}

void Run::log(std::initializer_list<NumericItem> items, std::optional<qint64> step, std::optional<bool> commit)
{
    log(std::span<const NumericItem>(items.begin(), items.size()), step, commit);
}

void Run::log(std::span<const NumericItem> items, std::optional<qint64> step, std::optional<bool> commit)
{
    if (d->finished)
        throw Error(Error::Kind::Conflict, RunText::tr("log() after finish(); start a new run or resume this one"));
    d->throwIfWriterFailed();
    d->requireValidStep(step);
    bool doCommit = true;
    if (!d->advanceTo(step, commit, &doCommit))
        return;
    for (const auto &item : items)
        d->set(d->key(item.key), Number{item.value, false});
    if (doCommit) {
        d->commitPending();
        ++d->step;
    }
}

void Run::setSummary(const QString &key, const Json &value)
{
    if (jsonDepth(value) >= kMaxJsonDepth) // the summary object adds a level
        throw Error(Error::Kind::BadInput, RunText::tr("summary \"%1\" is refused: %2").arg(key, nestingTooDeepText()));
    std::lock_guard lock(d->mutex);
    d->batch.userSummary.emplace_back(key.toStdString(), value);
}

void Run::flush()
{
    std::unique_lock lock(d->mutex);
    if (d->stop)
        return;
    // The next batch the writer takes holds everything logged so far.
    const qint64 target = d->swaps + 1;
    d->flushRequested = true;
    d->wake.notify_one();
    d->drained.wait(lock, [&] { return d->flushesDone >= target || !d->writerError.isEmpty(); });
    lock.unlock();
    d->throwIfWriterFailed();
}

void Run::finish(int exitCode)
{
    if (d->finished)
        return;
    d->finished = true;
    if (!d->pending.empty())
        d->commitPending();
    {
        std::lock_guard lock(d->mutex);
        d->stop = true;
    }
    d->wake.notify_one();
    d->drained.notify_all();
    if (d->writer.joinable())
        d->writer.join();
    d->throwIfWriterFailed();
    d->store->releaseClaim(d->claim, exitCode);
    d->info = d->store->runInfo(d->info.key);
}

Store &Run::Impl::controlStore()
{
    if (!control)
        control = std::make_unique<Store>(store->path());
    return *control;
}

void Run::rename(const QString &name)
{
    d->controlStore().rename(d->info.key, name);
    d->info.name = name;
}

void Run::setConfig(const Json &config)
{
    if (!config.is_object())
        throw Error(Error::Kind::BadInput, RunText::tr("a run's config is a JSON object of key/value pairs; got %1")
                                               .arg(QString::fromStdString(dumpJson(config))));
    d->controlStore().setConfig(d->info.key, config);
    d->info.config = config;
}

Json Run::summary()
{
    flush();
    return d->controlStore().runInfo(d->info.key).summary;
}

Checkpoint Run::logCheckpoint(const QString &path, std::optional<qint64> step, const Json &metadata)
{
    if (d->finished)
        throw Error(Error::Kind::Conflict,
                    RunText::tr("logCheckpoint() after finish(); register checkpoints while the run is being logged"));
    if (step && !isValidStep(*step))
        throw Error(Error::Kind::BadInput, badStepText(QString::number(*step)));
    const NewCheckpoint c = describeCheckpointFile(path, step.value_or(d->lastCommittedStep.value_or(0)),
                                                   metadata.is_null() ? Json::object() : metadata);
    flush();
    const qint64 key = d->controlStore().addCheckpoint(d->info.key, c);
    Checkpoint out;
    static_cast<NewCheckpoint &>(out) = c;
    out.key = key;
    out.runKey = d->info.key;
    out.runPath = d->info.path().toString();
    return out;
}

std::optional<Checkpoint> Run::resumeCheckpoint()
{
    Store &store = d->controlStore();
    const RunInfo self = store.runInfo(d->info.key);
    if (!self.fork)
        return std::nullopt;
    // A materialized fork holds its source's checkpoints as its own rows.
    std::vector<Checkpoint> lineage;
    if (self.fork->materialized) {
        lineage = store.checkpoints(self.key);
    } else {
        const RunInfo source = store.resolve(self.fork->sourceImmutableId);
        lineage = store.checkpoints(source.key);
    }
    return checkpointToResume(lineage, self.fork->step);
}

RunInfo Run::info() const
{
    return d->info;
}

qint64 Run::currentStep() const
{
    return d->step;
}

QStringList Run::warnings() const
{
    std::lock_guard lock(d->mutex);
    return d->warnings;
}

void Run::setWarningSink(std::function<void(const QString &)> sink)
{
    std::lock_guard lock(d->mutex);
    d->warningSink = std::move(sink);
}

} // namespace forkscope
