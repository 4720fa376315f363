#include "history/series_query.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "history/m4_reducer.h"
#include "history/pixel_mapping.h"
#include "store/chunk_codec.h"
#include "store/damaged_chunk.h"
#include "store/store_transaction.h"

namespace forkscope {

namespace {

constexpr qint64 kMinStep = std::numeric_limits<qint64>::min();
constexpr qint64 kMaxStep = std::numeric_limits<qint64>::max();
constexpr size_t kMaxIndexes = 512;
constexpr size_t kMaxWeightsPerSeries = 2;

// The steps a reference can hold: its chunk as cut by its segment.
qint64 refLo(const ChunkRef &r)
{
    return std::max(r.summary.firstStep, r.clip.lo);
}
qint64 refHi(const ChunkRef &r)
{
    return std::min(r.summary.lastStep, r.clip.hi);
}

bool sameSegments(const std::vector<HistorySegment> &a, const std::vector<HistorySegment> &b)
{
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](const HistorySegment &x, const HistorySegment &y) {
               return x.run == y.run && x.steps.lo == y.steps.lo && x.steps.hi == y.steps.hi;
           });
}

std::vector<ChunkRef> segmentRefs(Store &store, const HistorySegment &seg, const QString &key, qint64 from)
{
    std::vector<ChunkRef> refs =
        store.chunkRefs(seg.run, key, {std::max(from, seg.steps.lo), seg.steps.hi}, History::Own);
    for (ChunkRef &r : refs) {
        r.clip = seg.steps;
        r.whole = r.summary.firstStep >= seg.steps.lo && r.summary.lastStep <= seg.steps.hi;
    }
    return refs;
}

// The part of `v` whose steps lie in `clip`.
ConsecutiveValues clipped(ConsecutiveValues v, StepRange clip)
{
    const auto [from, to] = indexWindow(v.firstStep, v.count, clip);
    return {v.firstStep + qint64(from), to - from, v.values + from * sizeof(double)};
}

// Feeds points to the inherited or the own reducer by step.
struct SplitReducer {
    SplitReducer(const ColumnMapping &cols, std::optional<qint64> split) : inherited(cols), own(cols), split(split) {}

    M4Reducer inherited;
    M4Reducer own;
    std::optional<qint64> split;
    std::optional<Point> lastInherited;

    bool isInherited(qint64 step) const { return split && step <= *split; }

    void addPoints(std::span<const Point> points)
    {
        if (points.empty())
            return;
        auto mid = points.begin();
        if (split)
            mid = std::upper_bound(points.begin(), points.end(), *split,
                                   [](qint64 s, const Point &p) { return s < p.step; });
        if (mid != points.begin()) {
            inherited.addPoints({points.begin(), mid});
            lastInherited = *(mid - 1);
        }
        own.addPoints({mid, points.end()});
    }
    // A whole chunk on one side of the split, its values in place.
    void addConsecutive(const ConsecutiveValues &v, bool inheritedSide)
    {
        if (v.count == 0)
            return;
        if (inheritedSide) {
            inherited.addConsecutive(v.firstStep, v.values, v.count);
            double last;
            std::memcpy(&last, v.values + (v.count - 1) * sizeof(double), sizeof(double));
            lastInherited = Point{v.firstStep + qint64(v.count) - 1, last};
        } else {
            own.addConsecutive(v.firstStep, v.values, v.count);
        }
    }
    void addSummary(const ChunkSummary &s, bool inheritedSide)
    {
        if (inheritedSide) {
            inherited.addSummary(s);
            if (s.count > 0)
                lastInherited = Point{s.lastStep, s.last};
        } else {
            own.addSummary(s);
        }
    }
    void finish(PointVector &inh, PointVector &ownOut)
    {
        inh = inherited.finish();
        ownOut = own.finish();
        // The own line starts where the inherited one ends.
        if (!inh.empty() && !ownOut.empty())
            ownOut.insert(ownOut.begin(), inh.back());
    }
};

std::vector<EnvelopeColumn> envelopeOf(const ColumnMapping &cols, const PointVector &a, const PointVector &b)
{
    std::vector<EnvelopeColumn> out;
    qint64 col = std::numeric_limits<qint64>::min();
    EnvelopeColumn cur;
    bool open = false;
    auto close = [&] {
        if (open && cur.hi > cur.lo)
            out.push_back(cur);
        open = false;
    };
    for (const PointVector *v : {&a, &b}) {
        for (const Point &p : *v) {
            if (!cols.range().contains(p.step) || !std::isfinite(p.value))
                continue;
            const qint64 c = cols.column(p.step);
            if (!open || c != col) {
                close();
                col = c;
                open = true;
                cur.firstStep = qint64(cols.firstStepOfColumn(c));
                cur.lastStep = qint64(cols.firstStepOfColumn(c + 1) - 1);
                cur.lo = cur.hi = p.value;
            } else {
                cur.lo = std::min(cur.lo, p.value);
                cur.hi = std::max(cur.hi, p.value);
            }
        }
    }
    close();
    return out;
}

constexpr char kUnchecked = 0;
constexpr char kSound = 1;
constexpr char kDamaged = 2;

// Hands ref i's blob to `use` unless the chunk is damaged; checks it the
// first time. False (and marked) when damaged.
bool withCheckedBlob(Store &store, SeriesCache::Index &ix, size_t i, const std::function<void(std::string_view)> &use)
{
    if (ix.checked[i] == kDamaged)
        return false;
    try {
        store.withChunkBlob(ix.refs[i], use,
                            ix.checked[i] == kSound ? ChunkVerification::Trusted : ChunkVerification::Verify);
        ix.checked[i] = kSound;
        return true;
    } catch (const DamagedChunkError &) {
        ix.checked[i] = kDamaged;
        return false;
    }
}

bool readChecked(Store &store, SeriesCache::Index &ix, size_t i, PointVector &out)
{
    const ChunkRef &ref = ix.refs[i];
    return withCheckedBlob(store, ix, i,
                           [&](std::string_view blob) { decodeChunk(blob, ref.summary.firstStep, ref.clip, out); });
}

} // namespace

SeriesCache::Index &SeriesCache::index(Store &store, qint64 run, const QString &key)
{
    const std::vector<HistorySegment> segs = store.segments(run);
    auto found = indexes_.find({run, key});
    if (found == indexes_.end() && indexes_.size() >= kMaxIndexes) {
        auto oldest = std::min_element(indexes_.begin(), indexes_.end(), [](const auto &a, const auto &b) {
            return a.second.lastUse < b.second.lastUse;
        });
        indexes_.erase(oldest);
    }
    Index &ix = indexes_[{run, key}];
    ix.lastUse = ++clock_;
    if (!sameSegments(segs, ix.segments) || found == indexes_.end()) {
        ix = Index{};
        ix.lastUse = clock_;
        ix.segments = segs;
        for (const HistorySegment &seg : segs) {
            auto refs = segmentRefs(store, seg, key, kMinStep);
            ix.refs.insert(ix.refs.end(), refs.begin(), refs.end());
        }
        return ix;
    }
    if (segs.empty())
        return ix;
    // Live runs: only the last segment grows; re-read from its last chunk
    // (the open one, rewritten on every flush) onwards.
    const HistorySegment &seg = segs.back();
    size_t k = ix.refs.size();
    if (k > 0 && ix.refs.back().clip.lo == seg.steps.lo && ix.refs.back().clip.hi == seg.steps.hi &&
        ix.refs.back().series != 0)
        --k;
    const qint64 from = k < ix.refs.size() ? ix.refs[k].summary.firstStep : seg.steps.lo;
    std::vector<ChunkRef> tail = segmentRefs(store, seg, key, from);
    const bool unchanged = k < ix.refs.size() && tail.size() == 1 && tail[0].series == ix.refs[k].series &&
                           tail[0].summary.lastStep == ix.refs[k].summary.lastStep &&
                           tail[0].summary.count == ix.refs[k].summary.count;
    if (unchanged || (k == ix.refs.size() && tail.empty()))
        return ix;
    ix.refs.resize(k);
    ix.refs.insert(ix.refs.end(), tail.begin(), tail.end());
    ix.checked.resize(std::min(ix.checked.size(), k));
    for (auto &[w, chunks] : ix.smooth) {
        if (chunks.size() > k)
            chunks.resize(k);
    }
    return ix;
}

const std::vector<SeriesCache::SmoothChunk> &SeriesCache::smoothed(Store &store, Index &ix, double weight)
{
    if (ix.smooth.size() >= kMaxWeightsPerSeries && !ix.smooth.contains(weight))
        ix.smooth.clear();
    std::vector<SmoothChunk> &v = ix.smooth[weight];
    EmaState state = v.empty() ? EmaState{} : v.back().after;
    PointVector raw, smooth;
    ix.checked.resize(ix.refs.size(), kUnchecked);
    for (size_t i = v.size(); i < ix.refs.size(); ++i) {
        raw.clear();
        smooth.clear();
        readChecked(store, ix, i, raw); // a damaged chunk smooths as no points
        EmaSmoother ema(weight, state);
        ema.smooth(raw, smooth);
        SmoothChunk c;
        c.before = state;
        c.summary = summarize(smooth.data(), smooth.size());
        state = ema.state();
        c.after = state;
        v.push_back(c);
    }
    return v;
}

StepRange SeriesCache::extent(Store &store, qint64 run, const QString &key)
{
    std::lock_guard lock(mutex_);
    const StoreSnapshot snapshot(store);
    const Index &ix = index(store, run, key);
    if (ix.refs.empty())
        return {1, 0};
    return {refLo(ix.refs.front()), refHi(ix.refs.back())};
}

std::vector<Point> SeriesCache::chunkEnds(Store &store, qint64 run, const QString &key)
{
    std::lock_guard lock(mutex_);
    const StoreSnapshot snapshot(store);
    const Index &ix = index(store, run, key);
    std::vector<Point> out;
    out.reserve(ix.refs.size() * 2);
    for (const ChunkRef &r : ix.refs) {
        if (r.summary.count <= 0)
            continue;
        if (r.clip.contains(r.summary.firstStep))
            out.push_back({r.summary.firstStep, r.summary.first});
        if (r.summary.count > 1 && r.clip.contains(r.summary.lastStep))
            out.push_back({r.summary.lastStep, r.summary.last});
    }
    return out;
}

void SeriesCache::clear()
{
    std::lock_guard lock(mutex_);
    indexes_.clear();
}

ReducedSeries SeriesCache::query(Store &store, const SeriesQuery &q)
{
    std::lock_guard lock(mutex_);
    const StoreSnapshot snapshot(store);
    Index &ix = index(store, q.run, q.key);
    ReducedSeries out;
    if (ix.refs.empty())
        return out;
    const std::vector<ChunkRef> &refs = ix.refs;
    out.extent = {refLo(refs.front()), refHi(refs.back())};
    StepRange range = q.range;
    if (range.lo == kMinStep && range.hi == kMaxStep)
        range = out.extent;
    if (range.empty())
        return out;
    const int width = std::max(q.width, 1);
    const ColumnMapping cols(range, width);
    out.range = range;
    out.width = width;

    std::optional<qint64> split = q.forkStep;
    if (!split && ix.segments.size() > 1)
        split = ix.segments[ix.segments.size() - 2].steps.hi;

    const double weight = std::clamp(std::isnan(q.smoothing) ? 0.0 : q.smoothing, 0.0, EmaSmoother::kMaxWeight);
    const std::vector<SmoothChunk> *sm = weight > 0 ? &smoothed(store, ix, weight) : nullptr;

    // The chunks in range plus one on either side (the edge neighbours).
    const auto n = qint64(refs.size());
    const qint64 i0 =
        std::partition_point(refs.begin(), refs.end(), [&](const ChunkRef &r) { return refHi(r) < range.lo; }) -
        refs.begin();
    const qint64 i1 =
        (std::partition_point(refs.begin(), refs.end(), [&](const ChunkRef &r) { return refLo(r) <= range.hi; }) -
         refs.begin()) -
        1;
    const qint64 from = std::max<qint64>(0, std::min(i0, i1 + 1) - 1);
    const qint64 to = std::min<qint64>(n - 1, std::max(i1, i0 - 1) + 1);

    SplitReducer raw(cols, split);
    SplitReducer smooth(cols, split);
    PointVector buffer, smoothBuffer;
    std::vector<double> valueScratch; // format-3 chunks decode their values here
    PointVector blockBuffer;
    ix.checked.resize(refs.size(), kUnchecked);
    // A damaged chunk is left out and lifts the pen over its steps.
    const auto skipDamaged = [&](qint64 lo, qint64 hi) {
        out.damaged.push_back({lo, hi});
        const Point gap{lo, std::numeric_limits<double>::quiet_NaN()};
        raw.addPoints({&gap, 1});
        if (sm)
            smooth.addPoints({&gap, 1});
    };
    for (qint64 i = from; i <= to; ++i) {
        const ChunkRef &ref = refs[size_t(i)];
        const qint64 lo = refLo(ref), hi = refHi(ref);
        if (ix.checked[size_t(i)] == kDamaged) {
            skipDamaged(lo, hi);
            continue;
        }
        const bool outside = hi < range.lo || lo > range.hi;
        const bool oneSide = !split || hi <= *split || lo > *split;
        const bool inheritedSide = split && hi <= *split;
        if (!outside)
            out.pointsInRange += ref.summary.count;
        // A summary with NaNs cannot say where its gaps are: decode those
        // (their first and last points are exact, so off-screen they serve).
        const bool rawSummary =
            ref.whole && oneSide && (outside || (ref.summary.nanCount == 0 && summarySuffices(cols, lo, hi)));
        bool smoothSummary = true;
        if (sm) {
            const ChunkSummary &s = (*sm)[size_t(i)].summary;
            const bool sOutside = s.lastStep < range.lo || s.firstStep > range.hi;
            smoothSummary = oneSide && (s.count == 0 || sOutside ||
                                        (s.nanCount == 0 && summarySuffices(cols, s.firstStep, s.lastStep)));
        }
        const bool decode = !rawSummary || !smoothSummary;
        bool reduced = false; // fed to `raw` straight from the blob
        if (decode) {
            buffer.clear();
            const bool sound = withCheckedBlob(store, ix, size_t(i), [&](std::string_view blob) {
                // Without smoothing, a whole one-sided chunk with block
                // summaries is drawn block by block, like chunks are.
                if (!sm && oneSide && ref.whole) {
                    const std::vector<ChunkSummary> blocks = blockSummaries(blob, ref.summary.firstStep);
                    for (size_t b = 0; b < blocks.size(); ++b) {
                        const ChunkSummary &s = blocks[b];
                        const bool blockOutside = s.lastStep < range.lo || s.firstStep > range.hi;
                        if (blockOutside || (s.nanCount == 0 && summarySuffices(cols, s.firstStep, s.lastStep))) {
                            raw.addSummary(s, inheritedSide);
                            ++out.reads.blocksSummarized;
                        } else {
                            blockBuffer.clear();
                            decodeBlock(blob, ref.summary.firstStep, b, ref.clip, blockBuffer);
                            raw.addPoints(blockBuffer);
                            ++out.reads.blocksDecoded;
                        }
                    }
                    if (!blocks.empty()) {
                        reduced = true;
                        return;
                    }
                }
                // Without smoothing, a one-sided chunk of consecutive steps
                // (the common case) is reduced in place, never decoded.
                const auto values =
                    !sm && oneSide ? consecutiveValues(blob, ref.summary.firstStep, valueScratch) : std::nullopt;
                if (values) {
                    raw.addConsecutive(clipped(*values, ref.clip), inheritedSide);
                    reduced = true;
                } else {
                    decodeChunk(blob, ref.summary.firstStep, ref.clip, buffer);
                }
            });
            ++out.reads.decoded;
            if (!sound) {
                skipDamaged(lo, hi);
                continue;
            }
        } else {
            ++out.reads.summarized;
            out.reads.summarizedInRange += !outside;
        }
        if (rawSummary)
            raw.addSummary(ref.summary, inheritedSide);
        else if (!reduced)
            raw.addPoints(buffer);
        if (sm) {
            if (smoothSummary) {
                smooth.addSummary((*sm)[size_t(i)].summary, inheritedSide);
            } else {
                smoothBuffer.clear();
                EmaSmoother ema(weight, (*sm)[size_t(i)].before);
                ema.smooth(buffer, smoothBuffer);
                smooth.addPoints(smoothBuffer);
            }
        }
    }
    raw.finish(out.inherited, out.own);
    if (sm)
        smooth.finish(out.smoothedInherited, out.smoothedOwn);
    if (raw.lastInherited && range.contains(raw.lastInherited->step) && !std::isnan(raw.lastInherited->value) &&
        split && raw.lastInherited->step <= *split)
        out.forkPoint = raw.lastInherited;
    if (out.pointsInRange > width)
        out.envelope = envelopeOf(cols, out.inherited, out.own);
    return out;
}

ReducedSeries querySeries(Store &store, const SeriesQuery &q)
{
    SeriesCache cache;
    return cache.query(store, q);
}

PointVector readEffective(Store &store, qint64 run, const QString &key, double smoothing)
{
    PointVector points = store.readSeries(run, key);
    if (smoothing > 0)
        return emaSmooth(points, smoothing);
    return points;
}

} // namespace forkscope
