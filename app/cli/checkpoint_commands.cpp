// checkpoint add, checkpoints: the weights runs saved, and whether their files are still there.
#include "cli/cli_context.h"
#include "cli/cli_tr.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/text_table.h"
#include "core/error.h"
#include "core/plain_text.h"
#include "core/step_rule.h"
#include "store/checkpoint_file.h"
#include "store/store.h"

namespace forkscope {

namespace {

qint64 parseStepOption(const QString &text)
{
    bool ok = false;
    const qint64 step = text.toLongLong(&ok);
    if (!ok || !isValidStep(step))
        throw Error(Error::Kind::BadInput, Cli::tr("--step %1: %2").arg(text, stepRuleText()));
    return step;
}

Json checkpointJson(const Checkpoint &c, const CheckpointFileState &state)
{
    return {{"step", c.step},
            {"path", toStd(c.path)},
            {"size", c.size ? Json(*c.size) : Json()},
            {"sha256", c.sha256.isEmpty() ? Json() : Json(toStd(c.sha256))},
            {"run", toStd(c.runPath)},
            {"exists", state.exists},
            {"matches", state.matches}};
}

QString fileStateText(const Checkpoint &c, const CheckpointFileState &state)
{
    if (isRemoteCheckpointUri(c.path))
        return Cli::tr("not checked");
    if (!state.exists)
        return Cli::tr("missing");
    return state.matches ? Cli::tr("ok") : Cli::tr("changed");
}

int addCheckpoint(CliContext &ctx)
{
    const ParsedCommand &a = ctx.args();
    if (a.positionals.first() != QLatin1String("add"))
        throw Error(Error::Kind::BadInput,
                    Cli::tr("'checkpoint %1' is not known; expected 'checkpoint add RUN PATH' (list them with "
                            "'checkpoints RUN')")
                        .arg(a.positionals.first()));
    const RunInfo run = ctx.resolveRun(1);
    const auto last = run.lastStep();
    const qint64 step =
        a.isSet(QStringLiteral("step")) ? parseStepOption(a.value(QStringLiteral("step"))) : last.value_or(0);
    const NewCheckpoint described = describeCheckpointFile(a.positionals.at(2), step);
    Checkpoint c;
    static_cast<NewCheckpoint &>(c) = described;
    c.key = ctx.existingStore().addCheckpoint(run.key, described);
    c.runKey = run.key;
    c.runPath = run.path().toString();
    if (ctx.json()) {
        printJson(checkpointJson(c, {true, true}));
        return 0;
    }
    printOut(escapeControls(Cli::tr("Registered the checkpoint of run %1 (%2) at step %3: %4")
                                .arg(run.name, run.runId)
                                .arg(c.step)
                                .arg(c.path)) +
             QLatin1Char('\n'));
    return 0;
}

int listCheckpoints(CliContext &ctx)
{
    Store &store = ctx.readStore(); // only reads: nothing is written to the store
    const RunInfo run = ctx.resolveRun();
    const std::vector<Checkpoint> list = store.checkpoints(run.key);
    if (ctx.json()) {
        Json entries = Json::array();
        for (const auto &c : list)
            entries.push_back(checkpointJson(c, checkCheckpointFile(c)));
        printJson({{"checkpoints", entries}});
        return 0;
    }
    if (list.empty()) {
        printOut(escapeControls(Cli::tr("Run %1 (%2) has no checkpoints.").arg(run.name, run.runId)) +
                 QLatin1Char('\n'));
        return 0;
    }
    TextTable table({Cli::tr("STEP"), Cli::tr("SIZE"), Cli::tr("FILE"), Cli::tr("SAVED BY"), Cli::tr("PATH")});
    table.alignRight(0);
    table.alignRight(1);
    for (const auto &c : list)
        table.addRow({QString::number(c.step), c.size ? QString::number(*c.size) : QStringLiteral("-"),
                      fileStateText(c, checkCheckpointFile(c)), c.runPath, c.path});
    printOut(table.toString());
    return 0;
}

} // namespace

CommandSpec checkpointCommand()
{
    return {QStringLiteral("checkpoint"),
            Cli::tr("register weights a run saved: 'checkpoint add RUN PATH'"),
            {QStringLiteral("add"), QStringLiteral("RUN"), QStringLiteral("PATH")},
            {projectOption(Cli::tr("the project of a bare run ID")),
             entityOption(),
             {QStringLiteral("step"), QStringLiteral("N"),
              Cli::tr("the step the weights were saved at (default: the run's last step, 0 before any)")},
             jsonOption(Cli::tr("print the registered checkpoint as JSON"))},
            Cli::tr("PATH is the saved file (made absolute; its size and SHA-256 are recorded) or a URI such as "
                    "s3://bucket/key (recorded as it is). ") +
                runArgumentHelp(),
            addCheckpoint};
}

CommandSpec checkpointsCommand()
{
    return {QStringLiteral("checkpoints"),
            Cli::tr("list a run's checkpoints, inherited ones included, and whether their files are unchanged"),
            {QStringLiteral("RUN")},
            {projectOption(Cli::tr("the project of a bare run ID")), entityOption(),
             jsonOption(Cli::tr("print {\"checkpoints\": [{\"step\", \"path\", \"size\", \"sha256\", \"run\", "
                                "\"exists\", \"matches\"}]} in step order"))},
            Cli::tr("A fork lists its source's checkpoints up to the fork step, then its own. A missing or changed "
                    "file is reported, not an error. ") +
                runArgumentHelp(),
            listCheckpoints};
}

} // namespace forkscope
