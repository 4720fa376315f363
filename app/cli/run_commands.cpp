// fork, rename, delete: changing which runs exist and what they are called.
#include <optional>

#include "cli/cli_context.h"
#include "cli/cli_tr.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/fork_launch.h"
#include "cli/option_values.h"
#include "cli/run_format.h"
#include "core/error.h"
#include "core/plain_text.h"
#include "identity/fork_spec.h"
#include "identity/run_id.h"
#include "store/store.h"

namespace forkscope {

namespace {

int forkRun(CliContext &ctx)
{
    const ParsedCommand &a = ctx.args();
    const ForkSpec spec = ForkSpec::parse(a.positionals.first());
    ForkOptions options;
    options.project = a.value(QStringLiteral("project"));
    options.entity = a.value(QStringLiteral("entity"));
    options.name = a.value(QStringLiteral("name"));
    options.runId = a.value(QStringLiteral("id"));
    if (a.isSet(QStringLiteral("id")))
        requireValidRunId(options.runId);
    options.configOverrides = parseAssignments(QStringLiteral("set"), a.all(QStringLiteral("set")));
    const bool launch = a.isSet(QStringLiteral("launch"));
    if (a.isSet(QStringLiteral("command")) && !launch)
        throw Error(Error::Kind::BadInput,
                    Cli::tr("--command names what --launch starts; add --launch to start it, or leave --command out"));
    // What to start is settled before the fork exists: a refusal leaves
    // nothing behind.
    std::optional<LaunchCommand> command;
    if (launch) {
        std::optional<RunInfo> source;
        try {
            source = ctx.existingStore().resolve(spec.run, options.project, options.entity);
        } catch (const Error &e) {
            if (e.kind() != Error::Kind::NotFound)
                throw;
            // createFork below refuses it, saying what a fork needs.
        }
        if (source)
            command = forkLaunchCommand(a, *source);
    }
    const RunInfo fork = ctx.existingStore().createFork(spec, options);
    if (command)
        return runAttached(ctx, fork, *command,
                           Cli::tr("Forked run %1 (%2); its own steps start at %3.")
                               .arg(fork.runId, fork.immutableId)
                               .arg(fork.nextStep()));
    printRunIdentity(ctx.json(),
                     Cli::tr("Forked %1 into run %2 (%3); its own steps start at %4")
                         .arg(spec.toString(), fork.name, fork.runId)
                         .arg(fork.nextStep()),
                     fork);
    return 0;
}

int renameRun(CliContext &ctx)
{
    const RunInfo run = ctx.resolveRun();
    ctx.store().rename(run.key, ctx.args().positionals.at(1));
    printRunIdentity(ctx.json(), Cli::tr("Renamed run %1 from '%2'").arg(run.runId, run.name),
                     ctx.store().runInfo(run.key));
    return 0;
}

int deleteRun(CliContext &ctx)
{
    const RunInfo run = ctx.resolveRun();
    const bool materialize = ctx.args().isSet(QStringLiteral("materialize-forks"));
    const auto forks = ctx.store().forksOf(run.immutableId);
    ctx.store().deleteRun(run.key, materialize ? DependentForks::Materialize : DependentForks::Refuse);
    if (ctx.json()) {
        Json materialized = Json::array();
        for (const auto &f : forks)
            materialized.push_back(toStd(f.immutableId));
        Json out = runIdentityJson(run);
        out["deleted"] = true;
        out["materialized_forks"] = materialized;
        printJson(out);
        return 0;
    }
    QString text = escapeControls(Cli::tr("Deleted run %1 (%2); its ID stays retired in %3/%4.")
                                      .arg(run.name, run.runId, run.entity, run.project)) +
                   QLatin1Char('\n');
    for (const auto &f : forks)
        text += escapeControls(Cli::tr("Copied the inherited history into fork %1 (%2).").arg(f.name, f.runId)) +
                QLatin1Char('\n');
    printOut(text);
    return 0;
}

} // namespace

CommandSpec forkCommand()
{
    return {QStringLiteral("fork"),
            Cli::tr("fork a run at a step: '<run>?_step=<N>' (the new run is pending until logged to)"),
            {QStringLiteral("SPEC")},
            {projectOption(Cli::tr("where a bare run ID in SPEC is looked up and the fork is created (default: "
                                   "the source's project)")),
             entityOption(),
             {QStringLiteral("id"), QStringLiteral("ID"), Cli::tr("the fork's run ID (default: generated)")},
             {QStringLiteral("name"), QStringLiteral("N"), Cli::tr("the fork's display name")},
             {QStringLiteral("set"), QStringLiteral("KEY=JSON"), Cli::tr("override a config key of the source"), true},
             {QStringLiteral("launch"), QString(),
              Cli::tr("start training for the fork: the source's recorded command (or --command), attached to the "
                      "fork; its output is shown and kept (see 'logs'), and the exit code is the process's")},
             {QStringLiteral("command"), QStringLiteral("ARGS"),
              Cli::tr("with --launch: the command to start instead, split into arguments as a shell would but run "
                      "without one")},
             jsonOption(Cli::tr("print the fork's identity as JSON (with --launch: last, once the process ended)"))},
            Cli::tr("SPEC is '<run>?_step=<N>' as in W&B's fork_from, e.g. 'ans3bsax?_step=123'; <run> may also be "
                    "a run path or an immutable ID. The fork inherits the source's history at steps <= N and logs "
                    "its own rows from N+1; the source is not changed.") +
                QLatin1Char(' ') +
                Cli::tr("A process started with --launch gets FORKSCOPE_RUN_ID and FORKSCOPE_STORE, so "
                        "forkscope.init() in it logs to the fork, with the fork's config; Ctrl-C and SIGTERM are "
                        "passed on to it."),
            forkRun};
}

CommandSpec renameCommand()
{
    return {QStringLiteral("rename"),
            Cli::tr("change a run's display name (its IDs stay)"),
            {QStringLiteral("RUN"), QStringLiteral("NAME")},
            {projectOption(Cli::tr("the project of a bare run ID")), entityOption(),
             jsonOption(Cli::tr("print the run's identity as JSON"))},
            runArgumentHelp(),
            renameRun};
}

CommandSpec deleteCommand()
{
    return {QStringLiteral("delete"),
            Cli::tr("delete a run (refused while forks inherit its history, unless --materialize-forks)"),
            {QStringLiteral("RUN")},
            {projectOption(Cli::tr("the project of a bare run ID")),
             entityOption(),
             {QStringLiteral("materialize-forks"), QString(),
              Cli::tr("first copy the history each fork inherits into the fork")},
             jsonOption(Cli::tr("print the deleted run's identity as JSON"))},
            Cli::tr("The run's ID is never reused in its project. ") + runArgumentHelp(),
            deleteRun};
}

} // namespace forkscope
