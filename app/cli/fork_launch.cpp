// fork --launch: start training for the new fork and stay with it until it
// ends, as if the person had started it in this terminal.
#include "cli/fork_launch.h"

#include <QEventLoop>
#include <QObject>
#include <QTimer>
#include <csignal>
#include <cstdio>
#include <optional>

#include "cli/cli_context.h"
#include "cli/cli_tr.h"
#include "cli/console.h"
#include "cli/run_format.h"
#include "cli/stop_signals.h"
#include "core/error.h"
#include "core/plain_text.h"
#include "launch/command_split.h"
#include "launch/training_process.h"
#include "store/store.h"

namespace forkscope {

namespace {

constexpr int kSignalPollMs = 50;
constexpr int kNotStartedExitCode = 127; // as a shell reports it

void mirror(ConsoleStream stream, const QString &text)
{
    // The process's own output, as it wrote it: this terminal is where the
    // person asked to see it.
    FILE *to = stream == ConsoleStream::Stderr ? stderr : stdout;
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), to);
    std::fflush(to);
}

QString endText(const ProcessOutcome &outcome, const RunInfo &run)
{
    switch (outcome.end) {
    case ProcessEnd::Exited:
        return Cli::tr("The process exited with code %1; run %2 is %3.")
            .arg(outcome.exitCode)
            .arg(run.runId, runStateName(run.state));
    case ProcessEnd::Killed:
        return Cli::tr("The process was ended by signal %1; run %2 is %3.")
            .arg(outcome.signal)
            .arg(run.runId, runStateName(run.state));
    case ProcessEnd::NotStarted: break;
    }
    return Cli::tr("%1; run %2 is %3.").arg(outcome.error, run.runId, runStateName(run.state));
}

} // namespace

LaunchCommand forkLaunchCommand(const ParsedCommand &args, const RunInfo &source)
{
    std::optional<LaunchCommand> command;
    if (args.isSet(QStringLiteral("command")))
        command = LaunchCommand{splitCommand(args.value(QStringLiteral("command"))), {}};
    else
        command = recordedCommand(source.metadata);
    if (command) {
        if (const QString problem = launchCommandProblem(*command); !problem.isEmpty())
            throw Error(Error::Kind::BadInput,
                        Cli::tr("cannot start training for a fork of run '%1': %2").arg(source.runId, problem));
        return *command;
    }
    throw Error(Error::Kind::BadInput,
                Cli::tr("run '%1' recorded no command to start (its metadata has no \"program\": it was not "
                        "logged by a Forkscope client that records it); give the command with --command, e.g. "
                        "--command \"python3 train.py --epochs 3\"")
                    .arg(source.runId));
}

int runAttached(CliContext &ctx, const RunInfo &fork, const LaunchCommand &command, const QString &intro)
{
    // Held back from the first moment, so a Ctrl-C reaches the training
    // process instead of leaving it behind.
    StopSignals stopSignals;
    printErr(
        escapeControls(intro + QLatin1Char(' ') +
                       Cli::tr("Starting: %1%2")
                           .arg(joinCommand(command.arguments), command.workingFolder.isEmpty()
                                                                    ? QString()
                                                                    : Cli::tr(" (in %1)").arg(command.workingFolder))) +
        QLatin1Char('\n'));

    TrainingProcess process(ctx.storePath(), fork);
    std::optional<ProcessOutcome> outcome;
    QEventLoop loop;
    QObject::connect(&process, &TrainingProcess::output, &mirror);
    QObject::connect(&process, &TrainingProcess::storeProblem, [](const QString &message) {
        printErr(escapeControls(
                     Cli::tr("forkscope-cli: warning: the output could not be kept in the store: %1").arg(message)) +
                 QLatin1Char('\n'));
    });
    QObject::connect(&process, &TrainingProcess::exited, &loop, [&](const ProcessOutcome &o) {
        outcome = o;
        loop.quit();
    });
    QTimer forward;
    QObject::connect(&forward, &QTimer::timeout, [&] {
        // SIGTERM is a request to stop (the app's Stop sends it to this
        // relay): the process gets it, then SIGKILL after the grace period.
        while (const int sig = stopSignals.takeSignal()) {
            if (sig == SIGTERM)
                process.stop();
            else
                process.sendSignal(sig);
        }
    });
    forward.start(kSignalPollMs);
    process.start(command);
    loop.exec();
    forward.stop();

    const RunInfo after = ctx.existingStore().runInfo(fork.key);
    if (!outcome->storeError.isEmpty())
        printErr(
            escapeControls(
                Cli::tr("forkscope-cli: warning: the run's end could not be recorded: %1").arg(outcome->storeError)) +
            QLatin1Char('\n'));
    printErr(escapeControls(endText(*outcome, after)) + QLatin1Char('\n'));
    int exitCode = kNotStartedExitCode;
    if (outcome->end == ProcessEnd::Exited)
        exitCode = outcome->exitCode;
    else if (outcome->end == ProcessEnd::Killed)
        exitCode = 128 + outcome->signal;
    if (ctx.json()) {
        Json out = runIdentityJson(after);
        Json arguments = Json::array();
        for (const QString &a : command.arguments)
            arguments.push_back(toStd(a));
        out["process"] = {
            {"arguments", arguments}, {"working_folder", toStd(command.workingFolder)}, {"exit_code", exitCode}};
        printJson(out);
    }
    std::fflush(stdout);
    return exitCode;
}

} // namespace forkscope
