#include "importers/store_import.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <cmath>
#include <set>

#include "core/error.h"
#include "core/exact_integer.h"
#include "core/plain_text.h"
#include "core/step_rule.h"
#include "identity/run_id.h"
#include "importers/format_detect.h"
#include "importers/imported_checkpoints.h"
#include "importers/imported_text.h"
#include "store/history_writer.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace forkscope {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("forkscope::Importers", text);
}

class Cancelled {};

constexpr qint64 kProgressEveryRows = 4096;

QString defaultProject(const ImportedRun &run)
{
    if (!run.project.isEmpty())
        return run.project;
    if (run.format == QLatin1String("wandb"))
        return QStringLiteral("uncategorized"); // W&B's own name for a run without a project
    return QStringLiteral("imported");
}

// A stable identity for the run in its source, so importing again finds it.
QString importKey(const ImportedRun &run)
{
    if (!run.runId.isEmpty())
        return run.format + QLatin1Char(':') + run.runId;
    return run.format + QLatin1Char(':') + QFileInfo(run.sourcePath).canonicalFilePath() + QLatin1Char('#') + run.name;
}

// Sources without run IDs (TensorBoard) get a stable one derived from the key.
QString storeRunId(const ImportedRun &run, const QString &key)
{
    if (!run.runId.isEmpty() && runIdProblem(run.runId).isEmpty())
        return run.runId;
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex();
    return QStringLiteral("tb-") + QString::fromLatin1(hash.left(10));
}

// Whether the run found by its import key came from this source (the same
// folder, or a file inside it), or continues it: W&B marks a resumed run,
// whose records live in a folder of their own.
bool sameSource(const RunInfo &existing, const ImportedRun &run)
{
    const Json &import = existing.metadata.contains("import") ? existing.metadata["import"] : Json();
    if (!import.is_object() || !import.contains("source") || run.metadata.value("resumed", false))
        return true;
    const auto canonical = [](const QString &path) {
        const QString c = QFileInfo(path).canonicalFilePath();
        return c.isEmpty() ? QDir::cleanPath(path) : c;
    };
    const QString before = canonical(toQ(import.value("source", std::string())));
    const QString now = canonical(run.sourcePath);
    return before == now || now.startsWith(before + QLatin1Char('/')) || before.startsWith(now + QLatin1Char('/'));
}

RunState stateOf(const ImportedRun &run)
{
    return parseRunState(run.state).value_or(RunState::Finished);
}

Json importMetadata(const ImportedRun &run, const Json &metadata, const QString &key)
{
    Json meta = metadata.is_object() ? metadata : Json::object();
    Json info = {{"format", toStd(run.format)}, {"source", toStd(run.sourcePath)}, {"key", toStd(key)}};
    if (!run.group.isEmpty())
        meta["group"] = toStd(run.group);
    if (!run.jobType.isEmpty())
        meta["job_type"] = toStd(run.jobType);
    if (!run.host.isEmpty())
        meta["host"] = toStd(run.host);
    if (run.runtimeSeconds)
        meta["runtime"] = *run.runtimeSeconds;
    if (run.exitCode)
        meta["exit_code"] = *run.exitCode;
    if (run.branch) {
        const Json bp = {
            {"run", toStd(run.branch->run)}, {"metric", toStd(run.branch->metric)}, {"value", run.branch->value}};
        if (run.branch->rewind)
            meta["rewound_from"] = bp;
        else if (run.branch->metric == QLatin1String("_step") && stepFromDouble(run.branch->value))
            info["pending_fork"] = bp;
        else
            meta["branch_point"] = bp; // a fork on another metric: kept, not linked
    }
    meta["import"] = info;
    return meta;
}

QDateTime endTime(const ImportedRun &run)
{
    if (!run.startTime.isValid() || !run.runtimeSeconds)
        return {};
    return run.startTime.addMSecs(qint64(*run.runtimeSeconds * 1000.0));
}

// What a run already imported holds: the run's last step, and each key's
// (one file of a live source may be behind the others at that step).
struct StoredSteps {
    std::optional<qint64> runLast;
    std::map<std::string, qint64> byKey;

    bool has(const std::string &key, qint64 step) const
    {
        if (!runLast || step > *runLast)
            return false;
        const auto it = byKey.find(key);
        return it != byKey.end() && step <= it->second;
    }
};

qint64 writeRows(HistoryWriter &writer, const ImportedRun &run, const StoredSteps &stored, const ImportOptions &options,
                 QStringList &warnings)
{
    qint64 added = 0;
    std::set<std::string> badKeys; // not UTF-8: could never be looked up again
    // Rows usually repeat the previous row's keys in the same order: reuse its
    // handles instead of hashing every key of every row.
    std::vector<std::pair<const std::string *, int>> previous;
    for (const ImportedRow &row : run.rows) {
        if (previous.size() < row.values.size())
            previous.resize(row.values.size(), {nullptr, 0});
        bool wrote = false;
        for (std::size_t i = 0; i < row.values.size(); ++i) {
            const auto &[key, value] = row.values[i];
            if (stored.has(key, row.step))
                continue;
            auto &cached = previous[i];
            if (!cached.first || *cached.first != key) {
                if (invalidUtf8Offset(key)) {
                    if (badKeys.insert(key).second)
                        warnings << tr("metric key '%1' is not valid UTF-8 text; its values are left out")
                                        .arg(escapeControls(QString::fromStdString(key)));
                    cached = {nullptr, 0};
                    continue;
                }
                cached = {&key, writer.keyHandle(key)};
            }
            if (value.is_number())
                writer.addNumber(cached.second, row.step, value.get<double>(), isExactInteger(value));
            else
                writer.addText(cached.second, row.step, dumpJson(value));
            wrote = true;
        }
        if (!wrote)
            continue;
        ++added;
        if (options.progress && added % kProgressEveryRows == 0 &&
            !options.progress(added, qint64(run.rows.size()), run.name))
            throw Cancelled();
    }
    return added;
}

} // namespace

QString importStatusName(ImportOutcome::Status status)
{
    switch (status) {
    case ImportOutcome::Status::Created: return QStringLiteral("created");
    case ImportOutcome::Status::Updated: return QStringLiteral("updated");
    case ImportOutcome::Status::Unchanged: return QStringLiteral("unchanged");
    case ImportOutcome::Status::Failed: break;
    }
    return QStringLiteral("failed");
}

ImportOutcome writeImportedRun(Store &store, const ImportedRun &run, const ImportOptions &options)
{
    ImportOutcome out;
    out.sourcePath = run.sourcePath;
    out.warnings = run.warnings;
    const QString entity = !options.entity.isEmpty() ? options.entity
                           : !run.entity.isEmpty()   ? run.entity
                                                     : defaultEntity();
    const QString project = !options.project.isEmpty() ? options.project : defaultProject(run);
    const QString key = importKey(run);
    const ImportedTexts texts = validImportedTexts(run);
    out.warnings += texts.warnings;
    try {
        if (const QString problem = importedIdentityProblem(run.runId, project, entity); !problem.isEmpty())
            throw Error(Error::Kind::BadInput, problem);
        WriteTransaction tx(store.db());
        std::optional<RunInfo> existing;
        if (auto p = store.findProject(entity, project))
            existing = store.findImported(p->key, key);
        RunInfo info;
        if (existing && !sameSource(*existing, run))
            throw Error(Error::Kind::Conflict,
                        tr("run ID '%1' from %2 is already taken in %3/%4 by a run imported from %5, a different "
                           "source; nothing of this run is imported. Expected one source per run ID (import it "
                           "into another project to keep both)")
                            .arg(escapeControls(run.runId), run.sourcePath, entity, project,
                                 toQ(existing->metadata["import"].value("source", std::string()))));
        if (existing) {
            // A run resumed by a live Forkscope writer is that writer's until
            // it ends. An imported run that is still running at its source
            // holds no claim: the tool writing the source is what a re-import
            // follows.
            if (existing->writer)
                store.requireNoLiveWriter(*existing,
                                          QCoreApplication::translate("forkscope::Store", "cannot import into run '%1'")
                                              .arg(existing->runId));
            info = *existing;
        } else {
            NewRun spec;
            spec.entity = entity;
            spec.project = project;
            spec.runId = storeRunId(run, key);
            spec.name = texts.name;
            spec.notes = texts.notes;
            spec.tags = texts.tags;
            spec.config = texts.config;
            spec.metadata = importMetadata(run, texts.metadata, key);
            spec.state = stateOf(run);
            info = store.createRun(spec);
        }
        HistoryWriter writer(store, info.key);
        for (auto it = texts.summary.begin(); it != texts.summary.end(); ++it)
            writer.setUserSummary(it.key(), it.value());
        StoredSteps stored;
        if (existing) {
            stored.runLast = info.ownLastStep;
            stored.byKey = store.ownLastStepByKey(info.key);
        }
        out.rowsAdded = writeRows(writer, run, stored, options, out.warnings);
        writer.flush();
        const qint64 checkpointsAdded = writeImportedCheckpoints(store, info.key, run, out.warnings);
        if (existing) {
            store.setConfig(info.key, texts.config);
            Json meta = importMetadata(run, texts.metadata, key);
            if (!info.metadata.contains("import") || !info.metadata["import"].contains("pending_fork"))
                meta["import"].erase("pending_fork"); // already linked
            store.setMetadata(info.key, meta);
        }
        store.setState(info.key, stateOf(run), run.exitCode);
        const bool ended = stateOf(run) != RunState::Running && stateOf(run) != RunState::Pending;
        store.setTimes(info.key, run.startTime, endTime(run), ended ? endTime(run) : QDateTime());
        tx.commit();
        info = store.runInfo(info.key);
        out.status = !existing ? ImportOutcome::Status::Created
                     : out.rowsAdded > 0 || checkpointsAdded > 0 || info.state != existing->state
                         ? ImportOutcome::Status::Updated
                         : ImportOutcome::Status::Unchanged;
        out.runPath = info.path().toString();
        out.immutableId = info.immutableId;
    } catch (const Cancelled &) {
        throw;
    } catch (const Error &e) {
        out.status = ImportOutcome::Status::Failed;
        out.error = e.message();
        out.rowsAdded = 0;
    }
    return out;
}

qint64 linkPendingForks(Store &store)
{
    qint64 linked = 0;
    for (const RunInfo &fork : store.runsWithPendingFork()) {
        const Json bp = fork.metadata["import"]["pending_fork"];
        const QString sourceId = toQ(bp.value("run", std::string()));
        const qint64 step = qint64(bp.value("value", 0.0));
        try {
            const RunInfo source = store.resolve(sourceId, fork.project, fork.entity);
            WriteTransaction tx(store.db());
            store.linkFork(fork.key, {source.immutableId, source.runId, source.path().toString(), step, false});
            Json meta = fork.metadata;
            meta["import"].erase("pending_fork");
            store.setMetadata(fork.key, meta);
            tx.commit();
            ++linked;
        } catch (const Error &) {
            // The source is not here yet; it may arrive with a later import.
        }
    }
    return linked;
}

ImportReport importPath(Store &store, const QString &path, const ImportOptions &options)
{
    const DetectedFormat detected = detectImportFormat(path);
    ImportReport report;
    report.format = importFormatName(detected.format);
    ImportBatch batch = importDetected(detected);
    if (batch.runs.empty() && batch.skippedRuns > 0)
        throw Error(Error::Kind::Format,
                    tr("nothing was imported from %1: %2").arg(path, batch.warnings.join(QStringLiteral("; "))));
    report.warnings = batch.warnings;
    report.skippedRuns = batch.skippedRuns;
    const qint64 total = qint64(batch.runs.size());
    qint64 done = 0;
    for (const ImportedRun &run : batch.runs) {
        if (options.progress && !options.progress(done, total, run.name)) {
            report.cancelled = true;
            break;
        }
        try {
            report.runs.push_back(writeImportedRun(store, run, options));
        } catch (const Cancelled &) {
            report.cancelled = true;
            break;
        }
        ++done;
    }
    report.forksLinked = linkPendingForks(store);
    return report;
}

} // namespace forkscope
