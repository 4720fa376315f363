#include "store/history_writer.h"

#include <algorithm>

#include "core/exact_integer.h"

#include "store/chunk_codec.h"
#include "store/damaged_chunk.h"
#include "store/store.h"
#include "store/store_transaction.h"

namespace forkscope {

HistoryWriter::HistoryWriter(Store &store, qint64 runKey)
    : store_(store), runKey_(runKey), summary_(store.runInfo(runKey).summary), userSummary_(store.userSummary(runKey))
{
}

int HistoryWriter::keyHandle(const std::string &key)
{
    const auto [it, inserted] = handles_.try_emplace(key, int(series_.size()));
    if (inserted) {
        series_.emplace_back().key = key;
        lastNumbers_.emplace_back();
        lastTexts_.emplace_back();
    }
    return it->second;
}

void HistoryWriter::addNumber(int handle, qint64 step, double value, bool integral)
{
    Series &s = series_[size_t(handle)];
    s.fraction = s.fraction || !integral;
    s.lastIntegral = integral;
    if (s.open.empty())
        s.open.reserve(kChunkCapacity);
    s.open.push_back({step, value});
    if (s.open.size() >= size_t(kChunkCapacity)) {
        s.sealed.push_back(std::move(s.open));
        s.open = PointVector();
    }
    s.dirty = true;
    lastNumbers_[size_t(handle)] = value;
    lastTexts_[size_t(handle)].reset();
    ++pending_;
    firstStep_ = std::min(firstStep_, step);
    lastStep_ = std::max(lastStep_, step);
}

void HistoryWriter::addText(int handle, qint64 step, std::string json)
{
    Series &s = series_[size_t(handle)];
    lastTexts_[size_t(handle)] = parseJson(json, QString::fromStdString(s.key));
    lastNumbers_[size_t(handle)].reset();
    s.texts.emplace_back(step, std::move(json));
    s.dirty = true;
    ++pending_;
    firstStep_ = std::min(firstStep_, step);
    lastStep_ = std::max(lastStep_, step);
}

void HistoryWriter::setUserSummary(const std::string &key, const Json &value)
{
    userSummary_[key] = value;
    summaryDirty_ = true;
}

namespace {

// The points of the key's last stored chunk of the run's own history when
// it is not full; empty when it is full, missing or damaged.
PointVector openChunk(Store &store, qint64 runKey, const std::string &key, qint64 lastStep)
{
    PointVector points;
    const auto refs = store.chunkRefs(runKey, QString::fromStdString(key), {lastStep, lastStep}, History::Own);
    if (refs.empty() || refs.back().summary.count >= kChunkCapacity)
        return points;
    ChunkRef ref = refs.back();
    ref.clip = StepRange();
    try {
        store.readChunk(ref, points);
    } catch (const DamagedChunkError &) {
        points.clear(); // left as it is: `check --repair` deals with it
    }
    if (qint64(points.size()) != ref.summary.count || points.back().step != lastStep)
        points.clear();
    return points;
}

} // namespace

void HistoryWriter::adoptOpenChunk(Series &s)
{
    if (s.adoptChecked || (s.open.empty() && s.sealed.empty()))
        return;
    s.adoptChecked = true; // kept if the flush rolls back: the buffer then holds the old points too
    if (!storedLastSteps_)
        storedLastSteps_ = store_.ownLastStepByKey(runKey_);
    const auto last = storedLastSteps_->find(s.key);
    if (last == storedLastSteps_->end())
        return;
    PointVector all = openChunk(store_, runKey_, s.key, last->second);
    const qint64 firstNew = s.sealed.empty() ? s.open.front().step : s.sealed.front().front().step;
    if (all.empty() || all.back().step >= firstNew)
        return;
    for (const PointVector &chunk : s.sealed)
        all.insert(all.end(), chunk.begin(), chunk.end());
    all.insert(all.end(), s.open.begin(), s.open.end());
    s.sealed.clear();
    s.open.clear();
    for (std::size_t i = 0; i < all.size(); i += std::size_t(kChunkCapacity)) {
        PointVector piece(all.begin() + std::ptrdiff_t(i),
                          all.begin() + std::ptrdiff_t(std::min(all.size(), i + std::size_t(kChunkCapacity))));
        if (piece.size() == std::size_t(kChunkCapacity))
            s.sealed.push_back(std::move(piece));
        else
            s.open = std::move(piece);
    }
}

qint64 HistoryWriter::flush()
{
    for (size_t i = 0; i < series_.size(); ++i) {
        if (lastNumbers_[i]) {
            summary_[series_[i].key] = storedNumber(*lastNumbers_[i], series_[i].lastIntegral);
            summaryDirty_ = true;
        } else if (lastTexts_[i]) {
            summary_[series_[i].key] = *lastTexts_[i];
            summaryDirty_ = true;
        }
        lastNumbers_[i].reset();
        lastTexts_[i].reset();
    }
    const qint64 written = pending_;
    std::vector<Series *> created; // series rows this flush inserts; forgotten if it rolls back
    try {
        StoreWriteBatch tx(store_);
        if (claim_)
            store_.renewClaim(*claim_);
        for (auto &s : series_) {
            if (!s.dirty)
                continue;
            if (s.id == 0) {
                s.id = store_.ensureSeries(runKey_, QString::fromStdString(s.key));
                created.push_back(&s);
            }
            adoptOpenChunk(s);
            if (s.fraction)
                store_.clearIntegral(s.id);
            for (const auto &chunk : s.sealed)
                store_.writeChunk(s.id, chunk.data(), chunk.size());
            store_.writeChunk(s.id, s.open.data(), s.open.size());
            for (const auto &[step, json] : s.texts)
                store_.writeText(s.id, step, json);
        }
        if (summaryDirty_) {
            Json merged = summary_;
            for (auto it = userSummary_.begin(); it != userSummary_.end(); ++it)
                merged[it.key()] = it.value();
            store_.updateSummary(runKey_, merged);
            store_.setUserSummary(runKey_, userSummary_);
        }
        if (firstStep_ <= lastStep_)
            store_.noteOwnSteps(runKey_, firstStep_, lastStep_);
        else
            store_.heartbeat(runKey_);
        tx.commit();
    } catch (...) {
        // Everything stays buffered for the next flush.
        for (Series *s : created)
            s->id = 0;
        throw;
    }
    // Only forget what is now safely stored.
    for (auto &s : series_) {
        s.sealed.clear();
        s.texts.clear();
        s.dirty = false;
        s.fraction = false;
    }
    summaryDirty_ = false;
    pending_ = 0;
    firstStep_ = std::numeric_limits<qint64>::max();
    lastStep_ = std::numeric_limits<qint64>::min();
    return written;
}

} // namespace forkscope
