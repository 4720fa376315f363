#include "importers/tensorboard_event_decoder.h"

#include <cstring>

#include <QCoreApplication>

#include "core/step_rule.h"
#include "importers/importer_text.h"
#include "importers/protobuf_wire.h"
#include "importers/tfrecord_reader.h"

namespace forkscope {

namespace {

constexpr int kDtFloat = 1;
constexpr int kDtDouble = 2;
constexpr int kDataClassScalar = 1;

const char *eventKindName(std::uint32_t field)
{
    switch (field) {
    case 3: return "file_version";
    case 4: return "graph_def";
    case 5: return "summary";
    case 6: return "log_message";
    case 7: return "session_log";
    case 8: return "tagged_run_metadata";
    case 9: return "meta_graph_def";
    default: return nullptr;
    }
}

} // namespace

std::optional<double> scalarFromTensorProto(std::string_view tensor)
{
    int dtype = 0;
    int dims = 0;
    bool unknownRank = false;
    std::string_view content;
    int count = 0;
    double value = 0;
    wire::Reader r(tensor);
    wire::Field f;
    while (r.next(f)) {
        switch (f.number) {
        case 1:
            if (f.isVarint())
                dtype = f.asInt32();
            break;
        case 2: { // TensorShapeProto: dim=2 (repeated), unknown_rank=3
            if (!f.isBytes())
                break;
            wire::Reader sr(f.bytes);
            wire::Field sf;
            while (sr.next(sf)) {
                if (sf.number == 2)
                    ++dims;
                else if (sf.number == 3 && sf.isVarint() && sf.asBool())
                    unknownRank = true;
            }
            if (sr.failed())
                return std::nullopt;
            break;
        }
        case 4:
            if (f.isBytes())
                content = f.bytes;
            break;
        case 5:
            if (!wire::forEachFloat(f, [&](float v) {
                    value = v;
                    ++count;
                }))
                return std::nullopt;
            break;
        case 6:
            if (!wire::forEachDouble(f, [&](double v) {
                    value = v;
                    ++count;
                }))
                return std::nullopt;
            break;
        default: break;
        }
    }
    if (r.failed() || dims != 0 || unknownRank)
        return std::nullopt;
    if (dtype == kDtFloat && content.size() == 4) {
        float v;
        std::memcpy(&v, content.data(), 4);
        return double(v);
    }
    if (dtype == kDtDouble && content.size() == 8) {
        double v;
        std::memcpy(&v, content.data(), 8);
        return v;
    }
    if ((dtype == kDtFloat || dtype == kDtDouble) && content.empty() && count == 1)
        return value;
    return std::nullopt;
}

qint64 TensorBoardRunBuilder::addFile(std::string_view bytes, const QString &fileName, std::size_t start)
{
    file_ = fileName;
    warnedRestartInFile_ = false;
    run_.tailWarnings.clear(); // only the newest file can still be being written
    TfRecordReader reader(bytes, start);
    std::string_view record;
    qint64 offset = 0;
    while (reader.next(record, &offset))
        addEvent(record, offset);
    if (!reader.stop().isClean()) {
        cut_ = true;
        const QString warning = QStringLiteral("%1: %2").arg(fileName, reader.stop().reason);
        addWarning(run_, warning);
        if (reader.stop().kind == ReadStop::Kind::Truncated)
            run_.tailWarnings << warning;
    }
    return reader.resumeOffset();
}

int TensorBoardRunBuilder::tagIndex(std::string_view tag)
{
    const std::string key(tag);
    const auto it = tagIndex_.find(key);
    if (it != tagIndex_.end())
        return it->second;
    const int index = int(tagNames_.size());
    tagNames_.push_back(key);
    tags_.emplace_back();
    tagIndex_.emplace(key, index);
    return index;
}

void TensorBoardRunBuilder::addEvent(std::string_view event, qint64 offset)
{
    double wallTime = 0;
    qint64 step = 0;
    std::uint32_t kind = 0;
    std::string_view summary;
    wire::Reader r(event);
    wire::Field f;
    while (r.next(f)) {
        if (f.number == 1 && f.isFixed64())
            wallTime = f.asDouble();
        else if (f.number == 2 && f.isVarint())
            step = f.asInt64();
        else if (eventKindName(f.number)) {
            kind = f.number;
            if (kind == 5 && f.isBytes())
                summary = f.bytes;
        }
    }
    ++run_.recordCounts[QStringLiteral("events")];
    if (r.failed()) {
        ++run_.skipped;
        addWarning(run_, ImporterText::tr("%1: event at byte %2 does not decode (%3); skipped")
                             .arg(file_)
                             .arg(offset)
                             .arg(r.errorText()));
        return;
    }
    ++run_.recordCounts[kind ? QString::fromLatin1(eventKindName(kind)) : QStringLiteral("other")];
    if (wallTime > 0) {
        if (firstWallTime_ == 0 || wallTime < firstWallTime_)
            firstWallTime_ = wallTime;
        if (wallTime > lastWallTime_)
            lastWallTime_ = wallTime;
    }
    if (kind != 5)
        return;
    if (!isValidStep(step)) {
        ++run_.skipped;
        addWarning(run_, ImporterText::tr("%1: event at byte %2: %3; its values are skipped")
                             .arg(file_)
                             .arg(offset)
                             .arg(badStepText(QString::number(step))));
        return;
    }
    addSummary(summary, step, wallTime, offset);
}

void TensorBoardRunBuilder::addSummary(std::string_view summary, qint64 step, double wallTime, qint64 offset)
{
    wire::Reader r(summary);
    wire::Field f;
    while (r.next(f)) {
        if (f.number != 1 || !f.isBytes())
            continue;
        std::string_view tag, tensor, metadata;
        bool hasSimple = false, hasTensor = false, hasMetadata = false;
        float simple = 0;
        wire::Reader vr(f.bytes);
        wire::Field vf;
        while (vr.next(vf)) {
            switch (vf.number) {
            case 1:
                if (vf.isBytes())
                    tag = vf.bytes;
                break;
            case 2:
                if (vf.isFixed32()) {
                    simple = vf.asFloat();
                    hasSimple = true;
                }
                break;
            case 8:
                if (vf.isBytes()) {
                    tensor = vf.bytes;
                    hasTensor = true;
                }
                break;
            case 9:
                if (vf.isBytes()) {
                    metadata = vf.bytes;
                    hasMetadata = true;
                }
                break;
            default: break; // image=4, histo=5, audio=6, ...
            }
        }
        if (vr.failed()) {
            ++run_.skipped;
            addWarning(run_, ImporterText::tr("%1: summary value in the event at byte %2 does not decode (%3); skipped")
                                 .arg(file_)
                                 .arg(offset)
                                 .arg(vr.errorText()));
            continue;
        }
        const int index = tagIndex(tag);
        if (hasMetadata) { // SummaryMetadata: plugin_data=1 {plugin_name=1}, data_class=4
            wire::Reader mr(metadata);
            wire::Field mf;
            while (mr.next(mf)) {
                if (mf.number == 1 && mf.isBytes()) {
                    wire::Reader pr(mf.bytes);
                    wire::Field pf;
                    while (pr.next(pf))
                        if (pf.number == 1 && pf.isBytes())
                            tags_[size_t(index)].plugin.assign(pf.bytes);
                } else if (mf.number == 4 && mf.isVarint()) {
                    tags_[size_t(index)].dataClass = mf.asInt32();
                }
            }
        }
        if (hasSimple) {
            setValue(index, step, double(simple), wallTime, offset);
            continue;
        }
        const TagState &state = tags_[size_t(index)];
        if (hasTensor && (state.plugin == "scalars" || state.dataClass == kDataClassScalar)) {
            if (const auto v = scalarFromTensorProto(tensor)) {
                setValue(index, step, *v, wallTime, offset);
                continue;
            }
        }
        ++run_.skipped;
        ++run_.recordCounts[QStringLiteral("skipped values")];
    }
    if (r.failed()) {
        ++run_.skipped;
        addWarning(run_, ImporterText::tr(
                             "%1: summary in the event at byte %2 does not decode (%3); the rest of it is skipped")
                             .arg(file_)
                             .arg(offset)
                             .arg(r.errorText()));
    }
}

void TensorBoardRunBuilder::setValue(int tag, qint64 step, double value, double wallTime, qint64 offset)
{
    ++run_.recordCounts[QStringLiteral("scalars")];
    TagState &state = tags_[size_t(tag)];
    if (state.seen && step <= state.lastStep && !warnedRestartInFile_) {
        warnedRestartInFile_ = true;
        addWarning(run_, ImporterText::tr(
                             "%1: tag \"%2\" goes back from step %3 to step %4 at byte %5 (the job was restarted?); "
                             "for a step written more than once the last value is kept")
                             .arg(file_, QString::fromStdString(tagNames_[size_t(tag)]))
                             .arg(state.lastStep)
                             .arg(step)
                             .arg(offset));
    }
    state.seen = true;
    state.lastStep = step;
    StepValues &sv = steps_[step];
    if (wallTime > sv.wallTime)
        sv.wallTime = wallTime;
    for (auto &[t, v] : sv.values) {
        if (t == tag) {
            v = value;
            ++replaced_;
            return;
        }
    }
    sv.values.emplace_back(tag, value);
}

void TensorBoardRunBuilder::finish()
{
    run_.rows.reserve(run_.rows.size() + steps_.size());
    for (auto &[step, sv] : steps_) {
        ImportedRow row;
        row.step = step;
        row.values.reserve(sv.values.size() + 1);
        for (const auto &[tag, v] : sv.values)
            row.values.emplace_back(tagNames_[size_t(tag)], Json(v));
        if (sv.wallTime > 0)
            row.values.emplace_back("_timestamp", Json(sv.wallTime));
        run_.rows.push_back(std::move(row));
    }
    steps_.clear();
    sortAndMergeRows(run_.rows);
    if (replaced_ > 0)
        addWarning(run_,
                   ImporterText::tr("%1 scalar values were written again for a step already seen; the last one is kept")
                       .arg(replaced_));
    if (firstWallTime_ > 0 && firstWallTime_ < 253402300800.0) {
        run_.startTime = QDateTime::fromMSecsSinceEpoch(qint64(firstWallTime_ * 1000), Qt::UTC);
        run_.runtimeSeconds = lastWallTime_ - firstWallTime_;
    }
    run_.state = cut_ ? QStringLiteral("crashed") : QStringLiteral("finished");
}

} // namespace forkscope
