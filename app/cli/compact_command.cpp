// compact: rewrite the history chunks of older formats in the compressed
// one, resumably, a few chunks per transaction.
#include <QFileInfo>
#include <algorithm>

#include "cli/cli_context.h"
#include "cli/cli_tr.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "core/error.h"
#include "store/store.h"
#include "store/store_compact.h"

namespace forkscope {

namespace {

constexpr qint64 kPlainProgressSteps = 10; // lines when stderr is not a terminal

CompactProgress progressOnStderr()
{
    if (stderrIsTerminal())
        return [](qint64 done, qint64 total) {
            printErr(QStringLiteral("\r\033[K") + Cli::tr("Compacting history chunks: %1 of %2").arg(done).arg(total) +
                     (done == total ? QStringLiteral("\n") : QString()));
        };
    return [next = qint64(0)](qint64 done, qint64 total) mutable {
        if (done * kPlainProgressSteps < next * total && done != total)
            return;
        next = done * kPlainProgressSteps / std::max<qint64>(total, 1) + 1;
        printErr(Cli::tr("Compacting history chunks: %1 of %2").arg(done).arg(total) + QLatin1Char('\n'));
    };
}

// SQLite's own refusal ("attempt to write a readonly database") names
// neither the file nor what to do.
void refuseReadOnly(const QString &path)
{
    const QFileInfo file(path);
    if (!file.exists())
        return; // existingStore() says what is wrong
    const QFileInfo folder(file.absolutePath());
    if (!file.isWritable() || !folder.isWritable())
        throw Error(Error::Kind::Storage,
                    Cli::tr("the store %1 is read-only: compact rewrites it in place and needs write access to the "
                            "file and its folder")
                        .arg(path));
}

int compactStoreCommand(CliContext &ctx)
{
    refuseReadOnly(ctx.storePath());
    Store &store = ctx.existingStore();
    const CompactReport r = compactStore(store, progressOnStderr());
    if (ctx.json()) {
        printJson({{"chunks", r.chunks},
                   {"rewritten", r.rewritten},
                   {"already_compressed", r.alreadyDone},
                   {"damaged", r.damaged},
                   {"bytes_before", r.bytesBefore},
                   {"bytes_after", r.bytesAfter}});
    } else {
        printOut(Cli::tr("History chunks: %1 looked at, %2 rewritten (%3 bytes now %4), %5 already compressed")
                     .arg(r.chunks)
                     .arg(r.rewritten)
                     .arg(r.bytesBefore)
                     .arg(r.bytesAfter)
                     .arg(r.alreadyDone) +
                 QLatin1Char('\n'));
        if (r.damaged > 0)
            printOut(Cli::tr("%n damaged chunk(s) left as they were: 'forkscope-cli check' lists them, "
                             "'forkscope-cli check --repair' quarantines them.",
                             nullptr, int(r.damaged)) +
                     QLatin1Char('\n'));
    }
    return r.damaged > 0 ? 1 : 0;
}

} // namespace

CommandSpec compactCommand()
{
    return {QStringLiteral("compact"),
            Cli::tr("rewrite history chunks of older formats in the compressed format (smaller store)"),
            {},
            {jsonOption(Cli::tr("print {\"chunks\", \"rewritten\", \"already_compressed\", \"damaged\", "
                                "\"bytes_before\", \"bytes_after\"}"))},
            Cli::tr("Chunks are rewritten a few at a time, each one checked against its summary and verified bit for "
                    "bit after rewriting; stopping it at any moment loses nothing, and running it again carries on "
                    "where it stopped. The file does not shrink until SQLite reuses the freed pages (or 'sqlite3 "
                    "STORE VACUUM'). Exit code 0: every chunk is compressed; 1: damaged chunks were left as they "
                    "were."),
            compactStoreCommand};
}

} // namespace forkscope
