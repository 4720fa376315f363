// logs: the console output kept for a run whose process Forkscope started.
#include "cli/cli_context.h"
#include "cli/cli_tr.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/run_format.h"
#include "core/plain_text.h"
#include "store/store.h"

namespace forkscope {

namespace {

int printLogs(CliContext &ctx)
{
    Store &store = ctx.readStore();
    const RunInfo run = ctx.resolveRun();
    const auto chunks = store.console(run.key);
    if (ctx.json()) {
        for (const auto &c : chunks)
            printJson({{"seq", c.seq},
                       {"stream", c.stream == ConsoleStream::Stderr ? "stderr" : "stdout"},
                       {"time", toStd(isoTime(c.time))},
                       {"text", toStd(c.text)}});
        return 0;
    }
    if (chunks.empty()) {
        printErr(escapeControls(Cli::tr("Run %1 has no console output kept: only processes Forkscope started (fork "
                                        "--launch, or \"Create and start training\" in the app) have theirs kept.")
                                    .arg(run.runId)) +
                 QLatin1Char('\n'));
        return 0;
    }
    QString text;
    for (const auto &c : chunks)
        text += c.text;
    // Escapes like every other text from outside: the output may hold
    // terminal control sequences; line ends stay.
    printOut(escapeControls(text, true));
    if (!text.endsWith(QLatin1Char('\n')))
        printOut(QStringLiteral("\n"));
    return 0;
}

} // namespace

CommandSpec logsCommand()
{
    return {QStringLiteral("logs"),
            Cli::tr("print the console output (stdout and stderr) kept for a run Forkscope started"),
            {QStringLiteral("RUN")},
            {projectOption(Cli::tr("the project of a bare run ID")), entityOption(),
             jsonOption(Cli::tr("one JSON object a line: seq, stream, time, text"))},
            Cli::tr("Control characters are shown as escapes (\\x1b, \\r), as in all of the CLI's output. ") +
                runArgumentHelp(),
            printLogs};
}

} // namespace forkscope
