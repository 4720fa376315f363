// import: W&B, TensorBoard and MLflow runs into the store.
#include "cli/cli_context.h"
#include "cli/cli_tr.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/text_table.h"
#include "core/error.h"
#include "core/plain_text.h"
#include "importers/store_import.h"
#include "store/store.h"

namespace fs {

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
        escapeControls(Cli::tr("Imported from %1 (%2) into %3").arg(path, formatTitle(report.format), storePath))
        + QStringLiteral("\n");
    text += Cli::tr("%1 created, %2 updated, %3 unchanged, %4 failed")
                .arg(counts[int(S::Created)])
                .arg(counts[int(S::Updated)])
                .arg(counts[int(S::Unchanged)])
                .arg(counts[int(S::Failed)])
            + QStringLiteral("\n");
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
        text += Cli::tr("Skipped %n run(s) that could not be read (see the warnings).", nullptr,
                        int(report.skippedRuns))
                + QStringLiteral("\n");
    text += Cli::tr("Forks linked: %1").arg(report.forksLinked) + QStringLiteral("\n");
    return text;
}

int importRuns(CliContext &ctx)
{
    const QString path = ctx.args().positionals.first();
    ImportOptions options;
    options.project = ctx.args().value(QStringLiteral("project"));
    options.entity = ctx.args().value(QStringLiteral("entity"));
    const bool showProgress = !ctx.json() && stderrIsTerminal();
    if (showProgress) {
        options.progress = [](qint64 done, qint64 total, const QString &what) {
            printErr(QStringLiteral("\r\033[K")
                     + Cli::tr("Importing %1 (%2/%3)").arg(escapeControls(what)).arg(done).arg(total));
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
    return {QStringLiteral("import"),
            Cli::tr("import runs from a W&B run or wandb/ folder, a TensorBoard log folder or an MLflow mlruns/ folder"),
            {QStringLiteral("PATH")},
            {projectOption(Cli::tr("the project the runs go into (default: the source's project, else "
                                   "'uncategorized' for W&B and 'imported' otherwise)")),
             {QStringLiteral("entity"), QStringLiteral("E"),
              Cli::tr("the entity the runs go into (default: the source's entity, else 'local')")},
             jsonOption(Cli::tr("print {\"format\", \"runs\": [{\"status\", \"path\", \"immutable_id\", "
                                "\"rows_added\", \"source\", \"warnings\", \"error\"}], \"warnings\", "
                                "\"skipped_runs\", \"forks_linked\"}"))},
            Cli::tr("PATH is a W&B run folder (run-*/offline-run-*) or .wandb file, a wandb/ folder, a TensorBoard "
                    "log folder or events.out.tfevents.* file, an MLflow mlruns/ folder, or a project folder "
                    "holding wandb/ or mlruns/. Importing again is safe: runs already imported gain only new rows. "
                    "A cut or corrupt file imports what is whole and says where it stopped; a file with nothing "
                    "readable imports nothing. A run ID already imported from another source fails that run. "
                    "Exit status: 0 when every run was imported, 1 when some run failed, 2 when PATH cannot be "
                    "imported or holds nothing readable."),
            importRuns};
}

} // namespace fs
