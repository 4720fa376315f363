// demo: the example project a newcomer starts from.
#include "cli/cli_context.h"
#include "cli/cli_tr.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/run_format.h"
#include "cli/text_table.h"
#include "demo/demo_project.h"
#include "store/store.h"

namespace forkscope {

namespace {

int createDemo(CliContext &ctx)
{
    DemoProgress progress;
    if (!ctx.json() && stderrIsTerminal()) {
        progress = [](const QString &what, int percent) {
            printErr(QStringLiteral("\r\033[K") +
                     Cli::tr("Creating the demo project: %1 (%2%)").arg(what).arg(percent));
        };
    }
    const DemoProject demo = createDemoProject(ctx.store(), progress);
    if (progress)
        printErr(QStringLiteral("\r\033[K"));
    if (ctx.json()) {
        Json runs = Json::array();
        for (const auto &r : demo.runs)
            runs.push_back(runListJson(r));
        printJson({{"entity", toStd(demo.entity)}, {"project", toStd(demo.project)}, {"runs", runs}});
        return 0;
    }
    TextTable table({Cli::tr("ID"), Cli::tr("NAME"), Cli::tr("LAST STEP"), Cli::tr("FORKED FROM")});
    table.alignRight(2);
    for (const auto &r : demo.runs)
        table.addRow({r.runId, r.name, QString::number(r.lastStep().value_or(-1)),
                      r.fork ? forkLinkText(r) : QStringLiteral("-")});
    printOut(Cli::tr("Created the demo project %1/%2 in %3:").arg(demo.entity, demo.project, ctx.store().path()) +
             QStringLiteral("\n\n") + table.toString());
    return 0;
}

} // namespace

CommandSpec demoCommand()
{
    return {QStringLiteral("demo"),
            Cli::tr("create the example project 'fork-demo' (seed fork example, a 100 000-step run and forks)"),
            {},
            {jsonOption(Cli::tr("print {\"entity\", \"project\", \"runs\": [...]}"))},
            Cli::tr("Contains run1 and its fork run2 exactly as in the W&B fork_from documentation, a "
                    "100 000-step training run with noisy metrics (loss, accuracy, learning rate, gradient norm, "
                    "evaluation every 1000 steps), a fork of it at step 60000 and a fork of that fork at 80000."),
            createDemo};
}

} // namespace forkscope
