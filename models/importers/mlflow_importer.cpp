#include "importers/mlflow_importer.h"

#include <algorithm>
#include <map>
#include <memory>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include "core/error.h"
#include "importers/import_resume.h"
#include "importers/mapped_file.h"
#include "importers/mlflow_logged_models.h"
#include "importers/mlflow_metric_file.h"
#include "importers/yaml_json.h"

namespace forkscope {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("forkscope::Importers", text);
}

Json readMeta(const QString &dir)
{
    const QString path = dir + QStringLiteral("/meta.yaml");
    if (!QFileInfo::exists(path))
        throw Error(Error::Kind::Format, tr("%1 is missing; expected MLflow's meta.yaml there").arg(path));
    Json meta = yamlFileToJson(path, YamlScalars::Text);
    if (!meta.is_object())
        throw Error(Error::Kind::Format, tr("%1 is not a YAML mapping; expected MLflow's meta.yaml").arg(path));
    return meta;
}

QString text(const Json &j, const char *key)
{
    const auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return {};
    return it->is_string() ? toQ(it->get<std::string>()) : toQ(it->dump());
}

// meta.yaml is read as text (identifiers keep their zeros): numbers are parsed here.
std::optional<qint64> integer(const Json &j, const char *key)
{
    bool ok = false;
    const qint64 value = text(j, key).toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

bool isDeleted(const Json &meta)
{
    return text(meta, "lifecycle_stage") == QLatin1String("deleted");
}

// Files under `dir` as (key, path): the key is the path relative to `dir`.
std::vector<std::pair<QString, QString>> keyFiles(const QString &dir)
{
    std::vector<std::pair<QString, QString>> out;
    if (!QFileInfo(dir).isDir())
        return out;
    const QDir base(dir);
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        out.emplace_back(base.relativeFilePath(path), path);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string fileText(const QString &path)
{
    MappedFile f(path);
    return std::string(f.data());
}

QString stateFromStatus(const Json &meta)
{
    const auto it = meta.find("status");
    if (it == meta.end())
        return {};
    const QString s = text(meta, "status");
    if (s == QLatin1String("1") || s == QLatin1String("RUNNING"))
        return QStringLiteral("running");
    if (s == QLatin1String("2") || s == QLatin1String("SCHEDULED"))
        return QStringLiteral("pending");
    if (s == QLatin1String("3") || s == QLatin1String("FINISHED"))
        return QStringLiteral("finished");
    if (s == QLatin1String("4") || s == QLatin1String("FAILED") || s == QLatin1String("5") ||
        s == QLatin1String("KILLED"))
        return QStringLiteral("failed");
    return {};
}

void readMetrics(const QString &runDir, ImportedRun &run, ImportResume *resume)
{
    struct StepRow {
        std::vector<std::pair<std::string, Json>> values;
        qint64 maxTimestampMs = 0;
    };
    std::map<qint64, StepRow> steps;
    const auto put = [&steps](qint64 step, const std::string &key, double value, qint64 timestampMs) {
        StepRow &row = steps[step];
        row.maxTimestampMs = std::max(row.maxTimestampMs, timestampMs);
        auto it = std::find_if(row.values.begin(), row.values.end(), [&](const auto &e) { return e.first == key; });
        if (it == row.values.end())
            row.values.emplace_back(key, Json(value));
        else
            it->second = value;
    };
    for (const auto &[key, path] : keyFiles(runDir + QStringLiteral("/metrics"))) {
        const std::string name = toStd(key);
        MlflowMetricFile parsed;
        bool wasRenumbered = false;
        try {
            MappedFile file(path);
            if (resume) {
                MlflowMetricTail &tail = resume->mlflowMetrics[path];
                bool restarted = false;
                resume->unread(file.data(), path, tail.mark, &restarted);
                wasRenumbered = tail.renumbered && !restarted;
                parsed = continueMlflowMetricFile(file.data(), tail);
            } else {
                parsed = parseMlflowMetricFile(file.data());
            }
        } catch (const Error &e) {
            addWarning(run, e.message());
            continue;
        }
        for (const auto &[lineNo, error] : parsed.badLines) {
            ++run.skipped;
            addWarning(run, tr("%1 line %2: %3; skipped").arg(path).arg(lineNo).arg(error));
        }
        if (parsed.endsMidLine) {
            ++run.skipped;
            const QString warning = tr("%1 ends mid-line at byte %2 (line %3 has no line end); expected "
                                       "\"<timestamp_ms> <value> <step>\" lines")
                                        .arg(path)
                                        .arg(parsed.tailOffset)
                                        .arg(parsed.tailLine);
            addWarning(run, warning);
            run.tailWarnings << warning;
        }
        run.recordCounts[QStringLiteral("metric values")] += qint64(parsed.values.size());
        if (parsed.renumbered && !wasRenumbered) { // a watch says it once, when it starts
            const qint64 count = parsed.firstIndex + qint64(parsed.values.size());
            addWarning(run, tr("%1: several values share a step (MLflow allows that); all %2 are kept at steps 0-%3 "
                               "in the order written, their MLflow step is in \"%4\"")
                                .arg(path)
                                .arg(count)
                                .arg(count - 1)
                                .arg(toQ(originalStepKey(name))));
            ++run.recordCounts[QStringLiteral("renumbered metric files")];
        }
        for (std::size_t i = 0; i < parsed.values.size(); ++i) {
            const MlflowMetricValue &v = parsed.values[i];
            const qint64 step = parsed.renumbered ? parsed.firstIndex + qint64(i) : v.step;
            put(step, name, v.value, v.timestampMs);
            if (parsed.renumbered)
                put(step, originalStepKey(name), double(v.step), v.timestampMs);
        }
    }
    run.rows.reserve(steps.size());
    for (auto &[step, sr] : steps) {
        ImportedRow row;
        row.step = step;
        row.values = std::move(sr.values);
        if (sr.maxTimestampMs > 0)
            row.values.emplace_back("_timestamp", Json(double(sr.maxTimestampMs) / 1000.0));
        run.rows.push_back(std::move(row));
    }
}

qint64 countRunsIn(const QString &dir)
{
    qint64 n = 0;
    const auto entries = QDir(dir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &e : entries)
        if (QFileInfo::exists(e.absoluteFilePath() + QStringLiteral("/meta.yaml")))
            ++n;
    return n;
}

bool isExperimentMeta(const QString &dir)
{
    const QString path = dir + QStringLiteral("/meta.yaml");
    if (!QFileInfo::exists(path))
        return false;
    try {
        const Json meta = yamlFileToJson(path, YamlScalars::Text);
        return meta.is_object() && meta.contains("experiment_id") && !meta.contains("run_id") &&
               !meta.contains("run_uuid");
    } catch (const Error &) {
        return false;
    }
}

} // namespace

ImportedRun importMlflowRun(const QString &runDir, const QString &experimentName, ImportResume *resume)
{
    const Json meta = readMeta(runDir);
    ImportedRun run;
    run.format = QStringLiteral("mlflow");
    run.sourcePath = QDir(runDir).absolutePath();
    run.project = experimentName;
    run.runId = text(meta, "run_id");
    if (run.runId.isEmpty())
        run.runId = text(meta, "run_uuid");
    if (run.runId.isEmpty())
        run.runId = QDir(runDir).dirName();
    run.name = text(meta, "run_name");
    run.state = stateFromStatus(meta);
    if (run.state.isEmpty()) {
        addWarning(run, tr("%1/meta.yaml: unknown status \"%2\"; expected 1-5 (RUNNING, SCHEDULED, FINISHED, "
                           "FAILED, KILLED)")
                            .arg(runDir, text(meta, "status")));
        run.state = QStringLiteral("running");
    }
    if (const QString status = text(meta, "status"); status == QLatin1String("5") || status == QLatin1String("KILLED"))
        run.metadata["mlflowStatus"] = "KILLED";
    const auto start = integer(meta, "start_time");
    const auto end = integer(meta, "end_time");
    if (start && *start > 0)
        run.startTime = QDateTime::fromMSecsSinceEpoch(*start, Qt::UTC);
    if (start && end && *start > 0 && *end >= *start)
        run.runtimeSeconds = double(*end - *start) / 1000.0;
    if (const QString user = text(meta, "user_id"); !user.isEmpty())
        run.metadata["user"] = toStd(user);
    if (const QString uri = text(meta, "artifact_uri"); !uri.isEmpty())
        run.metadata["artifactUri"] = toStd(uri);
    run.metadata["experimentId"] = toStd(text(meta, "experiment_id"));

    for (const auto &[key, path] : keyFiles(runDir + QStringLiteral("/params")))
        run.config[toStd(key)] = fileText(path);

    Json tags = Json::object();
    for (const auto &[key, path] : keyFiles(runDir + QStringLiteral("/tags"))) {
        const std::string value = fileText(path);
        tags[toStd(key)] = value;
        if (key == QLatin1String("mlflow.runName"))
            run.name = toQ(value);
        else if (key == QLatin1String("mlflow.note.content"))
            run.notes = toQ(value);
        else if (key == QLatin1String("mlflow.parentRunId"))
            run.metadata["parentRunId"] = value;
    }
    if (auto models = tags.find("mlflow.log-model.history"); models != tags.end()) {
        QStringList warnings;
        run.checkpoints = mlflowLoggedModels(models->get<std::string>(), run.runId, text(meta, "artifact_uri"),
                                             run.sourcePath, warnings);
        for (const QString &w : warnings)
            addWarning(run, w);
    }
    if (!tags.empty())
        run.metadata["tags"] = std::move(tags);

    readMetrics(runDir, run, resume);
    return run;
}

bool isMlflowRoot(const QString &dir)
{
    const auto entries = QDir(dir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &e : entries)
        if (isExperimentMeta(e.absoluteFilePath()))
            return true;
    return false;
}

ImportBatch importMlflowRoot(const QString &mlrunsDir, ImportResume *resume)
{
    const QFileInfo root(mlrunsDir);
    if (!root.isDir())
        throw Error(Error::Kind::NotFound, tr("%1 is not a folder; expected an MLflow mlruns/ folder").arg(mlrunsDir));
    if (!isMlflowRoot(mlrunsDir))
        throw Error(Error::Kind::Format,
                    tr("%1 is not an MLflow mlruns/ folder; expected experiment folders holding a meta.yaml "
                       "with experiment_id")
                        .arg(mlrunsDir));
    ImportBatch batch;
    const QDir rootDir(root.absoluteFilePath());
    const QString trash = rootDir.filePath(QStringLiteral(".trash"));
    if (QFileInfo(trash).isDir()) {
        qint64 deletedRuns = 0;
        const auto trashed = QDir(trash).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QFileInfo &e : trashed)
            deletedRuns += isExperimentMeta(e.absoluteFilePath()) ? countRunsIn(e.absoluteFilePath()) : 1;
        if (deletedRuns > 0) {
            batch.skippedRuns += deletedRuns;
            batch.warnings << tr("%1: %2 deleted run(s) in .trash skipped").arg(trash).arg(deletedRuns);
        }
    }

    const auto experiments = rootDir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &exp : experiments) {
        const QString expDir = exp.absoluteFilePath();
        if (!isExperimentMeta(expDir))
            continue;
        const Json expMeta = readMeta(expDir);
        const QString expName = text(expMeta, "name").isEmpty() ? exp.fileName() : text(expMeta, "name");
        if (isDeleted(expMeta)) {
            const qint64 n = countRunsIn(expDir);
            batch.skippedRuns += n;
            batch.warnings
                << tr("experiment \"%1\" (%2) is deleted; its %3 run(s) skipped").arg(expName, expDir).arg(n);
            continue;
        }
        const auto runs = QDir(expDir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &r : runs) {
            const QString runDir = r.absoluteFilePath();
            if (!QFileInfo::exists(runDir + QStringLiteral("/meta.yaml")))
                continue; // e.g. the experiment's own tags/ folder
            try {
                if (isDeleted(readMeta(runDir))) {
                    ++batch.skippedRuns;
                    batch.warnings << tr("run %1 is deleted (lifecycle_stage: deleted); skipped").arg(runDir);
                    continue;
                }
                batch.runs.push_back(importMlflowRun(runDir, expName, resume));
            } catch (const Error &e) {
                ++batch.skippedRuns;
                batch.warnings << tr("%1 skipped: %2").arg(runDir, e.message());
            }
        }
    }
    return batch;
}

} // namespace forkscope
