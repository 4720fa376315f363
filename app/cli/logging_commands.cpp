// init, log, finish: creating runs and writing their history.
#include <QSysInfo>
#include <atomic>

#include "cli/cli_context.h"
#include "cli/cli_tr.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/log_input.h"
#include "cli/option_values.h"
#include "cli/run_format.h"
#include "client/run.h"
#include "core/error.h"
#include "core/plain_text.h"
#include "identity/fork_spec.h"
#include "identity/run_id.h"
#include "store/store.h"

namespace forkscope {

namespace {

const QStringList kCreateOptions = {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("config"),
                                    QStringLiteral("fork-from")};

std::vector<OptionSpec> createOptions(const QString &projectHelp)
{
    return {projectOption(projectHelp),
            entityOption(),
            {QStringLiteral("id"), QStringLiteral("ID"), Cli::tr("a custom run ID (default: 8 random a-z0-9)")},
            {QStringLiteral("name"), QStringLiteral("N"), Cli::tr("the display name (default: adjective-noun-N)")},
            {QStringLiteral("config"), QStringLiteral("JSON"),
             Cli::tr("the config as a JSON object; for a fork, keys that override the source's")},
            {QStringLiteral("fork-from"), QStringLiteral("SPEC"),
             Cli::tr("fork '<run>?_step=<N>': inherit the run's history up to step N, continue at N+1")}};
}

Json cliMetadata()
{
    return {{"host", toStd(QSysInfo::machineHostName())},
            {"program", "forkscope-cli"},
            {"args", stringListToJson(QCoreApplication::arguments().mid(1))}};
}

// What init and log (without RUN) take to create a run.
InitOptions readCreateOptions(CliContext &ctx)
{
    const ParsedCommand &a = ctx.args();
    InitOptions o;
    o.storePath = ctx.storePath();
    o.project = a.value(QStringLiteral("project"));
    o.entity = a.value(QStringLiteral("entity"));
    o.id = a.value(QStringLiteral("id"));
    o.name = a.value(QStringLiteral("name"));
    o.forkFrom = a.value(QStringLiteral("fork-from"));
    if (a.isSet(QStringLiteral("config")))
        o.config = parseJsonObjectOption(QStringLiteral("config"), a.value(QStringLiteral("config")));
    if (a.isSet(QStringLiteral("id")))
        requireValidRunId(o.id);
    if (a.isSet(QStringLiteral("fork-from")))
        ForkSpec::parse(o.forkFrom); // refuse a bad spec before touching the store
    else if (o.project.isEmpty())
        throw Error(Error::Kind::BadInput,
                    Cli::tr("'%1' needs --project P to create a run in (or --fork-from SPEC)").arg(a.command->name));
    o.metadata = cliMetadata();
    return o;
}

// `headline` takes the run's name and ID as %1 and %2.
void printRun(CliContext &ctx, const QString &headline, qint64 runKey)
{
    const RunInfo run = ctx.store().runInfo(runKey);
    printRunIdentity(ctx.json(), headline.arg(run.name, run.runId), run);
}

int initRun(CliContext &ctx)
{
    const InitOptions o = readCreateOptions(ctx);
    Store &store = ctx.store();
    // No writer is attached yet: the run waits as "pending" for `log RUN`.
    const RunInfo run = o.forkFrom.isEmpty()
                            ? store.createRun(newRunFrom(o, RunState::Pending))
                            : store.createFork(ForkSpec::parse(o.forkFrom), forkOptionsFrom(o, RunState::Pending));
    printRun(ctx, Cli::tr("Created run %1 (%2)"), run.key);
    return 0;
}

// Feeds every input line to run.log(). Returns the number of lines logged;
// throws on the first bad line, after the lines before it were logged.
qint64 feedLines(Run &run, LineSource &input)
{
    std::atomic<qint64> lineNumber = 0;
    run.setWarningSink([&lineNumber](const QString &warning) {
        printErr(Cli::tr("line %1: warning: %2").arg(lineNumber.load()).arg(escapeControls(warning)) +
                 QLatin1Char('\n'));
    });
    qint64 logged = 0;
    std::string line;
    bool reading = true;
    try {
        while (input.next(line)) {
            reading = false;
            ++lineNumber;
            if (line.find_first_not_of(" \t") == std::string::npos)
                continue;
            const LogLine parsed = parseLogLine(line, lineNumber);
            try {
                run.log(parsed.data, parsed.step, parsed.commit);
            } catch (const Error &e) {
                throw Error(e.kind(), Cli::tr("line %1: %2").arg(lineNumber.load()).arg(e.message()));
            }
            ++logged;
            reading = true;
        }
    } catch (const std::bad_alloc &) {
        line = std::string();
        throw Error(Error::Kind::Storage, Cli::tr("line %1: out of memory while reading or logging it; the lines "
                                                  "before it are logged")
                                              .arg(lineNumber.load() + (reading ? 1 : 0)));
    }
    run.setWarningSink({});
    return logged;
}

int logRun(CliContext &ctx)
{
    const ParsedCommand &a = ctx.args();
    const bool append = !a.positionals.isEmpty();
    if (append) {
        for (const QString &option : kCreateOptions) {
            if (a.isSet(option))
                throw Error(Error::Kind::BadInput,
                            Cli::tr("--%1 is for creating a run, but RUN '%2' names an existing one; expected "
                                    "either 'log RUN' or 'log --project P [--%1 ...]'")
                                .arg(option, a.positionals.first()));
        }
    }
    LineSource input(a.value(QStringLiteral("file")));

    InitOptions options;
    if (append) {
        // Run::init claims the run atomically; a run another process logs
        // is refused there, naming that process.
        options.storePath = ctx.storePath();
        options.resume = ctx.resolveRun().immutableId;
    } else {
        options = readCreateOptions(ctx);
        ctx.store(); // refuse a store we cannot use before creating anything
    }
    options.heartbeatTimeoutMs = ctx.heartbeatTimeoutMs();
    // The CLI reads a pipe; the program writing into it is the training, not
    // this one (new runs get the CLI's own "program" from cliMetadata()).
    options.recordCommand = false;

    // Both forms own the run while reading: it is running, and finished
    // (failed after a bad line) at the end of input.
    auto run = Run::init(options);
    const qint64 runKey = run->info().key;
    const auto end = [&](int exitCode) { run->finish(exitCode); };
    qint64 logged = 0;
    try {
        logged = feedLines(*run, input);
    } catch (const std::exception &e) {
        // Whatever stopped the input (a bad line, a read error, no memory),
        // the run ends failed, never "finished (exit code 0)".
        const auto *error = dynamic_cast<const Error *>(&e);
        try {
            end(error && error->isUserError() ? 2 : 1);
        } catch (const Error &also) {
            printErr(escapeControls(also.message(), true) + QLatin1Char('\n'));
        }
        throw;
    }
    end(0);
    printRun(ctx, Cli::tr("Logged %1 line(s) to run %2 (%3)").arg(logged), runKey);
    return 0;
}

int finishRun(CliContext &ctx)
{
    const RunInfo run = ctx.resolveRun();
    const int exitCode =
        ctx.args().isSet(QStringLiteral("exit-code"))
            ? parseIntOption(QStringLiteral("exit-code"), ctx.args().value(QStringLiteral("exit-code")))
            : 0;
    ctx.store().endRun(run.key, exitCode);
    printRun(ctx, Cli::tr("Finished run %1 (%2)"), run.key);
    return 0;
}

} // namespace

CommandSpec initCommand()
{
    auto options = createOptions(Cli::tr("the project to create the run in (required unless --fork-from names a "
                                         "path or immutable ID)"));
    options.push_back(jsonOption(Cli::tr("print the new run's identity as JSON")));
    return {QStringLiteral("init"),
            Cli::tr("create a run (state pending until 'log RUN' writes to it)"),
            {},
            options,
            Cli::tr("Prints the new run's identity. A bare run ID in --fork-from is looked up in --project."),
            initRun};
}

CommandSpec logCommand()
{
    auto options = createOptions(
        Cli::tr("with no RUN: create a run in this project and finish it at the end of input; with a bare run "
                "ID: its project"));
    options.push_back(
        {QStringLiteral("file"), QStringLiteral("F"), Cli::tr("read JSON lines from F (default: stdin)")});
    options.push_back(jsonOption(Cli::tr("print the run's identity as JSON when done")));
    return {QStringLiteral("log"),
            Cli::tr("log JSON lines to a run: 'log RUN' appends, 'log --project P' creates one"),
            {QStringLiteral("[RUN]")},
            options,
            Cli::tr("Each input line is one JSON object and one log() call: it is written at the current step, "
                    "which then advances by one. A \"_step\": k key logs at step k (a step that goes back is "
                    "dropped with a warning); \"_commit\": false merges into the pending row. A malformed line "
                    "stops the input with its line number; the lines before it stay logged.\n"
                    "The run is running while input is read and finished at the end of input (failed if a line "
                    "was bad), whether 'log --project' created it or 'log RUN' resumed it. One process logs a run "
                    "at a time: 'log RUN' on a run another live process is logging is refused (exit 2) with that "
                    "process's pid and host.\n") +
                runArgumentHelp(),
            logRun};
}

CommandSpec finishCommand()
{
    return {QStringLiteral("finish"),
            Cli::tr("mark a run finished (exit code 0) or failed (any other exit code)"),
            {QStringLiteral("RUN")},
            {projectOption(Cli::tr("the project of a bare run ID")),
             entityOption(),
             {QStringLiteral("exit-code"), QStringLiteral("N"), Cli::tr("the run's exit code (default 0)")},
             jsonOption(Cli::tr("print the run's identity as JSON"))},
            runArgumentHelp(),
            finishRun};
}

} // namespace forkscope
