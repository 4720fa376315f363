// projects, runs, show: reading the store.
#include <algorithm>

#include "cli/cli_context.h"
#include "cli/cli_tr.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/run_format.h"
#include "cli/run_list_query.h"
#include "cli/text_table.h"
#include "core/error.h"
#include "store/store.h"

namespace forkscope {

namespace {

int listProjects(CliContext &ctx)
{
    const auto projects = ctx.readStore().projects();
    if (ctx.json()) {
        Json list = Json::array();
        for (const auto &p : projects)
            list.push_back({{"entity", toStd(p.entity)},
                            {"name", toStd(p.name)},
                            {"path", toStd(p.entity + QLatin1Char('/') + p.name)},
                            {"runs", p.runCount},
                            {"created_at", toStd(isoTime(p.createdAt))}});
        printJson({{"projects", list}});
        return 0;
    }
    if (projects.empty()) {
        printOut(
            Cli::tr("No projects in %1. 'forkscope-cli demo' creates an example project.").arg(ctx.store().path()) +
            QLatin1Char('\n'));
        return 0;
    }
    TextTable table({Cli::tr("ENTITY"), Cli::tr("PROJECT"), Cli::tr("RUNS"), Cli::tr("CREATED")});
    table.alignRight(2);
    for (const auto &p : projects)
        table.addRow({p.entity, p.name, QString::number(p.runCount), isoTime(p.createdAt)});
    printOut(table.toString());
    return 0;
}

int listRuns(CliContext &ctx)
{
    const QString projectName = ctx.args().value(QStringLiteral("project"));
    if (projectName.isEmpty())
        throw Error(Error::Kind::BadInput, Cli::tr("'runs' needs --project P; expected a project name as listed "
                                                   "by 'forkscope-cli projects'"));
    const ProjectInfo project = ctx.readStore().requireProject(projectName, ctx.args().value(QStringLiteral("entity")));
    const RunListQuery list = parseRunListQuery(ctx.args(), project.key);
    const qint64 total = ctx.store().runPageCount(list.query);
    const qint64 rest = std::max<qint64>(0, total - list.offset);
    const auto runs =
        ctx.store().runPage(list.query, list.offset, int(std::min<qint64>(list.limit.value_or(rest), rest)));
    if (ctx.json()) {
        Json out = Json::array();
        for (const auto &r : runs)
            out.push_back(runListJson(r));
        if (list.paged)
            printJson({{"runs", out}, {"total", total}, {"offset", list.offset}});
        else
            printJson({{"runs", out}});
        return 0;
    }
    TextTable table({Cli::tr("ID"), Cli::tr("NAME"), Cli::tr("STATE"), Cli::tr("LAST STEP"), Cli::tr("FORKED FROM"),
                     Cli::tr("CREATED")});
    table.alignRight(3);
    for (const auto &r : runs) {
        const auto last = r.lastStep();
        const QString fork = r.fork ? QStringLiteral("%1@%2").arg(r.fork->sourceRunId).arg(r.fork->step) : QString();
        table.addRow({r.runId, r.name, runStateName(r.state), last ? QString::number(*last) : QStringLiteral("-"),
                      fork.isEmpty() ? QStringLiteral("-") : fork, isoTime(r.createdAt)});
    }
    printOut(table.toString());
    return 0;
}

int showRun(CliContext &ctx)
{
    ctx.readStore();
    const RunInfo run = ctx.resolveRun();
    const auto archived = ctx.readStore().archivedVersions(run.key);
    if (ctx.json())
        printJson(runDetailJson(run, archived));
    else
        printOut(runDetailText(run, archived));
    return 0;
}

} // namespace

CommandSpec projectsCommand()
{
    return {QStringLiteral("projects"),
            Cli::tr("list the projects in the store"),
            {},
            {jsonOption(Cli::tr("print {\"projects\": [...]}"))},
            {},
            listProjects};
}

CommandSpec runsCommand()
{
    return {QStringLiteral("runs"),
            Cli::tr("list the runs of a project"),
            {},
            {projectOption(Cli::tr("the project whose runs to list (required)")),
             entityOption(),
             {QStringLiteral("sort"), QStringLiteral("KEY[:asc|desc]"),
              Cli::tr("order by created (the default), name, id, state, last_step, summary.KEY or config.KEY; "
                      "ascending unless :desc")},
             {QStringLiteral("filter"), QStringLiteral("TEXT"),
              Cli::tr("only runs whose name, ID, a tag or state contains TEXT (ASCII letters in any case)")},
             {QStringLiteral("offset"), QStringLiteral("N"), Cli::tr("skip the first N runs of the order")},
             {QStringLiteral("limit"), QStringLiteral("N"), Cli::tr("list at most N runs")},
             jsonOption(Cli::tr("print {\"runs\": [...]}, each entry with the identity keys of 'show'; with "
                                "--sort, --filter, --offset or --limit also \"total\" (runs the filter keeps) and "
                                "\"offset\""))},
            {},
            listRuns};
}

CommandSpec showCommand()
{
    return {QStringLiteral("show"),
            Cli::tr("show a run: identity, state, times, fork link, config, summary, metadata"),
            {QStringLiteral("RUN")},
            {projectOption(Cli::tr("the project of a bare run ID")), entityOption(),
             jsonOption(Cli::tr("print one JSON object (keys id, immutable_id, path, name, project, entity, state, "
                                "fork, config, summary, ...)"))},
            runArgumentHelp(),
            showRun};
}

} // namespace forkscope
