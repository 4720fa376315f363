#include "support/run_seed.h"

#include "identity/fork_spec.h"
#include "store/history_writer.h"
#include "store/store.h"

namespace forkscope::test {

RunSeed::RunSeed(Store &store) : store_(store) {}

RunSeed &RunSeed::project(const QString &project)
{
    spec_.project = project;
    return *this;
}

RunSeed &RunSeed::entity(const QString &entity)
{
    spec_.entity = entity;
    return *this;
}

RunSeed &RunSeed::id(const QString &runId)
{
    spec_.runId = runId;
    return *this;
}

RunSeed &RunSeed::name(const QString &name)
{
    spec_.name = name;
    return *this;
}

RunSeed &RunSeed::config(const Json &config)
{
    spec_.config = config;
    return *this;
}

RunSeed &RunSeed::state(RunState state)
{
    spec_.state = state;
    return *this;
}

RunSeed &RunSeed::finishedAfterHistory()
{
    finishAfterHistory_ = true;
    return *this;
}

RunSeed &RunSeed::forkOf(const QString &spec)
{
    forkOf_ = spec;
    return *this;
}

RunSeed &RunSeed::values(const std::string &key, qint64 first, qint64 end, ValueAt value, qint64 stride)
{
    series_.push_back({key, first, end, stride, std::move(value)});
    return *this;
}

RunInfo RunSeed::create()
{
    RunInfo run;
    if (forkOf_.isEmpty()) {
        run = store_.createRun(spec_);
    } else {
        ForkOptions options;
        options.entity = spec_.entity;
        options.project = spec_.project;
        options.runId = spec_.runId;
        options.name = spec_.name;
        run = store_.createFork(ForkSpec::parse(forkOf_), options);
    }
    if (!series_.empty()) {
        HistoryWriter writer(store_, run.key);
        for (const Series &s : series_) {
            const int handle = writer.keyHandle(s.key);
            for (qint64 step = s.first; step < s.end; step += s.stride)
                writer.addNumber(handle, step, s.value(step));
        }
        writer.flush();
    }
    if (finishAfterHistory_)
        store_.setState(run.key, RunState::Finished, 0);
    return store_.runInfo(run.key);
}

} // namespace forkscope::test
