#include "client/run.h"

#include "client/run_impl.h"
#include "core/error.h"
#include "core/step_rule.h"
#include "store/checkpoint_file.h"

namespace forkscope {

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
    // A rewound run resumes from the weights at its rewind step, which its
    // archived version holds.
    if (self.rewind)
        return checkpointToResume(store.checkpoints(store.resolve(self.rewind->archiveImmutableId).key),
                                  self.rewind->step);
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
