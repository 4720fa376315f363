#include "cli/run_format.h"

#include "cli/text_table.h"

#include <QLocale>

#include "cli/cli_tr.h"
#include "cli/console.h"
#include "core/plain_text.h"

namespace forkscope {

namespace {

Json optionalStep(const std::optional<qint64> &step)
{
    return step ? Json(*step) : Json(nullptr);
}

Json timeJson(const QDateTime &time)
{
    return time.isValid() ? Json(toStd(isoTime(time))) : Json(nullptr);
}

QString valueText(const Json &value)
{
    return value.is_string() ? toQ(value.get<std::string>()) : toQ(dumpJson(value));
}

// "  key  value" lines for one JSON object, keys aligned.
QString objectBlock(const QString &title, const Json &object)
{
    QString out = title + QLatin1Char('\n');
    if (!object.is_object() || object.empty())
        return out + QStringLiteral("  ") + Cli::tr("(none)") + QLatin1Char('\n');
    qsizetype width = 0;
    for (auto it = object.begin(); it != object.end(); ++it)
        width = std::max(width, displayWidth(escapeControls(toQ(it.key()))));
    for (auto it = object.begin(); it != object.end(); ++it)
        out += QStringLiteral("  ") + padToColumns(escapeControls(toQ(it.key())), width + 2) +
               escapeControls(valueText(it.value())) + QLatin1Char('\n');
    return out;
}

QString stateText(const RunInfo &run)
{
    QString s = runStateName(run.state);
    if (run.exitCode)
        s += QLatin1Char(' ') + Cli::tr("(exit code %1)").arg(*run.exitCode);
    if (run.state != run.storedState)
        s += QLatin1Char(' ') + Cli::tr("(no heartbeat since %1)").arg(isoTime(run.heartbeatAt));
    return s;
}

} // namespace

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

Json forkLinkJson(const RunInfo &run)
{
    if (!run.fork)
        return nullptr;
    return Json{{"source", toStd(run.fork->sourceImmutableId)},
                {"source_id", toStd(run.fork->sourceRunId)},
                {"source_path", toStd(run.fork->sourcePath)},
                {"step", run.fork->step},
                {"materialized", run.fork->materialized}};
}

Json runIdentityJson(const RunInfo &run)
{
    return Json{{"id", toStd(run.runId)},
                {"immutable_id", toStd(run.immutableId)},
                {"path", toStd(run.path().toString())},
                {"name", toStd(run.name)},
                {"project", toStd(run.project)},
                {"entity", toStd(run.entity)},
                {"state", toStd(runStateName(run.state))},
                {"fork", forkLinkJson(run)}};
}

Json runListJson(const RunInfo &run)
{
    Json j = runIdentityJson(run);
    j["created_at"] = timeJson(run.createdAt);
    j["finished_at"] = timeJson(run.finishedAt);
    j["last_step"] = optionalStep(run.lastStep());
    return j;
}

namespace {

// Where each archived version starts and ends: the steps the rewind cut off.
Json archivedVersionsJson(const std::vector<RunInfo> &archived)
{
    Json list = Json::array();
    for (const RunInfo &a : archived) {
        if (!a.archived)
            continue;
        list.push_back({{"immutable_id", toStd(a.immutableId)},
                        {"first_step", a.archived->rewindStep + 1},
                        {"last_step", optionalStep(a.lastStep())},
                        {"archived_at", timeJson(a.archived->archivedAt)}});
    }
    return list;
}

} // namespace

Json runDetailJson(const RunInfo &run, const std::vector<RunInfo> &archived)
{
    Json j = runListJson(run);
    j["exit_code"] = run.exitCode ? Json(*run.exitCode) : Json(nullptr);
    j["heartbeat_at"] = timeJson(run.heartbeatAt);
    j["runtime_seconds"] = run.runtimeSeconds();
    j["own_first_step"] = optionalStep(run.ownFirstStep);
    j["own_last_step"] = optionalStep(run.ownLastStep);
    j["notes"] = toStd(run.notes);
    j["tags"] = stringListToJson(run.tags);
    j["config"] = run.config;
    j["summary"] = run.summary;
    j["metadata"] = run.metadata;
    j["rewind"] = run.rewind
                      ? Json{{"archived_version", toStd(run.rewind->archiveImmutableId)}, {"step", run.rewind->step}}
                      : Json(nullptr);
    j["archived"] = archivedVersionsJson(archived);
    j["archived_version_of"] = run.archived ? Json{{"rewind_step", run.archived->rewindStep},
                                                   {"archived_at", timeJson(run.archived->archivedAt)}}
                                            : Json(nullptr);
    return j;
}

QString forkLinkText(const RunInfo &run)
{
    if (!run.fork)
        return {};
    QString s = Cli::tr("%1 at step %2").arg(run.fork->sourcePath).arg(run.fork->step);
    if (run.fork->materialized)
        s += QLatin1Char(' ') + Cli::tr("(source deleted, history materialized)");
    return s;
}

QString runIdentityText(const QString &headline, const RunInfo &run)
{
    QString out = escapeControls(headline) + QLatin1Char('\n');
    out += QStringLiteral("  ") + Cli::tr("path:          %1").arg(escapeControls(run.path().toString())) +
           QLatin1Char('\n');
    out += QStringLiteral("  ") + Cli::tr("immutable ID:  %1").arg(run.immutableId) + QLatin1Char('\n');
    out += QStringLiteral("  ") + Cli::tr("state:         %1").arg(stateText(run)) + QLatin1Char('\n');
    if (run.fork)
        out += QStringLiteral("  ") + Cli::tr("forked from:   %1").arg(escapeControls(forkLinkText(run))) +
               QLatin1Char('\n');
    return out;
}

void printRunIdentity(bool json, const QString &headline, const RunInfo &run)
{
    if (json)
        printJson(runIdentityJson(run));
    else
        printOut(runIdentityText(headline, run));
}

QString runDetailText(const RunInfo &run, const std::vector<RunInfo> &archived)
{
    std::vector<std::pair<QString, QString>> rows = {
        {Cli::tr("Name"), run.name},
        {Cli::tr("Run ID"), run.runId},
        {Cli::tr("Path"), run.path().toString()},
        {Cli::tr("Immutable ID"), run.immutableId},
        {Cli::tr("State"), stateText(run)},
        {Cli::tr("Created"), isoTime(run.createdAt)},
    };
    if (run.finishedAt.isValid())
        rows.emplace_back(Cli::tr("Finished"), isoTime(run.finishedAt));
    else if (run.heartbeatAt.isValid())
        rows.emplace_back(Cli::tr("Last heartbeat"), isoTime(run.heartbeatAt));
    rows.emplace_back(Cli::tr("Runtime"), Cli::tr("%1 s").arg(run.runtimeSeconds(), 0, 'f', 1));
    if (run.fork) {
        rows.emplace_back(Cli::tr("Forked from"), forkLinkText(run));
        rows.emplace_back(Cli::tr("Source ID"), run.fork->sourceImmutableId);
    }
    if (run.archived)
        rows.emplace_back(Cli::tr("Archived version"),
                          Cli::tr("of run %1: its history as it was before a rewind to step %2 on %3")
                              .arg(run.path().toString())
                              .arg(run.archived->rewindStep)
                              .arg(isoTime(run.archived->archivedAt)));
    if (run.rewind)
        rows.emplace_back(Cli::tr("Rewound"), Cli::tr("at step %1; the steps after it are in %2")
                                                  .arg(run.rewind->step)
                                                  .arg(run.rewind->archiveImmutableId));
    for (const RunInfo &a : archived) {
        if (a.archived)
            rows.emplace_back(Cli::tr("Archived"), Cli::tr("%1: steps %2..%3, archived %4")
                                                       .arg(a.immutableId)
                                                       .arg(a.archived->rewindStep + 1)
                                                       .arg(a.lastStep().value_or(a.archived->rewindStep))
                                                       .arg(isoTime(a.archived->archivedAt)));
    }
    const auto last = run.lastStep();
    QString steps = last ? Cli::tr("last step %1").arg(*last) : Cli::tr("no steps logged");
    if (run.ownFirstStep && run.ownLastStep)
        steps += QLatin1Char(' ') + Cli::tr("(own rows %1..%2)").arg(*run.ownFirstStep).arg(*run.ownLastStep);
    rows.emplace_back(Cli::tr("Steps"), steps);
    if (!run.tags.isEmpty())
        rows.emplace_back(Cli::tr("Tags"), run.tags.join(QStringLiteral(", ")));
    if (!run.notes.isEmpty())
        rows.emplace_back(Cli::tr("Notes"), run.notes);

    qsizetype width = 0;
    for (const auto &r : rows)
        width = std::max(width, displayWidth(r.first));
    QString out;
    for (const auto &[label, value] : rows)
        out += padToColumns(label + QLatin1Char(':'), width + 3) + escapeControls(value) + QLatin1Char('\n');
    out += QLatin1Char('\n') + objectBlock(Cli::tr("Config"), run.config);
    out += QLatin1Char('\n') + objectBlock(Cli::tr("Summary"), run.summary);
    out += QLatin1Char('\n') + objectBlock(Cli::tr("Metadata"), run.metadata);
    return out;
}

} // namespace forkscope
