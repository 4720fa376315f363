#include "store/chunk_codec.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/error.h"

namespace fs {

namespace {

constexpr quint8 kFormat = 1;
constexpr quint8 kConsecutive = 1;

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
    throw Error(Error::Kind::Storage,
                QCoreApplication::translate("fs::Store", "a history chunk in the store is malformed"));
}

quint64 getVarint(const unsigned char *&p, const unsigned char *end)
{
    quint64 v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (p >= end)
            corrupt();
        const quint8 b = *p++;
        v |= quint64(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v;
    }
    corrupt();
}

} // namespace

std::string encodeChunk(const Point *points, size_t count)
{
    std::string out;
    bool consecutive = true;
    for (size_t i = 1; i < count && consecutive; ++i)
        consecutive = points[i].step == points[i - 1].step + 1;
    out.reserve(2 + 10 + (consecutive ? 0 : count) + count * sizeof(double));
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
    return out;
}

void decodeChunk(std::string_view blob, qint64 firstStep, StepRange clip, PointVector &out)
{
    const auto *p = reinterpret_cast<const unsigned char *>(blob.data());
    const auto *end = p + blob.size();
    if (blob.size() < 3 || p[0] != kFormat)
        corrupt();
    const bool consecutive = p[1] & kConsecutive;
    p += 2;
    const quint64 count = getVarint(p, end);
    if (count > quint64(blob.size()))
        corrupt();
    const unsigned char *deltas = p;
    if (!consecutive) {
        for (quint64 i = 1; i < count; ++i)
            getVarint(p, end); // skip to the values to validate the length
    }
    if (quint64(end - p) != count * sizeof(double))
        corrupt();
    const unsigned char *values = p;
    const unsigned char *dp = deltas;
    qint64 step = firstStep;
    if (consecutive) {
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
    for (quint64 i = 0; i < count; ++i) {
        if (i > 0)
            step += consecutive ? 1 : qint64(getVarint(dp, values));
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
    const auto *p = reinterpret_cast<const unsigned char *>(blob.data());
    const auto *end = p + blob.size();
    if (blob.size() < 3 || p[0] != kFormat)
        corrupt();
    if (!(p[1] & kConsecutive))
        return std::nullopt;
    p += 2;
    const quint64 count = getVarint(p, end);
    if (count > quint64(blob.size()) || quint64(end - p) != count * sizeof(double))
        corrupt();
    return ConsecutiveValues{firstStep, size_t(count), reinterpret_cast<const char *>(p)};
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

} // namespace fs
