// import: W&B, TensorBoard and MLflow runs into the store.
#include "cli/cli_context.h"
#include "cli/cli_tr.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/stop_signals.h"
#include "cli/text_table.h"
#include "core/error.h"
#include "core/plain_text.h"
#include "importers/store_import.h"
#include "store/store.h"
#include "watch/folder_watch.h"

#include <QDateTime>
#include <QFileInfo>

namespace forkscope {

namespace {

constexpr int kExitRunFailed = 1;

Json stringsJson(const QStringList &list)
{
    Json out = Json::array();
    for (const QString &s : list)
        out.push_back(toStd(s));
    return out;
}

Json reportJson(const ImportReport &report)
{
    Json runs = Json::array();
    for (const ImportOutcome &r : report.runs) {
        runs.push_back({{"status", toStd(importStatusName(r.status))},
                        {"path", r.runPath.isEmpty() ? Json() : Json(toStd(r.runPath))},
                        {"immutable_id", r.immutableId.isEmpty() ? Json() : Json(toStd(r.immutableId))},
                        {"rows_added", r.rowsAdded},
                        {"source", toStd(r.sourcePath)},
                        {"warnings", stringsJson(r.warnings)},
                        {"error", r.error.isEmpty() ? Json() : Json(toStd(r.error))}});
    }
    return {{"format", toStd(report.format)},
            {"runs", runs},
            {"warnings", stringsJson(report.warnings)},
            {"skipped_runs", report.skippedRuns},
            {"forks_linked", report.forksLinked}};
}

QString formatTitle(const QString &format)
{
    if (format == QLatin1String("wandb"))
        return QStringLiteral("W&B");
    if (format == QLatin1String("tensorboard"))
        return QStringLiteral("TensorBoard");
    if (format == QLatin1String("mlflow"))
        return QStringLiteral("MLflow");
    return format;
}

QString reportText(const ImportReport &report, const QString &path, const QString &storePath)
{
    qint64 counts[4] = {};
    for (const ImportOutcome &r : report.runs)
        ++counts[int(r.status)];
    using S = ImportOutcome::Status;
    QString text =
        escapeControls(Cli::tr("Imported from %1 (%2) into %3").arg(path, formatTitle(report.format), storePath)) +
        QStringLiteral("\n");
    text += Cli::tr("%1 created, %2 updated, %3 unchanged, %4 failed")
                .arg(counts[int(S::Created)])
                .arg(counts[int(S::Updated)])
                .arg(counts[int(S::Unchanged)])
                .arg(counts[int(S::Failed)]) +
            QStringLiteral("\n");
    if (!report.runs.empty() && counts[int(S::Unchanged)] == qint64(report.runs.size()))
        text += Cli::tr("Nothing new: every run was imported before and has no new rows.") + QStringLiteral("\n");
    if (!report.runs.empty()) {
        TextTable table({Cli::tr("STATUS"), Cli::tr("RUN"), Cli::tr("ROWS ADDED"), Cli::tr("SOURCE")});
        table.alignRight(2);
        for (const ImportOutcome &r : report.runs)
            table.addRow({importStatusName(r.status), r.runPath.isEmpty() ? QStringLiteral("-") : r.runPath,
                          QString::number(r.rowsAdded), r.sourcePath});
        text += QStringLiteral("\n") + table.toString();
    }

    QStringList notes;
    for (const ImportOutcome &r : report.runs) {
        const QString who = r.runPath.isEmpty() ? r.sourcePath : r.runPath;
        if (!r.error.isEmpty())
            notes << Cli::tr("%1 failed: %2").arg(who, r.error);
        for (const QString &w : r.warnings)
            notes << QStringLiteral("%1: %2").arg(who, w);
    }
    notes += report.warnings;
    if (!notes.isEmpty()) {
        text += QStringLiteral("\n") + Cli::tr("Warnings:") + QStringLiteral("\n");
        for (const QString &n : notes)
            text += QStringLiteral("  ") + escapeControls(n) + QStringLiteral("\n");
    }
    if (report.skippedRuns > 0)
        text +=
            Cli::tr("Skipped %n run(s) that could not be read (see the warnings).", nullptr, int(report.skippedRuns)) +
            QStringLiteral("\n");
    text += Cli::tr("Forks linked: %1").arg(report.forksLinked) + QStringLiteral("\n");
    return text;
}

// One line per run that changed, then the warnings new in this pass.
QString passText(const WatchPass &pass)
{
    const QString time = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
    QString text;
    for (const ImportOutcome &r : pass.report.runs) {
        const QString who = r.runPath.isEmpty() ? r.sourcePath : r.runPath;
        if (r.status == ImportOutcome::Status::Failed)
            text += Cli::tr("%1 %2 failed: %3").arg(time, who, r.error) + QStringLiteral("\n");
        else if (r.status != ImportOutcome::Status::Unchanged)
            text += Cli::tr("%1 %2 %3: %n row(s) added", nullptr, int(r.rowsAdded))
                        .arg(time, importStatusName(r.status), who) +
                    QStringLiteral("\n");
        for (const QString &w : r.warnings)
            text += QStringLiteral("  %1: %2\n").arg(who, w);
    }
    for (const QString &w : pass.report.warnings)
        text += QStringLiteral("  %1\n").arg(w);
    if (pass.report.forksLinked > 0)
        text += Cli::tr("%1 forks linked: %2").arg(time).arg(pass.report.forksLinked) + QStringLiteral("\n");
    return text;
}

bool worthTelling(const WatchPass &pass)
{
    if (pass.changed() || !pass.report.warnings.isEmpty())
        return true;
    for (const ImportOutcome &r : pass.report.runs)
        if (!r.warnings.isEmpty())
            return true;
    return false;
}

// import --watch: polls until SIGINT/SIGTERM, then stops between two passes,
// so the store is never left mid-write.
int watchImport(CliContext &ctx, const QString &path, const ImportOptions &options)
{
    if (!QFileInfo::exists(path))
        throw Error(Error::Kind::NotFound,
                    Cli::tr("%1 does not exist; expected a folder to watch (a wandb/ or W&B run folder, a "
                            "TensorBoard log folder or an MLflow mlruns/ folder)")
                        .arg(path));
    StopSignals stopSignals;
    Store &store = ctx.store();
    FolderWatch watch(path, options);
    if (!ctx.json())
        printErr(Cli::tr("Watching %1 into %2; Ctrl-C stops.").arg(path, store.path()) + QStringLiteral("\n"));
    QString lastProblem;
    do {
        const WatchPass pass = watch.poll(store);
        const QString problem = !pass.error.isEmpty() ? pass.error
                                : pass.waiting        ? Cli::tr("%1 holds nothing to import yet; waiting").arg(path)
                                                      : QString();
        if (!problem.isEmpty() && problem != lastProblem) {
            if (ctx.json())
                printJson({{"time", toStd(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))},
                           {"error", toStd(problem)}});
            else
                printErr(problem + QStringLiteral("\n"));
        }
        if (!problem.isEmpty() || !pass.report.format.isEmpty()) // else the pass found nothing changed
            lastProblem = problem;
        if (worthTelling(pass)) {
            if (ctx.json()) {
                Json line = reportJson(pass.report);
                line["time"] = toStd(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
                printJson(line);
            } else {
                printOut(passText(pass));
            }
        }
        std::fflush(stdout);
    } while (!stopSignals.waitForStop(kWatchIntervalMs));
    if (!ctx.json())
        printErr(Cli::tr("Stopped watching %1.").arg(path) + QStringLiteral("\n"));
    return 0;
}

int importRuns(CliContext &ctx)
{
    const QString path = ctx.args().positionals.first();
    ImportOptions options;
    options.project = ctx.args().value(QStringLiteral("project"));
    options.entity = ctx.args().value(QStringLiteral("entity"));
    if (ctx.args().isSet(QStringLiteral("watch")))
        return watchImport(ctx, path, options);
    const bool showProgress = !ctx.json() && stderrIsTerminal();
    if (showProgress) {
        options.progress = [](qint64 done, qint64 total, const QString &what) {
            printErr(QStringLiteral("\r\033[K") +
                     Cli::tr("Importing %1 (%2/%3)").arg(escapeControls(what)).arg(done).arg(total));
            return true;
        };
    }
    ImportReport report;
    try {
        report = importPath(ctx.store(), path, options);
    } catch (const Error &e) {
        // A file that is not what it claims, or holds nothing readable, is
        // the user's input: exit 2, like any other path that cannot be imported.
        if (showProgress)
            printErr(QStringLiteral("\r\033[K"));
        if (e.kind() != Error::Kind::Format)
            throw;
        throw Error(Error::Kind::BadInput, e.message());
    }
    if (showProgress)
        printErr(QStringLiteral("\r\033[K"));
    if (ctx.json())
        printJson(reportJson(report));
    else
        printOut(reportText(report, path, ctx.store().path()));
    for (const ImportOutcome &r : report.runs) {
        if (r.status == ImportOutcome::Status::Failed)
            return kExitRunFailed;
    }
    return 0;
}

} // namespace

CommandSpec importCommand()
{
    return {
        QStringLiteral("import"),
        Cli::tr("import runs from a W&B run or wandb/ folder, a TensorBoard log folder or an MLflow mlruns/ folder"),
        {QStringLiteral("PATH")},
        {projectOption(Cli::tr("the project the runs go into (default: the source's project, else "
                               "'uncategorized' for W&B and 'imported' otherwise)")),
         {QStringLiteral("entity"), QStringLiteral("E"),
          Cli::tr("the entity the runs go into (default: the source's entity, else 'local')")},
         {QStringLiteral("watch"), QString(),
          Cli::tr("keep following PATH while training writes to it: new runs appear and new rows are added "
                  "within 2 seconds, until Ctrl-C or SIGTERM (exit status 0)")},
         jsonOption(Cli::tr("print {\"format\", \"runs\": [{\"status\", \"path\", \"immutable_id\", "
                            "\"rows_added\", \"source\", \"warnings\", \"error\"}], \"warnings\", "
                            "\"skipped_runs\", \"forks_linked\"}; with --watch one such line (plus \"time\") "
                            "per pass that changed something, and {\"time\", \"error\"} lines"))},
        Cli::tr("PATH is a W&B run folder (run-*/offline-run-*) or .wandb file, a wandb/ folder, a TensorBoard "
                "log folder or events.out.tfevents.* file, an MLflow mlruns/ folder, or a project folder "
                "holding wandb/ or mlruns/. Importing again is safe: runs already imported gain only new rows. "
                "A cut or corrupt file imports what is whole and says where it stopped; a file with nothing "
                "readable imports nothing. A run ID already imported from another source fails that run. "
                "Exit status: 0 when every run was imported, 1 when some run failed, 2 when PATH cannot be "
                "imported or holds nothing readable.") +
            QStringLiteral("\n\n") +
            Cli::tr("With --watch, PATH is read again whenever its files change; a record still being written "
                    "at the end of a file is waited for, not reported as damage, and no row is added twice. "
                    "MLflow metric files that hold several values at one step keep every value: they get "
                    "steps 0, 1, 2... in the order written and the MLflow step goes to \"<key>/mlflow_step\"."),
        importRuns};
}

} // namespace forkscope
