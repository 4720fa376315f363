// launch: start training attached to a run that exists (a fork made in the
// app or with `fork`), and stay with it until it ends. The app starts its
// training through this command, detached, so training can outlive the app.
#include <unistd.h>

#include "cli/cli_context.h"
#include "cli/cli_tr.h"
#include "cli/commands.h"
#include "cli/fork_launch.h"
#include "cli/run_format.h"
#include "core/error.h"
#include "store/store.h"

namespace forkscope {

namespace {

int launchRun(CliContext &ctx)
{
    const ParsedCommand &a = ctx.args();
    const RunInfo run = ctx.resolveRun();
    // One process logs a run: a second would write over the first's steps.
    if (run.isBeingLogged()) {
        const QString holder =
            run.writer ? Cli::tr(" by process %1 on %2").arg(run.writer->pid).arg(run.writer->host) : QString();
        throw Error(Error::Kind::Conflict,
                    Cli::tr("run '%1' is being logged%2; stop that first, or fork the run and launch the fork")
                        .arg(run.runId, holder));
    }
    if (run.state != RunState::Pending)
        throw Error(Error::Kind::Conflict,
                    Cli::tr("run '%1' is %2: training can only be launched for a run nothing has logged to yet (a new "
                            "fork); fork it to train on from one of its steps")
                        .arg(run.runId, runStateName(run.state)));
    LaunchCommand command{a.positionals.mid(1), a.value(QStringLiteral("cwd"))};
    if (const QString problem = launchCommandProblem(command); !problem.isEmpty())
        throw Error(Error::Kind::BadInput, Cli::tr("cannot start training for run '%1': %2").arg(run.runId, problem));
    // Started by the app to outlive it: no terminal's or app's hang-up or
    // Ctrl-C reaches it; SIGTERM to this process still stops the training.
    if (a.isSet(QStringLiteral("new-session")))
        ::setsid();
    return runAttached(ctx, run, command, Cli::tr("Run %1 (%2).").arg(run.runId, run.immutableId));
}

} // namespace

CommandSpec launchCommand()
{
    return {QStringLiteral("launch"),
            Cli::tr("start training attached to a pending run (a new fork) and wait for it"),
            {QStringLiteral("RUN"), QStringLiteral("PROGRAM"), QStringLiteral("[ARGS...]")},
            {projectOption(Cli::tr("the project of a bare run ID")),
             entityOption(),
             {QStringLiteral("cwd"), QStringLiteral("DIR"), Cli::tr("the folder to start PROGRAM in")},
             {QStringLiteral("new-session"), QString(),
              Cli::tr("run in a session of its own, so it outlives the terminal or app that started it (the app "
                      "uses this for \"Leave running\")")},
             jsonOption(Cli::tr("print the run's identity as JSON, last, once the process ended"))},
            Cli::tr("Put '--' before PROGRAM when an argument starts with '-': forkscope-cli launch RUN -- python3 "
                    "train.py --lr 0.1. PROGRAM is started directly with its arguments, never through a shell, and "
                    "gets FORKSCOPE_RUN_ID and FORKSCOPE_STORE, so forkscope.init() in it logs to RUN. Its output is "
                    "shown and kept (see 'logs'), its end recorded as RUN's state, Ctrl-C and SIGTERM are passed on "
                    "to it, and the exit code is the process's. A run another process is logging is refused.") +
                QLatin1Char(' ') + runArgumentHelp(),
            launchRun};
}

} // namespace forkscope
