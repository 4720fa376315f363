// history: a run's rows as JSON lines or CSV.
#include "cli/cli_context.h"
#include "cli/cli_tr.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/history_format.h"
#include "cli/option_values.h"
#include "core/error.h"
#include "core/plain_text.h"
#include "store/store.h"

namespace forkscope {

namespace {

int printHistory(CliContext &ctx)
{
    const ParsedCommand &a = ctx.args();
    const QString format =
        a.isSet(QStringLiteral("format")) ? a.value(QStringLiteral("format")) : QStringLiteral("jsonl");
    if (format != QLatin1String("jsonl") && format != QLatin1String("csv"))
        throw Error(Error::Kind::BadInput, Cli::tr("--format '%1' is not known; expected jsonl or csv").arg(format));
    // --key takes one name as it is (empty, or holding commas); --keys splits.
    QStringList wanted = parseListOption(a.value(QStringLiteral("keys"))) + a.all(QStringLiteral("key"));
    wanted.removeDuplicates();
    if (a.isSet(QStringLiteral("keys")) && wanted.isEmpty())
        throw Error(Error::Kind::BadInput, Cli::tr("--keys is empty; expected key names separated by commas, e.g. "
                                                   "--keys loss,accuracy (an empty key is --key '')"));
    const History history = a.isSet(QStringLiteral("own")) ? History::Own : History::Effective;

    Store &store = ctx.readStore();
    const RunInfo run = ctx.resolveRun();
    const QStringList present = store.keys(run.key, history);
    for (const QString &k : wanted) {
        if (!present.contains(k))
            printErr(Cli::tr("warning: run %1 has no key '%2'; its keys are: %3")
                         .arg(escapeControls(run.runId), escapeControls(k),
                              escapeControls(present.join(QStringLiteral(", ")))) +
                     QLatin1Char('\n'));
    }

    if (format == QLatin1String("jsonl")) {
        store.forEachRow(run.key, wanted, history,
                         [](qint64 step, const Json &row) { writeOut(historyJsonLine(step, row)); });
        return 0;
    }
    const QStringList columns = wanted.isEmpty() ? present : wanted;
    std::vector<std::string> keys;
    for (const QString &k : columns)
        keys.push_back(toStd(k));
    writeOut(csvHeader(columns));
    store.forEachRow(run.key, wanted, history,
                     [&keys](qint64 step, const Json &row) { writeOut(csvLine(step, row, keys)); });
    return 0;
}

} // namespace

CommandSpec historyCommand()
{
    return {QStringLiteral("history"),
            Cli::tr("print a run's history (inherited rows included), ascending steps"),
            {QStringLiteral("RUN")},
            {projectOption(Cli::tr("the project of a bare run ID")),
             entityOption(),
             {QStringLiteral("keys"), QStringLiteral("a,b"),
              Cli::tr("only these keys, and only rows holding at least one of them")},
             {QStringLiteral("key"), QStringLiteral("K"),
              Cli::tr("one more key, taken exactly as given: for an empty key (--key '') or one holding a comma "
                      "(--key 'a,b'); with --keys or alone"),
              true},
             {QStringLiteral("format"), QStringLiteral("jsonl|csv"), Cli::tr("output format (default jsonl)")},
             {QStringLiteral("own"), QString(), Cli::tr("only the run's own rows, not those a fork inherits")}},
            Cli::tr("jsonl: one {\"_step\": s, key: value...} object per row, with only the keys logged at that "
                    "step. csv: header _step,key1,key2...; an empty cell where a key has no value at that step. "
                    "NaN, Infinity and -Infinity are written as such. Damaged stored data (a chunk whose checksum "
                    "or summary does not match) is never printed: the command stops before printing anything, "
                    "names the run, key and steps, and exits 1; 'forkscope-cli check --repair' quarantines it.\n") +
                runArgumentHelp(),
            printHistory};
}

} // namespace forkscope
