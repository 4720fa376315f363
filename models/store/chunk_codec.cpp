#include "store/chunk_codec.h"

#include <QCoreApplication>
#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <zlib.h>

#include "core/error.h"
#include "store/store_text.h"
#include "store/xor_float_stream.h"

namespace forkscope {

namespace {

constexpr quint8 kCompressed = 3;
constexpr quint8 kPlain = 2;
constexpr quint8 kPlainWithoutChecksum = 1;
constexpr quint8 kConsecutive = 1;
constexpr quint8 kStrided = 2;   // format 3 only
constexpr quint8 kRawValues = 4; // format 3 only: values as raw f64 (they did not compress)
constexpr quint8 kBlocks = 8;    // format 3 only: a block table precedes the values
// A block record: u32 end of the block's values (bytes from the values'
// start), u32 NaN count, f64 first, last, min, max.
constexpr size_t kBlockRecord = 40;
constexpr size_t kChecksumBytes = 4;
// Steps are qint64; sums of deltas are done in quint64 and must stay below this.
constexpr quint64 kMaxStep = quint64(std::numeric_limits<qint64>::max());

void putVarint(std::string &out, quint64 v)
{
    while (v >= 0x80) {
        out.push_back(char(quint8(v) | 0x80));
        v >>= 7;
    }
    out.push_back(char(v));
}

[[noreturn]] void corrupt()
{
    throw Error(Error::Kind::Storage, StoreText::tr("a history chunk in the store is malformed"));
}

// false when the varint runs past `end` or past 64 bits.
bool getVarint(const unsigned char *&p, const unsigned char *end, quint64 &v)
{
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (p >= end)
            return false;
        const quint8 b = *p++;
        v |= quint64(b & 0x7f) << shift;
        if (!(b & 0x80))
            return true;
    }
    return false;
}

quint32 checksum(const char *data, size_t size)
{
    return quint32(crc32(0L, reinterpret_cast<const Bytef *>(data), uInt(size)));
}

// Where a blob's parts are; nullopt when its structure is broken.
struct Layout {
    quint8 format = kCompressed;
    bool rawValues = false; // count x f64 (always in formats 1 and 2)
    bool consecutive = false;
    quint64 stride = 0; // > 0: step i is first + i * stride
    quint64 count = 0;
    const unsigned char *deltas = nullptr;    // when stride == 0
    const unsigned char *values = nullptr;    // raw f64 (formats 1, 2) or the XOR stream (3)
    const unsigned char *valuesEnd = nullptr; // the checksum follows in formats 2 and 3
    const unsigned char *blocks = nullptr;    // the block table, or null
    size_t blockCount = 0;
};

quint32 getU32(const unsigned char *p)
{
    return quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
}

double getF64(const unsigned char *p)
{
    quint64 v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return std::bit_cast<double>(v);
}

void putU32(std::string &out, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        out.push_back(char(quint8(v >> (8 * i))));
}

void putF64(std::string &out, double d)
{
    const auto v = std::bit_cast<quint64>(d);
    for (int i = 0; i < 8; ++i)
        out.push_back(char(quint8(v >> (8 * i))));
}

size_t blockSize(const Layout &l, size_t b)
{
    return std::min<size_t>(kBlockPoints, size_t(l.count) - b * kBlockPoints);
}
size_t blockStart(const Layout &l, size_t b)
{
    return b == 0 ? 0 : getU32(l.blocks + (b - 1) * kBlockRecord);
}
size_t blockEnd(const Layout &l, size_t b)
{
    return getU32(l.blocks + b * kBlockRecord);
}

std::optional<Layout> parse(std::string_view blob)
{
    const auto *p = reinterpret_cast<const unsigned char *>(blob.data());
    if (blob.size() < 3 || (p[0] != kCompressed && p[0] != kPlain && p[0] != kPlainWithoutChecksum))
        return std::nullopt;
    Layout l;
    l.format = p[0];
    const size_t trailer = l.format == kPlainWithoutChecksum ? 0 : kChecksumBytes;
    if (blob.size() < 3 + trailer)
        return std::nullopt;
    const auto *end = p + blob.size() - trailer;
    const quint8 flags = p[1];
    const quint8 known = l.format == kCompressed ? (kConsecutive | kStrided | kRawValues | kBlocks) : kConsecutive;
    if ((flags & ~known) != 0 || (flags & kConsecutive && flags & kStrided))
        return std::nullopt;
    l.consecutive = flags & kConsecutive;
    l.rawValues = l.format != kCompressed || (flags & kRawValues);
    p += 2;
    if (!getVarint(p, end, l.count) || l.count > quint64(blob.size()) * 8)
        return std::nullopt;
    if (l.consecutive)
        l.stride = 1;
    if (flags & kStrided && (!getVarint(p, end, l.stride) || l.stride == 0))
        return std::nullopt;
    l.deltas = p;
    if (l.stride == 0) {
        quint64 skipped;
        for (quint64 i = 1; i < l.count; ++i) {
            if (!getVarint(p, end, skipped)) // skip to the values to validate the length
                return std::nullopt;
        }
    }
    if (flags & kBlocks) {
        if (l.count <= kBlockPoints)
            return std::nullopt;
        l.blockCount = size_t((l.count + kBlockPoints - 1) / kBlockPoints);
        if (quint64(end - p) < quint64(l.blockCount) * kBlockRecord)
            return std::nullopt;
        l.blocks = p;
        p += l.blockCount * kBlockRecord;
    }
    l.values = p;
    l.valuesEnd = end;
    const auto bytes = quint64(end - p);
    if (l.rawValues ? bytes != l.count * sizeof(double) : bytes < minXorFloatBytes(size_t(l.count)))
        return std::nullopt;
    // Each block's values: where the last ended, as long as its points need.
    for (size_t b = 0; b < l.blockCount; ++b) {
        const size_t from = blockStart(l, b), to = blockEnd(l, b), n = blockSize(l, b);
        if (to < from || to > bytes ||
            (l.rawValues ? to - from != n * sizeof(double) : to - from < minXorFloatBytes(n)))
            return std::nullopt;
    }
    if (l.blockCount > 0 && blockEnd(l, l.blockCount - 1) != bytes)
        return std::nullopt;
    return l;
}

Layout parseOrThrow(std::string_view blob)
{
    const auto l = parse(blob);
    if (!l)
        corrupt();
    return *l;
}

// The step of point i of a strided chunk, or nullopt past the largest step.
bool stridedEnd(qint64 firstStep, const Layout &l, quint64 &last)
{
    if (l.count == 0) {
        last = quint64(firstStep);
        return true;
    }
    const quint64 span = l.count - 1;
    if (span != 0 && l.stride > (kMaxStep - quint64(firstStep)) / span)
        return false;
    last = quint64(firstStep) + span * l.stride;
    return true;
}

// The first n values of the blob; false when the XOR stream is malformed.
bool readValues(const Layout &l, size_t n, double *out)
{
    if (l.rawValues) {
        std::memcpy(out, l.values, n * sizeof(double));
        return true;
    }
    if (l.blockCount == 0)
        return readXorFloats(l.values, size_t(l.valuesEnd - l.values), n, size_t(l.count), out);
    for (size_t b = 0; b * kBlockPoints < n; ++b) {
        const size_t from = blockStart(l, b), size = blockSize(l, b);
        const size_t want = std::min(size, n - b * kBlockPoints);
        if (!readXorFloats(l.values + from, blockEnd(l, b) - from, want, size, out + b * kBlockPoints))
            return false;
    }
    return true;
}

// The steps of points [from, to), each before the next.
bool stepsOf(const Layout &l, qint64 firstStep, size_t from, size_t to, qint64 *out)
{
    if (l.stride > 0) {
        quint64 last = 0;
        if (!stridedEnd(firstStep, l, last))
            return false;
        for (size_t i = from; i < to; ++i)
            out[i - from] = qint64(quint64(firstStep) + quint64(i) * l.stride);
        return true;
    }
    const unsigned char *dp = l.deltas;
    auto step = quint64(firstStep);
    quint64 delta = 0;
    for (size_t i = 0; i < to; ++i) {
        if (i > 0) {
            if (!getVarint(dp, l.values, delta) || delta > kMaxStep - step)
                return false;
            step += delta;
        }
        if (i >= from)
            out[i - from] = qint64(step);
    }
    return true;
}

bool same(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

std::vector<double> &valueScratch()
{
    thread_local std::vector<double> scratch;
    return scratch;
}

} // namespace

std::string encodeChunk(const Point *points, size_t count, ChunkFormat format)
{
    std::string out;
    const bool compressed = format == ChunkFormat::Compressed;
    // Differences in unsigned arithmetic: steps may span the whole qint64 range.
    const quint64 stride = count > 1 ? quint64(points[1].step) - quint64(points[0].step) : 1;
    bool uniform = true;
    for (size_t i = 1; i < count && uniform; ++i)
        uniform = quint64(points[i].step) - quint64(points[i - 1].step) == stride;
    const bool consecutive = uniform && stride == 1;
    const bool strided = compressed && uniform && !consecutive;
    out.push_back(char(compressed ? kCompressed : kPlain));
    out.push_back(char(consecutive ? kConsecutive : strided ? kStrided : 0));
    putVarint(out, count);
    if (strided)
        putVarint(out, stride);
    else if (!consecutive) {
        for (size_t i = 1; i < count; ++i)
            putVarint(out, quint64(points[i].step) - quint64(points[i - 1].step));
    }
    std::string values;
    std::vector<quint32> blockEnds;
    bool raw = !compressed;
    if (compressed) {
        std::vector<double> &v = valueScratch();
        v.resize(count);
        for (size_t i = 0; i < count; ++i)
            v[i] = points[i].value;
        const size_t blockPoints = count > kBlockPoints ? kBlockPoints : count;
        for (size_t from = 0; from < count; from += blockPoints) {
            appendXorFloats(values, v.data() + from, std::min(blockPoints, count - from));
            blockEnds.push_back(quint32(values.size()));
        }
        if (values.size() > count * sizeof(double)) // noise: raw doubles are smaller
            raw = true;
    }
    if (raw) {
        values.resize(count * sizeof(double));
        for (size_t i = 0; i < count; ++i)
            std::memcpy(values.data() + i * sizeof(double), &points[i].value, sizeof(double));
        for (size_t b = 0; b < blockEnds.size(); ++b)
            blockEnds[b] = quint32(std::min(count, (b + 1) * kBlockPoints) * sizeof(double));
    }
    if (compressed) {
        out[1] = char(out[1] | (raw ? kRawValues : 0));
        if (count > kBlockPoints && !raw) {
            // Per block: where its values end, and its summary. (Raw values
            // need none: they are read in place, and the chunk stays no
            // bigger than in format 2.)
            out[1] = char(out[1] | kBlocks);
            for (size_t b = 0; b < blockEnds.size(); ++b) {
                const size_t from = b * kBlockPoints;
                const ChunkSummary s = summarize(points + from, std::min(kBlockPoints, count - from));
                putU32(out, blockEnds[b]);
                putU32(out, quint32(s.nanCount));
                putF64(out, s.first);
                putF64(out, s.last);
                putF64(out, s.min);
                putF64(out, s.max);
            }
        }
    }
    out += values;
    const quint32 crc = checksum(out.data(), out.size());
    for (size_t i = 0; i < kChecksumBytes; ++i)
        out.push_back(char(quint8(crc >> (8 * i))));
    return out;
}

namespace {
std::atomic<ChunkFormat> writtenFormat{ChunkFormat::Compressed};
}

ChunkFormat writtenChunkFormat()
{
    return writtenFormat.load(std::memory_order_relaxed);
}

void setWrittenChunkFormat(ChunkFormat format)
{
    writtenFormat.store(format, std::memory_order_relaxed);
}

int chunkFormat(std::string_view blob)
{
    return blob.empty() ? 0 : int(quint8(blob[0]));
}

namespace {

// decodeChunk on a parsed blob; `decoded`, when given, holds all its values
// already.
void decodeLayout(const Layout &l, qint64 firstStep, StepRange clip, PointVector &out, const double *decoded)
{
    const size_t count = size_t(l.count);
    std::vector<double> &scratch = valueScratch();
    const size_t at = out.size();
    if (l.stride > 0) {
        // The points in `clip` are one index window: decode up to its end.
        quint64 last = 0;
        if (!stridedEnd(firstStep, l, last))
            corrupt();
        const quint64 stride = l.stride;
        size_t from = 0, to = 0;
        if (clip.lo > firstStep) {
            const quint64 d = quint64(clip.lo) - quint64(firstStep);
            from = size_t(std::min<quint64>(count, d / stride + (d % stride != 0)));
        }
        if (clip.hi >= firstStep) {
            const quint64 index = (quint64(clip.hi) - quint64(firstStep)) / stride;
            to = index >= count ? count : size_t(index + 1);
        }
        if (from >= to)
            return;
        if (!decoded) {
            scratch.resize(to);
            if (!readValues(l, to, scratch.data()))
                corrupt();
        }
        const double *values = decoded ? decoded : scratch.data();
        out.resize(at + (to - from));
        Point *dst = out.data() + at;
        for (size_t i = from; i < to; ++i, ++dst) {
            dst->step = qint64(quint64(firstStep) + quint64(i) * stride);
            dst->value = values[i];
        }
        return;
    }
    if (!decoded) {
        scratch.resize(count);
        if (!readValues(l, count, scratch.data()))
            corrupt();
    }
    const double *values = decoded ? decoded : scratch.data();
    const unsigned char *dp = l.deltas;
    qint64 step = firstStep;
    quint64 delta = 0;
    for (size_t i = 0; i < count; ++i) {
        if (i > 0) {
            // A delta past the largest step would wrap round to a smaller one.
            if (!getVarint(dp, l.values, delta) || delta > kMaxStep - quint64(step)) {
                out.resize(at);
                corrupt();
            }
            step = qint64(quint64(step) + delta);
        }
        if (step > clip.hi)
            return;
        if (step < clip.lo)
            continue;
        out.push_back({step, values[i]});
    }
}

} // namespace

void decodeChunk(std::string_view blob, qint64 firstStep, StepRange clip, PointVector &out)
{
    decodeLayout(parseOrThrow(blob), firstStep, clip, out, nullptr);
}

std::optional<ConsecutiveValues> consecutiveValues(std::string_view blob, qint64 firstStep,
                                                   std::vector<double> &scratch)
{
    const Layout l = parseOrThrow(blob);
    if (!l.consecutive)
        return std::nullopt;
    if (l.rawValues)
        return ConsecutiveValues{firstStep, size_t(l.count), reinterpret_cast<const char *>(l.values)};
    scratch.resize(size_t(l.count));
    if (!readValues(l, size_t(l.count), scratch.data()))
        corrupt();
    return ConsecutiveValues{firstStep, size_t(l.count), reinterpret_cast<const char *>(scratch.data())};
}

namespace {

struct ValueStats {
    double min, max;
    qint64 nans;
};

// The min, max and NaN count of `n` values, calling each(i, value) on the
// way. Branch-free (min/max instructions): NaNs are skipped by the compares
// and counted apart; values that are all NaN have NaN for min and max.
template <class Each> ValueStats foldValues(const double *v, size_t n, Each each)
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    qint64 nans = 0;
    for (size_t i = 0; i < n; ++i) {
        const double x = v[i];
        lo = x < lo ? x : lo;
        hi = x > hi ? x : hi;
        nans += x != x;
        each(i, x);
    }
    if (nans == qint64(n))
        lo = hi = std::numeric_limits<double>::quiet_NaN();
    return {lo, hi, nans};
}

// checkChunk, leaving the decoded values in `values`; `fold` computes their
// ValueStats (and may use them on the way).
template <class Fold>
ChunkCheck checkLayout(std::string_view blob, const std::optional<Layout> &l, const ChunkSummary &summary,
                       std::vector<double> &values, bool verifyBlocks, Fold fold)
{
    const auto damaged = [](const QString &why) { return ChunkCheck{ChunkHealth::Damaged, why}; };
    if (!l)
        return damaged(StoreText::tr("its bytes are not a valid chunk"));
    const auto *valuesEnd = reinterpret_cast<const char *>(l->valuesEnd);
    if (l->format != kPlainWithoutChecksum) {
        quint32 stored = 0;
        for (size_t i = 0; i < kChecksumBytes; ++i)
            stored |= quint32(quint8(valuesEnd[i])) << (8 * i);
        if (stored != checksum(blob.data(), size_t(valuesEnd - blob.data())))
            return damaged(StoreText::tr("its checksum does not match its bytes"));
    }
    if (qint64(l->count) != summary.count)
        return damaged(StoreText::tr("it holds %1 points where its summary says %2").arg(l->count).arg(summary.count));
    // Steps: strictly increasing, ending where the summary says.
    quint64 last = quint64(summary.firstStep);
    if (l->stride > 0) {
        if (!stridedEnd(summary.firstStep, *l, last))
            return damaged(StoreText::tr("its steps are not increasing"));
    } else {
        const unsigned char *dp = l->deltas;
        quint64 delta = 0;
        for (quint64 i = 1; i < l->count; ++i) {
            if (!getVarint(dp, l->values, delta) || delta == 0 || delta > kMaxStep - last)
                return damaged(StoreText::tr("its steps are not increasing"));
            last += delta;
        }
    }
    if (qint64(last) != summary.lastStep)
        return damaged(
            StoreText::tr("its steps end at %1 where its summary says %2").arg(qint64(last)).arg(summary.lastStep));
    values.resize(size_t(l->count));
    if (!readValues(*l, values.size(), values.data()))
        return damaged(StoreText::tr("its bytes are not a valid chunk"));
    const size_t n = values.size();
    const ValueStats stats = fold(values.data(), n);
    const double first = n > 0 ? values[0] : std::numeric_limits<double>::quiet_NaN();
    const double lastValue = n > 0 ? values[n - 1] : first;
    if (stats.nans != summary.nanCount || !same(first, summary.first) || !same(lastValue, summary.last) ||
        !same(stats.min, summary.min) || !same(stats.max, summary.max))
        return damaged(StoreText::tr("its values contradict its summary (first, last, min, max or NaN count)"));
    // The block table is covered by the checksum: a sound checksum means it
    // is what the writer wrote. Whether the writer's summaries agree with
    // their values is checked by `check`, not on every read.
    if (!verifyBlocks)
        return {l->format == kPlainWithoutChecksum ? ChunkHealth::Unverified : ChunkHealth::Sound, {}};
    for (size_t b = 0; b < l->blockCount; ++b) {
        const unsigned char *r = l->blocks + b * kBlockRecord;
        const size_t from = b * kBlockPoints, to = from + blockSize(*l, b);
        double bLo = std::numeric_limits<double>::quiet_NaN(), bHi = bLo;
        qint64 bNans = 0;
        for (size_t i = from; i < to; ++i) {
            const double v = values[i];
            if (std::isnan(v)) {
                ++bNans;
                continue;
            }
            if (!(v >= bLo))
                bLo = v;
            if (!(v <= bHi))
                bHi = v;
        }
        if (qint64(getU32(r + 4)) != bNans || !same(getF64(r + 8), values[from]) ||
            !same(getF64(r + 16), values[to - 1]) || !same(getF64(r + 24), bLo) || !same(getF64(r + 32), bHi))
            return damaged(StoreText::tr("its values contradict its block summaries"));
    }
    return {l->format == kPlainWithoutChecksum ? ChunkHealth::Unverified : ChunkHealth::Sound, {}};
}

std::vector<double> &checkScratch()
{
    thread_local std::vector<double> scratch;
    return scratch;
}

} // namespace

ChunkCheck checkChunk(std::string_view blob, const ChunkSummary &summary)
{
    return checkLayout(blob, parse(blob), summary, checkScratch(), true,
                       [](const double *v, size_t n) { return foldValues(v, n, [](size_t, double) {}); });
}

ChunkCheck decodeCheckedChunk(std::string_view blob, const ChunkSummary &summary, StepRange clip, PointVector &out)
{
    const auto l = parse(blob);
    std::vector<double> &values = checkScratch();
    const size_t at = out.size();
    // A whole chunk at regular steps (nearly every chunk of a history read):
    // its points are appended in the pass that folds its values, and taken
    // back if they contradict the summary.
    if (l && l->stride > 0 && clip.lo <= summary.firstStep && clip.hi >= summary.lastStep) {
        const auto fold = [&](const double *v, size_t n) {
            if (out.capacity() < at + n)
                out.reserve(std::max(at + n, 2 * out.capacity()));
            const auto first = quint64(summary.firstStep), stride = l->stride;
            return foldValues(v, n, [&](size_t i, double x) { out.push_back({qint64(first + i * stride), x}); });
        };
        ChunkCheck check = checkLayout(blob, l, summary, values, false, fold);
        if (check.health == ChunkHealth::Damaged)
            out.resize(at);
        return check;
    }
    ChunkCheck check = checkLayout(blob, l, summary, values, false,
                                   [](const double *v, size_t n) { return foldValues(v, n, [](size_t, double) {}); });
    if (check.health != ChunkHealth::Damaged)
        decodeLayout(*l, summary.firstStep, clip, out, values.data());
    return check;
}

std::vector<ChunkSummary> blockSummaries(std::string_view blob, qint64 firstStep)
{
    const Layout l = parseOrThrow(blob);
    std::vector<ChunkSummary> out(l.blockCount);
    std::vector<qint64> steps(size_t(l.count));
    if (l.blockCount > 0 && !stepsOf(l, firstStep, 0, steps.size(), steps.data()))
        corrupt();
    for (size_t b = 0; b < l.blockCount; ++b) {
        const unsigned char *r = l.blocks + b * kBlockRecord;
        ChunkSummary &s = out[b];
        const size_t from = b * kBlockPoints, n = blockSize(l, b);
        s.firstStep = steps[from];
        s.lastStep = steps[from + n - 1];
        s.count = qint64(n);
        s.nanCount = qint64(getU32(r + 4));
        s.first = getF64(r + 8);
        s.last = getF64(r + 16);
        s.min = getF64(r + 24);
        s.max = getF64(r + 32);
    }
    return out;
}

void decodeBlock(std::string_view blob, qint64 firstStep, size_t block, StepRange clip, PointVector &out)
{
    const Layout l = parseOrThrow(blob);
    if (block >= l.blockCount)
        corrupt();
    const size_t from = block * kBlockPoints, n = blockSize(l, block);
    std::vector<double> &values = valueScratch();
    values.resize(n);
    qint64 steps[kBlockPoints];
    const size_t start = blockStart(l, block);
    const bool read = l.rawValues ? (std::memcpy(values.data(), l.values + start, n * sizeof(double)), true)
                                  : readXorFloats(l.values + start, blockEnd(l, block) - start, n, n, values.data());
    if (!read || !stepsOf(l, firstStep, from, from + n, steps))
        corrupt();
    for (size_t i = 0; i < n; ++i) {
        if (clip.contains(steps[i]))
            out.push_back({steps[i], values[i]});
    }
}

ChunkSummary summarize(const Point *points, size_t count)
{
    ChunkSummary s;
    if (count == 0)
        return s;
    s.firstStep = points[0].step;
    s.lastStep = points[count - 1].step;
    s.count = qint64(count);
    s.first = points[0].value;
    s.last = points[count - 1].value;
    for (size_t i = 0; i < count; ++i) {
        const double v = points[i].value;
        if (std::isnan(v)) {
            ++s.nanCount;
            continue;
        }
        if (std::isnan(s.min) || v < s.min)
            s.min = v;
        if (std::isnan(s.max) || v > s.max)
            s.max = v;
    }
    return s;
}

} // namespace forkscope
