#include "store/chunk_codec.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <zlib.h>

#include "core/error.h"
#include "store/store_text.h"

namespace forkscope {

namespace {

// Format 2 ends with a CRC-32; format 1 (stores written before checksums)
// has none and is still read.
constexpr quint8 kFormat = 2;
constexpr quint8 kFormatWithoutChecksum = 1;
constexpr quint8 kConsecutive = 1;
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
    quint8 format = kFormat;
    bool consecutive = false;
    quint64 count = 0;
    const unsigned char *deltas = nullptr;
    const unsigned char *values = nullptr; // count x f64; the checksum follows in format 2
};

std::optional<Layout> parse(std::string_view blob)
{
    const auto *p = reinterpret_cast<const unsigned char *>(blob.data());
    if (blob.size() < 3 || (p[0] != kFormat && p[0] != kFormatWithoutChecksum))
        return std::nullopt;
    Layout l;
    l.format = p[0];
    const size_t trailer = l.format == kFormat ? kChecksumBytes : 0;
    if (blob.size() < 3 + trailer)
        return std::nullopt;
    const auto *end = p + blob.size() - trailer;
    l.consecutive = p[1] & kConsecutive;
    p += 2;
    if (!getVarint(p, end, l.count) || l.count > quint64(blob.size()))
        return std::nullopt;
    l.deltas = p;
    if (!l.consecutive) {
        quint64 skipped;
        for (quint64 i = 1; i < l.count; ++i) {
            if (!getVarint(p, end, skipped)) // skip to the values to validate the length
                return std::nullopt;
        }
    }
    if (quint64(end - p) != l.count * sizeof(double))
        return std::nullopt;
    l.values = p;
    return l;
}

Layout parseOrThrow(std::string_view blob)
{
    const auto l = parse(blob);
    if (!l)
        corrupt();
    return *l;
}

bool same(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

} // namespace

std::string encodeChunk(const Point *points, size_t count)
{
    std::string out;
    bool consecutive = true;
    for (size_t i = 1; i < count && consecutive; ++i)
        consecutive = points[i].step == points[i - 1].step + 1;
    out.reserve(2 + 10 + (consecutive ? 0 : count) + count * sizeof(double) + kChecksumBytes);
    out.push_back(char(kFormat));
    out.push_back(char(consecutive ? kConsecutive : 0));
    putVarint(out, count);
    if (!consecutive) {
        for (size_t i = 1; i < count; ++i)
            putVarint(out, quint64(points[i].step - points[i - 1].step));
    }
    const size_t at = out.size();
    out.resize(at + count * sizeof(double));
    char *dst = out.data() + at;
    for (size_t i = 0; i < count; ++i)
        std::memcpy(dst + i * sizeof(double), &points[i].value, sizeof(double));
    const quint32 crc = checksum(out.data(), out.size());
    for (size_t i = 0; i < kChecksumBytes; ++i)
        out.push_back(char(quint8(crc >> (8 * i))));
    return out;
}

void decodeChunk(std::string_view blob, qint64 firstStep, StepRange clip, PointVector &out)
{
    const Layout l = parseOrThrow(blob);
    const quint64 count = l.count;
    const unsigned char *values = l.values;
    if (l.consecutive) {
        // The points in `clip` are one index window: copy it in one go.
        const auto [from, to] = indexWindow(firstStep, size_t(count), clip);
        if (from >= to)
            return;
        const size_t at = out.size();
        out.resize(at + (to - from));
        Point *dst = out.data() + at;
        for (size_t i = from; i < to; ++i, ++dst) {
            dst->step = firstStep + qint64(i);
            std::memcpy(&dst->value, values + i * sizeof(double), sizeof(double));
        }
        return;
    }
    const unsigned char *dp = l.deltas;
    qint64 step = firstStep;
    quint64 delta = 0;
    for (quint64 i = 0; i < count; ++i) {
        if (i > 0) {
            // A delta past the largest step would wrap round to a smaller one.
            if (!getVarint(dp, values, delta) || delta > kMaxStep - quint64(step))
                corrupt();
            step = qint64(quint64(step) + delta);
        }
        if (step > clip.hi)
            return;
        if (step < clip.lo)
            continue;
        double v;
        std::memcpy(&v, values + i * sizeof(double), sizeof(double));
        out.push_back({step, v});
    }
}

std::optional<ConsecutiveValues> consecutiveValues(std::string_view blob, qint64 firstStep)
{
    const Layout l = parseOrThrow(blob);
    if (!l.consecutive)
        return std::nullopt;
    return ConsecutiveValues{firstStep, size_t(l.count), reinterpret_cast<const char *>(l.values)};
}

ChunkCheck checkChunk(std::string_view blob, const ChunkSummary &summary)
{
    const auto damaged = [](const QString &why) { return ChunkCheck{ChunkHealth::Damaged, why}; };
    const auto l = parse(blob);
    if (!l)
        return damaged(StoreText::tr("its bytes are not a valid chunk"));
    const char *valuesEnd = reinterpret_cast<const char *>(l->values) + l->count * sizeof(double);
    if (l->format == kFormat) {
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
    if (l->consecutive) {
        last += l->count - 1;
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
    double lo = std::numeric_limits<double>::quiet_NaN(), hi = lo, first = lo, lastValue = lo;
    qint64 nans = 0;
    for (quint64 i = 0; i < l->count; ++i) {
        double v;
        std::memcpy(&v, l->values + i * sizeof(double), sizeof(double));
        if (i == 0)
            first = v;
        lastValue = v;
        if (std::isnan(v)) {
            ++nans;
            continue;
        }
        if (!(v >= lo)) // also true while lo is NaN
            lo = v;
        if (!(v <= hi))
            hi = v;
    }
    if (nans != summary.nanCount || !same(first, summary.first) || !same(lastValue, summary.last) ||
        !same(lo, summary.min) || !same(hi, summary.max))
        return damaged(StoreText::tr("its values contradict its summary (first, last, min, max or NaN count)"));
    return {l->format == kFormat ? ChunkHealth::Sound : ChunkHealth::Unverified, {}};
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
