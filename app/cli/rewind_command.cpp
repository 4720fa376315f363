// rewind: a run goes back to a step and logs on from there (W&B's resume_from).
#include "cli/cli_context.h"
#include "cli/cli_tr.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/option_values.h"
#include "cli/run_format.h"
#include "core/error.h"
#include "core/plain_text.h"
#include "identity/fork_spec.h"
#include "store/store.h"

namespace forkscope {

namespace {

int rewindRun(CliContext &ctx)
{
    const ParsedCommand &a = ctx.args();
    const ForkSpec spec = ForkSpec::parse(a.positionals.first());
    RewindOptions options;
    options.project = a.value(QStringLiteral("project"));
    options.entity = a.value(QStringLiteral("entity"));
    options.configUpdates = parseAssignments(QStringLiteral("set"), a.all(QStringLiteral("set")));
    Store &store = ctx.existingStore();
    const RunInfo run = store.rewind(spec, options);
    const auto archived = store.archivedVersions(run.key);
    if (ctx.json()) {
        printJson(runDetailJson(run, archived));
        return 0;
    }
    const RunInfo &archive = archived.back();
    QString text = runIdentityText(Cli::tr("Rewound run %1 (%2) to step %3; it logs on from step %4")
                                       .arg(run.name, run.runId)
                                       .arg(spec.step)
                                       .arg(run.nextStep()),
                                   run);
    text += escapeControls(Cli::tr("Steps %1 to %2 are kept in the archived version %3.")
                               .arg(spec.step + 1)
                               .arg(archive.lastStep().value_or(spec.step))
                               .arg(archive.immutableId)) +
            QLatin1Char('\n');
    printOut(text);
    return 0;
}

} // namespace

CommandSpec rewindCommand()
{
    return {QStringLiteral("rewind"),
            Cli::tr("rewind a run to a step: '<run>?_step=<N>' (it keeps its IDs and logs on from N+1)"),
            {QStringLiteral("SPEC")},
            {projectOption(Cli::tr("where a bare run ID in SPEC is looked up")),
             entityOption(),
             {QStringLiteral("set"), QStringLiteral("KEY=JSON"), Cli::tr("merge a key into the run's config"), true},
             jsonOption(Cli::tr("print the rewound run as 'show --json' does"))},
            Cli::tr("SPEC is '<run>?_step=<N>' as in W&B's resume_from, e.g. 'ans3bsax?_step=123'; <run> may also be "
                    "a run path or an immutable ID. The run keeps its run ID, path and immutable ID and its history "
                    "up to step N; 'log RUN' then continues it at N+1. The steps after N are not lost: they stay in "
                    "an archived version with an immutable ID of its own ('show RUN' lists it), and forks made "
                    "after N keep the history they had. The summary is recomputed from the history kept; the config "
                    "is kept, with --set keys merged in."),
            rewindRun};
}

} // namespace forkscope
