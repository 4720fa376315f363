#include "importers/wandb_record_decoder.h"

#include <cmath>

#include <QCoreApplication>

#include "core/json_limits.h"
#include "core/step_rule.h"
#include "importers/lenient_json.h"
#include "importers/protobuf_wire.h"
#include "importers/wandb_artifact.h"

namespace forkscope {

namespace {

// wandb_internal.Record oneof field numbers.
enum RecordField : std::uint32_t {
    History = 2,
    Summary = 3,
    Output = 4,
    Config = 5,
    Files = 6,
    Stats = 7,
    Artifact = 8,
    TbRecord = 9,
    Alert = 10,
    Telemetry = 11,
    Metric = 12,
    OutputRaw = 13,
    Run = 17,
    Exit = 18,
    Final = 20,
    Header = 21,
    Footer = 22,
    Preempting = 23,
    UseArtifact = 25,
    Environment = 26,
    OutputLogger = 27,
    Request = 100,
};

const char *recordKindName(std::uint32_t field)
{
    switch (field) {
    case History: return "history";
    case Summary: return "summary";
    case Output: return "output";
    case Config: return "config";
    case Files: return "files";
    case Stats: return "stats";
    case Artifact: return "artifact";
    case TbRecord: return "tbrecord";
    case Alert: return "alert";
    case Telemetry: return "telemetry";
    case Metric: return "metric";
    case OutputRaw: return "output_raw";
    case Run: return "run";
    case Exit: return "exit";
    case Final: return "final";
    case Header: return "header";
    case Footer: return "footer";
    case Preempting: return "preempting";
    case UseArtifact: return "use_artifact";
    case Environment: return "environment";
    case OutputLogger: return "output_logger";
    case Request: return "request";
    default: return nullptr;
    }
}

QString str(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString tr(const char *text)
{
    return QCoreApplication::translate("forkscope::Importers", text);
}

// A HistoryItem / SummaryItem / ConfigItem: key=1, nested_key=2, value_json=16.
// Fills `path` with the key's parts (one part for `key`) and `joined` with
// them joined by '.'.
// History keys need only `joined`: pass wantPath = false to skip building `path`.
bool decodeItem(std::string_view bytes, std::string &joined, std::vector<std::string> &path,
                std::string_view &valueJson, QString &error, bool wantPath = true)
{
    joined.clear();
    path.clear();
    valueJson = {};
    std::string_view key;
    bool haveKey = false;
    int nestedParts = 0;
    wire::Reader r(bytes);
    wire::Field f;
    while (r.next(f)) {
        if (!f.isBytes())
            continue;
        switch (f.number) {
        case 1:
            key = f.bytes;
            haveKey = true;
            break;
        case 2:
            if (wantPath)
                path.emplace_back(f.bytes);
            if (nestedParts > 0)
                joined += '.';
            joined.append(f.bytes);
            ++nestedParts;
            break;
        case 16: valueJson = f.bytes; break;
        }
    }
    if (r.failed()) {
        error = r.errorText();
        return false;
    }
    if (nestedParts == 0 && haveKey) {
        joined.assign(key);
        if (wantPath)
            path.emplace_back(key);
    }
    if (joined.empty()) {
        error = tr("item without a key (expected key or nested_key)");
        return false;
    }
    return true;
}

Json *walkTo(Json &root, const std::vector<std::string> &path, std::size_t depth)
{
    Json *node = &root;
    for (std::size_t i = 0; i < depth; ++i) {
        if (!node->is_object())
            *node = Json::object();
        node = &(*node)[path[i]];
    }
    if (!node->is_object())
        *node = Json::object();
    return node;
}

} // namespace

void WandbRecordDecoder::addRecord(std::string_view record, qint64 offset)
{
    recordOffset_ = offset;
    std::uint32_t kind = 0;
    std::string_view payload;
    wire::Reader r(record);
    wire::Field f;
    while (r.next(f)) {
        if (recordKindName(f.number) && f.isBytes()) {
            kind = f.number;
            payload = f.bytes;
        }
    }
    if (r.failed()) {
        ++run_.skipped;
        ++run_.recordCounts[QStringLiteral("invalid")];
        addWarning(run_,
                   tr("record at byte %1 is not a valid W&B record (%2); skipped").arg(offset).arg(r.errorText()));
        return;
    }
    ++kindCounts_[kind < kindCounts_.size() ? kind : 0];

    QString error;
    bool ok = true;
    switch (kind) {
    case History: ok = decodeHistory(payload, error); break;
    case Summary: ok = decodeUpdates(payload, false, error); break;
    case Config: ok = decodeUpdates(payload, true, error); break;
    case Run: ok = decodeRun(payload, error); break;
    case Exit: ok = decodeExit(payload, error); break;
    case Header: ok = decodeHeader(payload, error); break;
    case Artifact: ok = decodeArtifact(payload, error); break;
    default: break; // console output, system stats, files, telemetry...: not imported
    }
    if (!ok) {
        ++run_.skipped;
        addWarning(run_, tr("%1 record at byte %2 does not decode (%3); skipped")
                             .arg(QString::fromLatin1(recordKindName(kind)))
                             .arg(offset)
                             .arg(error));
    }
}

bool WandbRecordDecoder::decodeHistory(std::string_view bytes, QString &error)
{
    ImportedRow row;
    row.values.reserve(lastRowSize_);
    std::optional<qint64> stepItem;
    qint64 stepNum = 0;
    QString badStep; // a step that breaks the rule, as given
    wire::Reader r(bytes);
    wire::Field f;
    while (r.next(f)) {
        if (f.number == 2 && f.isBytes()) { // HistoryStep
            wire::Reader sr(f.bytes);
            wire::Field sf;
            while (sr.next(sf))
                if (sf.number == 1 && sf.isVarint())
                    stepNum = sf.asInt64();
            if (sr.failed()) {
                error = sr.errorText();
                return false;
            }
            continue;
        }
        if (f.number != 1 || !f.isBytes())
            continue;
        std::string_view valueJson;
        if (!decodeItem(f.bytes, key_, path_, valueJson, error, false))
            return false;
        QString problem;
        auto value = parseLenientJson(valueJson, &problem);
        if (!value) {
            ++run_.skipped;
            addWarning(run_, problem.isEmpty()
                                 ? tr("history record at byte %1: value of \"%2\" is not JSON; skipped")
                                       .arg(recordOffset_)
                                       .arg(QString::fromStdString(key_))
                                 : tr("history record at byte %1: value of \"%2\" is not JSON (%3); skipped")
                                       .arg(recordOffset_)
                                       .arg(QString::fromStdString(key_), problem));
            continue;
        }
        if (key_ == "_step") {
            stepItem = stepFromJson(*value);
            if (!stepItem)
                badStep = toQ(dumpJson(*value));
            continue;
        }
        row.values.emplace_back(key_, std::move(*value));
    }
    if (r.failed()) {
        error = r.errorText();
        return false;
    }
    // The row's _step item wins over HistoryStep.num, as in W&B.
    if (!stepItem && badStep.isEmpty() && !isValidStep(stepNum))
        badStep = QString::number(stepNum);
    if (!badStep.isEmpty()) {
        ++run_.skipped;
        addWarning(
            run_, tr("history record at byte %1: %2; the row is skipped").arg(recordOffset_).arg(badStepText(badStep)));
        return true;
    }
    row.step = stepItem ? *stepItem : stepNum;
    lastRowSize_ = row.values.size();
    run_.rows.push_back(std::move(row));
    return true;
}

void WandbRecordDecoder::applyUpdate(bool isConfig, bool remove, const Json *value)
{
    // W&B's own `_wandb` config entry is bookkeeping, not a hyperparameter.
    const bool internal = isConfig && path_.front() == "_wandb";
    Json &root = internal ? run_.metadata : (isConfig ? run_.config : run_.summary);
    Json *parent = walkTo(root, path_, path_.size() - 1);
    if (remove) {
        parent->erase(path_.back());
        return;
    }
    if (!value)
        return;
    if (isConfig && !internal && path_.size() == 1 && value->is_object() && value->contains("value") &&
        value->size() <= 2 && (value->size() == 1 || value->contains("desc"))) {
        (*parent)[path_.back()] = (*value)["value"]; // {desc, value} as in config.yaml
        return;
    }
    (*parent)[path_.back()] = *value;
}

bool WandbRecordDecoder::decodeUpdates(std::string_view bytes, bool isConfig, QString &error)
{
    wire::Reader r(bytes);
    wire::Field f;
    while (r.next(f)) {
        if ((f.number != 1 && f.number != 2) || !f.isBytes())
            continue;
        const bool remove = f.number == 2;
        std::string_view valueJson;
        if (!decodeItem(f.bytes, key_, path_, valueJson, error))
            return false;
        if (remove) {
            applyUpdate(isConfig, true, nullptr);
            continue;
        }
        QString problem;
        auto value = parseLenientJson(valueJson, &problem);
        // nested_key adds a level per part on top of the value's own.
        if (value && int(path_.size()) + jsonDepth(*value) > kMaxJsonDepth)
            problem = nestingTooDeepText();
        if (!value || !problem.isEmpty()) {
            ++run_.skipped;
            const QString kind = isConfig ? QStringLiteral("config") : QStringLiteral("summary");
            addWarning(run_, problem.isEmpty() ? tr("%1 record at byte %2: value of \"%3\" is not JSON; skipped")
                                                     .arg(kind)
                                                     .arg(recordOffset_)
                                                     .arg(QString::fromStdString(key_))
                                               : tr("%1 record at byte %2: value of \"%3\" is not JSON (%4); skipped")
                                                     .arg(kind)
                                                     .arg(recordOffset_)
                                                     .arg(QString::fromStdString(key_), problem));
            continue;
        }
        applyUpdate(isConfig, false, &*value);
    }
    if (r.failed()) {
        error = r.errorText();
        return false;
    }
    return true;
}

bool WandbRecordDecoder::decodeRun(std::string_view bytes, QString &error)
{
    const auto fail = [&](const wire::Reader &r) {
        error = r.errorText();
        return false;
    };
    QStringList tags;
    wire::Reader r(bytes);
    wire::Field f;
    while (r.next(f)) {
        if (f.isBytes()) {
            const QString s = str(f.bytes);
            switch (f.number) {
            case 1:
                if (!s.isEmpty())
                    run_.runId = s;
                break;
            case 2:
                if (!s.isEmpty())
                    run_.entity = s;
                break;
            case 3:
                if (!s.isEmpty())
                    run_.project = s;
                break;
            case 4:
                if (!decodeUpdates(f.bytes, true, error))
                    return false;
                break;
            case 5:
                if (!decodeUpdates(f.bytes, false, error))
                    return false;
                break;
            case 6:
                if (!s.isEmpty())
                    run_.group = s;
                break;
            case 7:
                if (!s.isEmpty())
                    run_.jobType = s;
                break;
            case 8:
                if (!s.isEmpty())
                    run_.name = s;
                break;
            case 9:
                if (!s.isEmpty())
                    run_.notes = s;
                break;
            case 10: tags << s; break;
            case 13:
                if (!s.isEmpty())
                    run_.host = s;
                break;
            case 17: { // google.protobuf.Timestamp
                qint64 seconds = 0, nanos = 0;
                wire::Reader ts(f.bytes);
                wire::Field tf;
                while (ts.next(tf)) {
                    if (tf.number == 1 && tf.isVarint())
                        seconds = tf.asInt64();
                    else if (tf.number == 2 && tf.isVarint())
                        nanos = tf.asInt32();
                }
                if (ts.failed())
                    return fail(ts);
                if (seconds > 0 && seconds < 253402300800LL) // before year 10000
                    run_.startTime = QDateTime::fromMSecsSinceEpoch(seconds * 1000 + nanos / 1000000, Qt::UTC);
                break;
            }
            case 21: { // GitRepoRecord
                wire::Reader gr(f.bytes);
                wire::Field gf;
                while (gr.next(gf)) {
                    if (!gf.isBytes() || gf.bytes.empty())
                        continue;
                    if (gf.number == 1)
                        run_.metadata["git"]["remote"] = std::string(gf.bytes);
                    else if (gf.number == 2)
                        run_.metadata["git"]["commit"] = std::string(gf.bytes);
                }
                if (gr.failed())
                    return fail(gr);
                break;
            }
            case 23: { // BranchPoint
                ImportedRun::BranchPoint bp;
                wire::Reader br(f.bytes);
                wire::Field bf;
                while (br.next(bf)) {
                    if (bf.number == 1 && bf.isBytes())
                        bp.run = str(bf.bytes);
                    else if (bf.number == 2 && bf.isFixed64())
                        bp.value = bf.asDouble();
                    else if (bf.number == 3 && bf.isBytes())
                        bp.metric = str(bf.bytes);
                }
                if (br.failed())
                    return fail(br);
                if (!bp.run.isEmpty())
                    run_.branch = bp;
                break;
            }
            default: break;
            }
        } else if (f.isVarint()) {
            if (f.number == 14 && f.asInt64() != 0)
                run_.metadata["startingStep"] = f.asInt64();
            else if (f.number == 18 && f.asBool())
                run_.metadata["resumed"] = true;
            else if (f.number == 20 && f.asInt32() > 0)
                run_.runtimeSeconds = f.asInt32();
            else if (f.number == 22 && f.asBool())
                run_.metadata["forked"] = true;
        }
    }
    if (r.failed())
        return fail(r);
    if (!tags.isEmpty())
        run_.tags = tags;
    return true;
}

bool WandbRecordDecoder::decodeArtifact(std::string_view bytes, QString &error)
{
    // The weights are as far as training got when the artifact was logged.
    std::optional<qint64> step;
    for (const ImportedRow &row : run_.rows)
        step = step ? std::max(*step, row.step) : row.step;
    std::optional<ImportedCheckpoint> checkpoint;
    if (!decodeModelArtifact(bytes, step, checkpoint, error))
        return false;
    if (checkpoint)
        run_.checkpoints.push_back(std::move(*checkpoint));
    return true;
}

bool WandbRecordDecoder::decodeExit(std::string_view bytes, QString &error)
{
    int code = 0;
    wire::Reader r(bytes);
    wire::Field f;
    while (r.next(f)) {
        if (f.number == 1 && f.isVarint())
            code = f.asInt32();
        else if (f.number == 2 && f.isVarint())
            exitRuntime_ = f.asInt32();
    }
    if (r.failed()) {
        error = r.errorText();
        return false;
    }
    exitCode_ = code;
    return true;
}

bool WandbRecordDecoder::decodeHeader(std::string_view bytes, QString &error)
{
    wire::Reader r(bytes);
    wire::Field f;
    while (r.next(f)) {
        if (f.number != 1 || !f.isBytes())
            continue;
        wire::Reader vr(f.bytes);
        wire::Field vf;
        while (vr.next(vf))
            if (vf.number == 1 && vf.isBytes() && !vf.bytes.empty())
                run_.metadata["producer"] = std::string(vf.bytes);
        if (vr.failed()) {
            error = vr.errorText();
            return false;
        }
    }
    if (r.failed()) {
        error = r.errorText();
        return false;
    }
    return true;
}

void WandbRecordDecoder::finish(const ReadStop &stop)
{
    for (std::uint32_t kind = 0; kind < kindCounts_.size(); ++kind) {
        if (kindCounts_[kind] > 0)
            run_.recordCounts[kind ? QString::fromLatin1(recordKindName(kind)) : QStringLiteral("other")] +=
                kindCounts_[kind];
    }
    kindCounts_ = {};
    if (!stop.isClean() && !stop.reason.isEmpty())
        addWarning(run_, stop.reason);
    if (stop.kind == ReadStop::Kind::Truncated)
        run_.tailWarnings << stop.reason;
    if (exitCode_) {
        run_.exitCode = exitCode_;
        run_.state = *exitCode_ == 0 ? QStringLiteral("finished") : QStringLiteral("failed");
        if (exitRuntime_ && *exitRuntime_ > 0)
            run_.runtimeSeconds = exitRuntime_;
    } else {
        run_.state = stop.isClean() ? QStringLiteral("running") : QStringLiteral("crashed");
    }
    if (run_.branch)
        run_.branch->rewind = run_.branch->run == run_.runId;
    const qint64 replaced = sortAndMergeRows(run_.rows);
    if (replaced > 0)
        addWarning(
            run_,
            tr("%1 history values were logged again for a step already seen; the last one is kept").arg(replaced));
}

} // namespace forkscope
