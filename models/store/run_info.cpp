#include "store/run_info.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QUuid>
#include <algorithm>
#include <array>

namespace forkscope {

namespace {
constexpr std::array<const char *, 5> kStateNames = {"pending", "running", "finished", "failed", "crashed"};
}

QString runStateName(RunState state)
{
    return QLatin1String(kStateNames[size_t(state)]);
}

std::optional<RunState> parseRunState(const QString &name)
{
    for (size_t i = 0; i < kStateNames.size(); ++i) {
        if (name == QLatin1String(kStateNames[i]))
            return RunState(i);
    }
    return std::nullopt;
}

WriterIdentity WriterIdentity::thisProcess()
{
    return {QUuid::createUuid().toString(QUuid::WithoutBraces), QCoreApplication::applicationPid(),
            QSysInfo::machineHostName()};
}

std::optional<qint64> RunInfo::lastStep() const
{
    // A fork (or a rewound run) continues at step+1 even if its own rows (or
    // rows materialized from a deleted source) end earlier.
    std::optional<qint64> last = ownLastStep;
    for (const auto &linked : {fork ? std::optional<qint64>(fork->step) : std::nullopt,
                               rewind ? std::optional<qint64>(rewind->step) : std::nullopt}) {
        if (linked)
            last = last ? std::max(*last, *linked) : *linked;
    }
    return last;
}

std::optional<qint64> RunInfo::inheritedUpTo() const
{
    if (rewind)
        return rewind->step;
    if (fork && !fork->materialized)
        return fork->step;
    return std::nullopt;
}

qint64 RunInfo::nextStep() const
{
    const auto last = lastStep();
    return last ? *last + 1 : 0;
}

double RunInfo::runtimeSeconds() const
{
    const QDateTime end = finishedAt.isValid() ? finishedAt : heartbeatAt;
    const double wall = createdAt.isValid() && end.isValid() ? double(createdAt.msecsTo(end)) / 1000.0 : 0.0;
    // The last logged _runtime is what W&B calls the run's runtime; it also
    // covers runs whose rows were written faster than they were trained
    // (imports, replays).
    const auto logged = summary.find("_runtime");
    if (logged != summary.end() && logged->is_number())
        return std::max(wall, logged->get<double>());
    return wall;
}

} // namespace forkscope
