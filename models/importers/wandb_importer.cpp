#include "importers/wandb_importer.h"

#include <cmath>
#include <cstring>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "core/error.h"
#include "core/step_rule.h"
#include "importers/import_resume.h"
#include "importers/importer_text.h"
#include "importers/lenient_json.h"
#include "importers/leveldb_log_reader.h"
#include "importers/mapped_file.h"
#include "importers/wandb_record_decoder.h"
#include "importers/yaml_json.h"

namespace forkscope {

namespace {

// run-20220429_201936-3ojed7lz, offline-run-..., dryrun-...
const QRegularExpression &runFolderPattern()
{
    static const QRegularExpression re(QStringLiteral("^(?:offline-run|run|dryrun)-(\\d{8}_\\d{6})-(.+)$"));
    return re;
}

std::optional<Json> readJsonFile(const QString &path, ImportedRun &run)
{
    if (!QFileInfo::exists(path))
        return std::nullopt;
    try {
        MappedFile file(path);
        QString problem;
        auto j = parseLenientJson(file.data(), &problem);
        if (!j) {
            addWarning(run, problem.isEmpty()
                                ? ImporterText::tr("%1 is not valid JSON; ignored").arg(path)
                                : ImporterText::tr("%1 is not valid JSON (%2); ignored").arg(path, problem));
            return std::nullopt;
        }
        return j;
    } catch (const Error &e) {
        addWarning(run, e.message());
        return std::nullopt;
    }
}

// config.yaml: `key: {desc, value}` (0.10.x) or `key: {value}` (newer).
void mergeConfigYaml(const QString &path, ImportedRun &run)
{
    if (!QFileInfo::exists(path))
        return;
    Json yaml;
    try {
        yaml = yamlFileToJson(path);
    } catch (const Error &e) {
        addWarning(run, e.message());
        return;
    }
    if (!yaml.is_object()) {
        if (!yaml.is_null())
            addWarning(run, ImporterText::tr("%1 is not a mapping of config keys; ignored").arg(path));
        return;
    }
    for (auto it = yaml.begin(); it != yaml.end(); ++it) {
        if (it.key() == "wandb_version")
            continue;
        Json value = it.value();
        if (value.is_object() && value.contains("value") &&
            (value.size() == 1 || (value.size() == 2 && value.contains("desc"))))
            value = Json(value["value"]);
        if (it.key() == "_wandb")
            run.metadata["_wandb"] = std::move(value);
        else
            run.config[it.key()] = std::move(value);
    }
}

void mergeSummaryJson(const QString &path, ImportedRun &run)
{
    auto j = readJsonFile(path, run);
    if (!j)
        return;
    if (!j->is_object()) {
        addWarning(run, ImporterText::tr("%1 is not a JSON object; ignored").arg(path));
        return;
    }
    // Written by the SDK as the run goes, it is at least as new as the records.
    for (auto it = j->begin(); it != j->end(); ++it)
        run.summary[it.key()] = it.value();
}

QString stringAt(const Json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? toQ(it->get<std::string>()) : QString();
}

void mergeMetadataJson(const QString &path, ImportedRun &run, bool legacy)
{
    auto j = readJsonFile(path, run);
    if (!j || !j->is_object())
        return;
    if (run.host.isEmpty())
        run.host = stringAt(*j, "host");
    if (const auto git = j->find("git"); git != j->end() && git->is_object() && !run.metadata.contains("git")) {
        Json g = Json::object();
        if (git->contains("remote"))
            g["remote"] = (*git)["remote"];
        if (git->contains("commit"))
            g["commit"] = (*git)["commit"];
        run.metadata["git"] = g;
    }
    for (const char *key : {"program", "codePath", "args", "python", "os", "executable", "root", "username",
                            "startedAt", "heartbeatAt", "gpu", "gpu_count", "cpu_count"}) {
        if (const auto it = j->find(key); it != j->end() && !it->is_null())
            run.metadata[key] = *it;
    }
    if (!run.startTime.isValid()) {
        // The SDK writes UTC without a zone suffix.
        QDateTime t = QDateTime::fromString(stringAt(*j, "startedAt"), Qt::ISODateWithMs);
        if (t.isValid()) {
            t.setTimeSpec(Qt::UTC);
            run.startTime = t;
        }
    }
    if (legacy) {
        if (run.name.isEmpty())
            run.name = stringAt(*j, "name");
        if (run.project.isEmpty())
            run.project = stringAt(*j, "project");
        if (const auto it = j->find("exitcode"); it != j->end() && it->is_number_integer())
            run.exitCode = it->get<int>();
        const QString state = stringAt(*j, "state");
        if (state == QLatin1String("finished") || state == QLatin1String("running") ||
            state == QLatin1String("crashed") || state == QLatin1String("failed"))
            run.state = state;
        else if (state == QLatin1String("killed"))
            run.state = QStringLiteral("failed");
    }
}

// SDK 0.9: one JSON object per line, keys _step/_runtime/_timestamp plus metrics.
void readHistoryJsonl(const QString &path, ImportedRun &run, bool &cut, ImportResume *resume)
{
    MappedFile file(path);
    HistoryJsonlTail scratch;
    HistoryJsonlTail &tail = resume ? resume->historyJsonl[path] : scratch;
    const std::string_view data = resume ? resume->unread(file.data(), path, tail.mark) : file.data();
    if (tail.mark.offset == 0)
        tail = HistoryJsonlTail{tail.mark};
    const qint64 base = tail.mark.offset; // byte offsets in warnings count from the file's start
    std::size_t pos = 0;
    qint64 lineNo = tail.lines;
    while (pos < data.size()) {
        const auto nl = data.find('\n', pos);
        const bool lastWithoutNewline = nl == std::string_view::npos;
        const std::string_view line = data.substr(pos, lastWithoutNewline ? std::string_view::npos : nl - pos);
        ++lineNo;
        const qint64 lineStart = base + qint64(pos);
        pos = lastWithoutNewline ? data.size() : nl + 1;
        if (!lastWithoutNewline) {
            tail.mark.offset = base + qint64(pos);
            tail.lines = lineNo;
        }
        if (line.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;
        QString problem;
        auto j = parseLenientJson(line, &problem);
        if (!j || !j->is_object()) {
            ++run.skipped;
            if (!problem.isEmpty()) {
                addWarning(run, ImporterText::tr("%1 line %2 (byte %3) is not valid JSON (%4); skipped")
                                    .arg(path)
                                    .arg(lineNo)
                                    .arg(lineStart)
                                    .arg(problem));
            } else if (lastWithoutNewline) {
                cut = true;
                const QString warning =
                    ImporterText::tr("%1 ends mid-line at byte %2 (line %3 is incomplete); expected a JSON "
                                     "object per line")
                        .arg(path)
                        .arg(lineStart)
                        .arg(lineNo);
                addWarning(run, warning);
                run.tailWarnings << warning;
            } else {
                addWarning(run, ImporterText::tr("%1 line %2 (byte %3) is not a JSON object; skipped")
                                    .arg(path)
                                    .arg(lineNo)
                                    .arg(lineStart));
            }
            continue;
        }
        if (lastWithoutNewline) { // a whole object: only its line end can still come
            tail.mark.offset = base + qint64(pos);
            tail.lines = lineNo;
        }
        ImportedRow row;
        row.step = tail.rows + qint64(run.rows.size());
        if (auto it = j->find("_step"); it != j->end()) {
            const auto step = stepFromJson(*it);
            if (!step) {
                ++run.skipped;
                addWarning(run, ImporterText::tr("%1 line %2 (byte %3): %4; the row is skipped")
                                    .arg(path)
                                    .arg(lineNo)
                                    .arg(lineStart)
                                    .arg(badStepText(toQ(dumpJson(*it)))));
                continue;
            }
            row.step = *step;
        }
        for (auto it = j->begin(); it != j->end(); ++it) {
            if (it.key() == "_step")
                continue;
            row.values.emplace_back(it.key(), it.value());
        }
        run.rows.push_back(std::move(row));
    }
    tail.rows += qint64(run.rows.size());
    run.recordCounts[QStringLiteral("history")] = tail.rows;
    const qint64 replaced = sortAndMergeRows(run.rows);
    if (replaced > 0)
        addWarning(run,
                   ImporterText::tr("%1 history values were logged again for a step already seen; the last one is kept")
                       .arg(replaced));
}

const Json *findPath(const Json &j, std::initializer_list<const char *> path)
{
    const Json *node = &j;
    for (const char *key : path) {
        if (!node->is_object())
            return nullptr;
        const auto it = node->find(key);
        if (it == node->end())
            return nullptr;
        node = &*it;
    }
    return node;
}

void fillRuntime(ImportedRun &run)
{
    if (run.runtimeSeconds && *run.runtimeSeconds > 0)
        return;
    for (const Json *v : {findPath(run.summary, {"_wandb", "runtime"}), findPath(run.summary, {"_runtime"})}) {
        if (v && v->is_number()) {
            run.runtimeSeconds = v->get<double>();
            return;
        }
    }
    for (auto row = run.rows.rbegin(); row != run.rows.rend(); ++row) {
        for (const auto &[key, value] : row->values) {
            if (key == "_runtime" && value.is_number()) {
                run.runtimeSeconds = value.get<double>();
                return;
            }
        }
    }
}

QString pickWandbFile(const QDir &dir, const QString &idFromName, ImportedRun &run)
{
    const QStringList files = dir.entryList({QStringLiteral("*.wandb")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return {};
    if (files.size() > 1)
        addWarning(
            run, ImporterText::tr("%1 holds %2 .wandb files; only one is imported").arg(dir.path()).arg(files.size()));
    const QString expected = QStringLiteral("run-%1.wandb").arg(idFromName);
    return dir.filePath(files.contains(expected) ? expected : files.first());
}

} // namespace

namespace {

// Reads the records past `tail.mark.offset`: the run so far with only the
// rows of those records. `bytes` is the whole file.
ImportedRun continueWandbLog(std::string_view bytes, const QString &sourcePath, WandbLogTail &tail)
{
    tail.run.format = QStringLiteral("wandb");
    tail.run.sourcePath = sourcePath;
    tail.run.warnings.clear();
    tail.run.tailWarnings.clear();
    tail.run.warningsLeftOut = 0;
    LevelDbLogReader reader(bytes, std::size_t(tail.mark.offset));
    std::string_view record;
    qint64 offset = 0;
    while (reader.next(record, &offset)) {
        tail.decoder->addRecord(record, offset);
        ++tail.records;
    }
    tail.mark.offset = reader.resumeOffset();
    if (reader.stop().kind == ReadStop::Kind::NotThisFormat)
        throw Error(Error::Kind::Format, QStringLiteral("%1: %2").arg(sourcePath, reader.stop().reason));
    if (tail.records == 0)
        throw Error(Error::Kind::Format,
                    ImporterText::tr("%1 holds no readable record, so there is nothing to import: %2")
                        .arg(sourcePath, reader.stop().isClean() ? ImporterText::tr("the file ends after its header")
                                                                 : reader.stop().reason));
    tail.decoder->finish(reader.stop());
    std::vector<ImportedRow> rows;
    rows.swap(tail.run.rows);
    ImportedRun run = tail.run;
    run.rows = std::move(rows);
    fillRuntime(run);
    return run;
}

ImportedRun readWandbFile(const QString &path, ImportResume *resume)
{
    MappedFile file(path);
    if (!resume) {
        WandbLogTail tail;
        return continueWandbLog(file.data(), path, tail);
    }
    WandbLogTail &tail = resume->wandbLogs[path];
    bool restarted = false;
    resume->unread(file.data(), path, tail.mark, &restarted);
    if (restarted) {
        tail.run = ImportedRun();
        tail.decoder = std::make_unique<WandbRecordDecoder>(tail.run);
        tail.records = 0;
    }
    return continueWandbLog(file.data(), path, tail);
}

} // namespace

ImportedRun importWandbLog(std::string_view bytes, const QString &sourcePath)
{
    WandbLogTail tail;
    return continueWandbLog(bytes, sourcePath, tail);
}

ImportedRun importWandbRun(const QString &path, ImportResume *resume)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw Error(Error::Kind::NotFound,
                    ImporterText::tr("%1 does not exist; expected a W&B run folder or .wandb file").arg(path));

    const QDir dir = info.isDir() ? QDir(info.absoluteFilePath()) : info.absoluteDir();
    const auto nameMatch = runFolderPattern().match(dir.dirName());
    const QString idFromName = nameMatch.hasMatch() ? nameMatch.captured(2) : QString();

    ImportedRun run;
    QString wandbFile;
    if (info.isDir()) {
        ImportedRun scratch; // warnings before we know which run holds them
        wandbFile = pickWandbFile(dir, idFromName, scratch);
        if (!wandbFile.isEmpty())
            run = readWandbFile(wandbFile, resume);
        run.warnings = scratch.warnings + run.warnings;
    } else {
        if (info.suffix() != QLatin1String("wandb"))
            throw Error(
                Error::Kind::Format,
                ImporterText::tr("%1 is not a .wandb file; expected a W&B run folder or run-<id>.wandb").arg(path));
        wandbFile = info.absoluteFilePath();
        run = readWandbFile(wandbFile, resume);
    }

    const QString filesDir = dir.exists(QStringLiteral("files")) ? dir.filePath(QStringLiteral("files")) : dir.path();
    bool legacy = false;
    if (wandbFile.isEmpty()) {
        const QString history = dir.filePath(QStringLiteral("wandb-history.jsonl"));
        const bool hasHistory = QFileInfo::exists(history);
        if (!hasHistory && !(nameMatch.hasMatch() && QFileInfo::exists(filesDir + QStringLiteral("/config.yaml"))))
            throw Error(Error::Kind::Format,
                        ImporterText::tr("%1 is not a W&B run folder; expected a run-<id>.wandb file (SDK 0.10+) or "
                                         "wandb-history.jsonl (SDK 0.9)")
                            .arg(dir.path()));
        run.format = QStringLiteral("wandb");
        legacy = true;
        bool cut = false;
        if (hasHistory)
            readHistoryJsonl(history, run, cut, resume);
        else
            addWarning(run,
                       ImporterText::tr("%1 has no .wandb file and no wandb-history.jsonl; only its config and summary "
                                        "are imported")
                           .arg(dir.path()));
        if (hasHistory && run.recordCounts[QStringLiteral("history")] == 0 && run.skipped > 0)
            throw Error(Error::Kind::Format,
                        ImporterText::tr("%1 holds no readable line, so there is nothing to import: %2")
                            .arg(history, run.warnings.value(0)));
        run.state = cut ? QStringLiteral("crashed") : QStringLiteral("running");
    }
    run.sourcePath = info.isDir() ? dir.path() : wandbFile;

    if (run.runId.isEmpty())
        run.runId = idFromName;
    if (info.isDir() || dir.exists(QStringLiteral("files"))) {
        mergeConfigYaml(filesDir + QStringLiteral("/config.yaml"), run);
        mergeSummaryJson(filesDir + QStringLiteral("/wandb-summary.json"), run);
        mergeMetadataJson(filesDir + QStringLiteral("/wandb-metadata.json"), run, legacy);
    }
    if (!run.startTime.isValid() && nameMatch.hasMatch()) {
        // Last resort: the folder name holds the local start time of the machine that ran it.
        const QDateTime t = QDateTime::fromString(nameMatch.captured(1), QStringLiteral("yyyyMMdd_HHmmss"));
        if (t.isValid())
            run.startTime = t.toUTC();
    }
    if (legacy && run.exitCode && run.state == QLatin1String("running"))
        run.state = *run.exitCode == 0 ? QStringLiteral("finished") : QStringLiteral("failed");
    if (run.branch)
        run.branch->rewind = run.branch->run == run.runId;
    fillRuntime(run);
    return run;
}

bool isWandbRunFolder(const QString &path)
{
    const QDir dir(path);
    if (!dir.exists())
        return false;
    if (!dir.entryList({QStringLiteral("*.wandb")}, QDir::Files).isEmpty())
        return true;
    if (dir.exists(QStringLiteral("wandb-history.jsonl")))
        return true;
    return runFolderPattern().match(dir.dirName()).hasMatch() && dir.exists(QStringLiteral("files/config.yaml"));
}

QStringList findWandbRunFolders(const QString &wandbDir)
{
    QStringList out;
    const QDir dir(wandbDir);
    const auto entries = dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks, QDir::Name);
    for (const QFileInfo &e : entries) {
        if (runFolderPattern().match(e.fileName()).hasMatch() && isWandbRunFolder(e.absoluteFilePath()))
            out << e.absoluteFilePath();
    }
    return out;
}

ImportBatch importWandbFolder(const QString &wandbDir, ImportResume *resume)
{
    if (!QFileInfo(wandbDir).isDir())
        throw Error(Error::Kind::NotFound,
                    ImporterText::tr("%1 is not a folder; expected a wandb/ folder of runs").arg(wandbDir));
    ImportBatch batch;
    for (const QString &folder : findWandbRunFolders(wandbDir)) {
        try {
            batch.runs.push_back(importWandbRun(folder, resume));
        } catch (const Error &e) {
            ++batch.skippedRuns;
            batch.warnings << ImporterText::tr("%1 skipped: %2").arg(folder, e.message());
        }
    }
    return batch;
}

} // namespace forkscope
