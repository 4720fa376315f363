// lineage: a run's family of forks as a tree, with what each fork changed.
#include "cli/cli_context.h"
#include "cli/cli_tr.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "core/plain_text.h"
#include "itemmodels/config_change_text.h"
#include "store/config_diff.h"
#include "store/run_family.h"
#include "store/store.h"

namespace forkscope {

namespace {

Json optionalJson(const std::optional<Json> &value)
{
    return value ? *value : Json(nullptr);
}

Json nodeJson(const FamilyNode &node, const Json &parentConfig)
{
    Json changes = Json::object();
    if (node.forkStep) {
        for (const ConfigChange &c : configChanges(parentConfig, node.run.config))
            changes[toStd(c.key)] = {{"from", optionalJson(c.from)}, {"to", optionalJson(c.to)}};
    }
    Json children = Json::array();
    for (const FamilyNode &child : node.children)
        children.push_back(nodeJson(child, node.run.config));
    const auto last = node.run.lastStep();
    Json out = {{"path", toStd(node.run.path().toString())},
                {"immutable_id", toStd(node.run.immutableId)},
                {"name", toStd(node.run.name)},
                {"state", toStd(runStateName(node.run.state))},
                {"fork_step", node.forkStep ? Json(*node.forkStep) : Json(nullptr)},
                {"last_step", last ? Json(*last) : Json(nullptr)},
                {"config_changes", changes},
                {"children", children}};
    // An archived version hangs off its run at the rewind step.
    if (node.run.archived)
        out["archived"] = true;
    return out;
}

QString nodeLine(const FamilyNode &node, qint64 askedKey)
{
    const auto last = node.run.lastStep();
    const QString steps = last ? Cli::tr("last step %1").arg(*last) : Cli::tr("no steps yet");
    const QString name = escapeControls(node.run.name);
    const QString path = escapeControls(node.run.path().toString());
    const QString state = runStateName(node.run.state);
    // One arg() call: a '%' in a run name is never read as a placeholder.
    QString line;
    if (node.run.archived)
        line = Cli::tr("%1 (%2), archived version %3 cut off by a rewind to step %4, %5")
                   .arg(name, path, node.run.immutableId, QString::number(node.run.archived->rewindStep), steps);
    else if (node.forkStep)
        line = Cli::tr("%1 (%2), forked at step %3, %4, %5")
                   .arg(name, path, QString::number(*node.forkStep), state, steps);
    else
        line = Cli::tr("%1 (%2), %3, %4").arg(name, path, state, steps);
    if (node.run.key == askedKey)
        line += QLatin1Char(' ') + Cli::tr("<- this run");
    return line;
}

// Box-drawing branches as `tree` draws them; `prefix` continues the
// ancestors' vertical lines.
void appendTree(QString &out, const FamilyNode &node, const Json &parentConfig, qint64 askedKey, const QString &prefix,
                const QString &branch, const QString &below)
{
    out += prefix + branch + nodeLine(node, askedKey) + QLatin1Char('\n');
    const QString inner = prefix + below;
    const bool hasChildren = !node.children.empty();
    const QString detailIndent = inner + (hasChildren ? QStringLiteral("│  ") : QStringLiteral("   "));
    if (node.forkStep) {
        const auto changes = configChanges(parentConfig, node.run.config);
        for (const ConfigChange &c : changes)
            out += detailIndent + configChangeText(c) + QLatin1Char('\n');
        if (changes.empty())
            out += detailIndent + configChangesSummary(changes, 0) + QLatin1Char('\n');
    }
    for (size_t i = 0; i < node.children.size(); ++i) {
        const bool lastChild = i + 1 == node.children.size();
        appendTree(out, node.children[i], node.run.config, askedKey, inner,
                   lastChild ? QStringLiteral("└─ ") : QStringLiteral("├─ "),
                   lastChild ? QStringLiteral("   ") : QStringLiteral("│  "));
    }
}

int printLineage(CliContext &ctx)
{
    ctx.readStore();
    const RunInfo run = ctx.resolveRun();
    const RunFamily family = readRunFamily(ctx.readStore(), run.key);
    if (ctx.json()) {
        printJson({{"root", nodeJson(family.root, Json::object())}});
        return 0;
    }
    QString out;
    appendTree(out, family.root, Json::object(), run.key, {}, {}, {});
    out += Cli::tr("%n run(s) in the family.", nullptr, int(family.size)) + QLatin1Char('\n');
    printOut(out);
    return 0;
}

} // namespace

CommandSpec lineageCommand()
{
    return {QStringLiteral("lineage"),
            Cli::tr("show a run's family of forks as a tree: where each fork leaves its parent and what it changed"),
            {QStringLiteral("RUN")},
            {projectOption(Cli::tr("the project of a bare run ID")), entityOption(),
             jsonOption(Cli::tr("print {\"root\": NODE}; a NODE has path, immutable_id, name, state, fork_step (null "
                                "for the root), last_step, config_changes ({key: {\"from\", \"to\"}}, only keys that "
                                "differ from the parent) and children (NODEs by fork step)"))},
            Cli::tr("The family is the tree below RUN's root ancestor, across projects. Nested config keys are "
                    "compared by dotted path (optimizer.lr). ") +
                runArgumentHelp(),
            printLineage};
}

} // namespace forkscope
