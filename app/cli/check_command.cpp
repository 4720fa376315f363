// check: verify a whole store (SQLite's integrity check and every history
// chunk's checksum and summary); --repair quarantines damaged chunks.
#include <algorithm>

#include "cli/cli_context.h"
#include "cli/cli_tr.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "store/store.h"
#include "store/store_check.h"

namespace forkscope {

namespace {

constexpr qint64 kPlainProgressSteps = 10; // lines when stderr is not a terminal

CheckProgress progressOnStderr()
{
    if (stderrIsTerminal())
        return [](qint64 done, qint64 total) {
            printErr(QStringLiteral("\r\033[K") + Cli::tr("Checking history chunks: %1 of %2").arg(done).arg(total) +
                     (done == total ? QStringLiteral("\n") : QString()));
        };
    return [next = qint64(0)](qint64 done, qint64 total) mutable {
        if (done * kPlainProgressSteps < next * total && done != total)
            return;
        next = done * kPlainProgressSteps / std::max<qint64>(total, 1) + 1;
        printErr(Cli::tr("Checking history chunks: %1 of %2").arg(done).arg(total) + QLatin1Char('\n'));
    };
}

Json reportJson(const StoreCheckReport &r)
{
    Json damaged = Json::array();
    for (const auto &d : r.damaged)
        damaged.push_back({{"run", toStd(d.run)},
                           {"key", toStd(d.key)},
                           {"first_step", d.steps.lo},
                           {"last_step", d.steps.hi},
                           {"reason", toStd(d.reason)}});
    Json problems = Json::array();
    for (const auto &p : r.sqliteProblems)
        problems.push_back(toStd(p));
    return {{"sqlite_ok", r.sqliteProblems.isEmpty()},
            {"sqlite_problems", problems},
            {"chunks", r.chunks},
            {"sound", r.sound},
            {"unverified", r.unverified},
            {"damaged", damaged},
            {"repaired", r.repaired}};
}

QString reportText(const StoreCheckReport &r, bool repair)
{
    const int problems = int(r.sqliteProblems.size());
    const int damaged = int(r.damaged.size());
    QString out;
    if (r.sqliteProblems.isEmpty())
        out += Cli::tr("SQLite integrity check: ok") + QLatin1Char('\n');
    else {
        out += Cli::tr("SQLite integrity check found %n problem(s):", nullptr, problems) + QLatin1Char('\n');
        for (const QString &p : r.sqliteProblems)
            out += QStringLiteral("  ") + p + QLatin1Char('\n');
    }
    out += Cli::tr("History chunks: %1 checked, %2 sound, %3 unverified (written before checksums), %4 damaged")
               .arg(r.chunks)
               .arg(r.sound)
               .arg(r.unverified)
               .arg(damaged) +
           QLatin1Char('\n');
    for (const auto &d : r.damaged)
        out += Cli::tr("  damaged: run %1, key '%2', steps %3-%4: %5")
                   .arg(d.run, d.key)
                   .arg(d.steps.lo)
                   .arg(d.steps.hi)
                   .arg(d.reason) +
               QLatin1Char('\n');
    if (r.repaired)
        out += Cli::tr("Repaired: %n damaged chunk(s) quarantined (moved to the table chunk_quarantine); the rest "
                       "of the history is untouched.",
                       nullptr, damaged) +
               QLatin1Char('\n');
    else if (!r.damaged.empty() && !repair)
        out += Cli::tr("Reads refuse the damaged chunks. 'forkscope-cli check --repair' quarantines them.") +
               QLatin1Char('\n');
    if (!r.sqliteProblems.isEmpty())
        out += Cli::tr("SQLite itself reports damage that --repair cannot mend: copy what is readable with "
                       "'sqlite3 STORE .recover' into a new file.") +
               QLatin1Char('\n');
    return out;
}

int checkStoreCommand(CliContext &ctx)
{
    const bool repair = ctx.args().isSet(QStringLiteral("repair"));
    Store &store = repair ? ctx.existingStore() : ctx.readStore();
    const StoreCheckReport report = checkStore(store, repair, progressOnStderr());
    if (ctx.json())
        printJson(reportJson(report));
    else
        printOut(reportText(report, repair));
    const bool fixed = report.sqliteProblems.isEmpty() && (report.damaged.empty() || report.repaired);
    return fixed ? 0 : 1;
}

} // namespace

CommandSpec checkCommand()
{
    return {QStringLiteral("check"),
            Cli::tr("verify the store: SQLite's integrity check and every history chunk's checksum and summary"),
            {},
            {{QStringLiteral("repair"), QString(),
              Cli::tr("move damaged chunks out of the history into the table chunk_quarantine")},
             jsonOption(Cli::tr("print {\"sqlite_ok\", \"chunks\", \"sound\", \"unverified\", \"damaged\": [...], "
                                "\"repaired\"}"))},
            Cli::tr("Without --repair the store is opened read-only and not changed. Chunks written before "
                    "checksums existed are checked against their summary and reported as unverified. Exit code 0: "
                    "nothing damaged (or all of it quarantined by --repair); 1: damage remains."),
            checkStoreCommand};
}

} // namespace forkscope
