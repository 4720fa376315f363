// The compressed chunk format: bit-exact round trips on realistic and on
// random data, every step layout, and refusal of damaged blobs.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <random>
#include <zlib.h>

#include "core/error.h"
#include "store/chunk_codec.h"

using namespace forkscope;

namespace {

bool sameBits(double a, double b)
{
    return std::bit_cast<quint64>(a) == std::bit_cast<quint64>(b);
}

void expectIdentical(const PointVector &got, const PointVector &want)
{
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) {
        ASSERT_EQ(got[i].step, want[i].step) << i;
        ASSERT_TRUE(sameBits(got[i].value, want[i].value))
            << i << ": " << std::bit_cast<quint64>(got[i].value) << " vs " << std::bit_cast<quint64>(want[i].value);
    }
}

PointVector roundTrip(const PointVector &pts, ChunkFormat format = ChunkFormat::Compressed)
{
    const std::string blob = encodeChunk(pts.data(), pts.size(), format);
    EXPECT_EQ(chunkFormat(blob), int(format));
    EXPECT_EQ(checkChunk(blob, summarize(pts.data(), pts.size())).health, ChunkHealth::Sound);
    PointVector out;
    decodeChunk(blob, pts.front().step, {}, out);
    return out;
}

// Values as logged in training: float32 widened to double, schedules,
// counters, constants.
PointVector realistic(int kind, qint64 first, size_t n, std::mt19937_64 &rng)
{
    std::normal_distribution<float> noise(0.0f, 0.05f);
    PointVector pts;
    for (size_t i = 0; i < n; ++i) {
        const qint64 step = first + qint64(i);
        const double t = double(step);
        double v = 0;
        switch (kind) {
        case 0: v = double(float(2.0f * std::exp(-float(t) / 3000.0f) + noise(rng))); break;
        case 1: v = 1e-3 * 0.5 * (1 + std::cos(M_PI * t / 1e5)); break;
        case 2: v = double(step); break;
        case 3: v = 0.9; break;
        default: v = double(float(std::abs(noise(rng)) * (i % 97 == 0 ? 100.0f : 1.0f))); break;
        }
        pts.push_back({step, v});
    }
    return pts;
}

double fromBits(quint64 b)
{
    return std::bit_cast<double>(b);
}

// Random doubles drawn to hit the awkward cases: any bit pattern, NaNs with
// payloads, subnormals, +/-0, +/-Inf, repeats.
double awkward(std::mt19937_64 &rng)
{
    switch (rng() % 8) {
    case 0: return fromBits(rng());
    case 1: return fromBits(0x7ff0000000000000ull | (rng() & 0x000fffffffffffffull) | 1); // NaN, payload
    case 2: return fromBits(0xfff8000000000000ull | (rng() & 0xffff));                    // negative NaN
    case 3: return fromBits(rng() & 0x000fffffffffffffull);                               // subnormal
    case 4: return rng() % 2 ? 0.0 : -0.0;
    case 5: return rng() % 2 ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
    case 6: return 1.0;
    default: return double(float(std::uniform_real_distribution<float>(-1, 1)(rng)));
    }
}

} // namespace

TEST(ChunkCompression, RealisticMetricsRoundTripBitExactlyAndShrink)
{
    std::mt19937_64 rng(7);
    for (int kind = 0; kind < 5; ++kind) {
        const PointVector pts = realistic(kind, 1 + kind * 100000, size_t(kChunkCapacity), rng);
        expectIdentical(roundTrip(pts), pts);
        const size_t compressed = encodeChunk(pts.data(), pts.size()).size();
        const size_t plain = encodeChunk(pts.data(), pts.size(), ChunkFormat::Plain).size();
        // A schedule computed in double changes every mantissa bit: smaller, not halved.
        EXPECT_LT(kind == 1 ? compressed : compressed * 2, plain) << "kind " << kind;
    }
}

TEST(ChunkCompression, RandomBitPatternsRoundTripBitExactly)
{
    for (quint64 seed = 1; seed <= 40; ++seed) {
        std::mt19937_64 rng(seed);
        const size_t n = seed % 4 == 0 ? size_t(kChunkCapacity) : 1 + rng() % 600;
        PointVector pts;
        qint64 step = qint64(rng() % 1000) - 500;
        for (size_t i = 0; i < n; ++i) {
            pts.push_back({step, awkward(rng)});
            // Mostly consecutive, sometimes gaps, sometimes huge gaps.
            const quint64 r = rng() % 10;
            step += r < 6 ? 1 : r < 9 ? qint64(2 + rng() % 1000) : qint64(1 + (rng() >> 40));
        }
        expectIdentical(roundTrip(pts), pts);
        expectIdentical(roundTrip(pts, ChunkFormat::Plain), pts);
    }
}

TEST(ChunkCompression, SinglePointFullAndStridedChunks)
{
    const PointVector one = {{42, -0.0}};
    expectIdentical(roundTrip(one), one);
    PointVector full, strided, constant;
    for (qint64 i = 0; i < kChunkCapacity; ++i) {
        full.push_back({i, double(float(std::sin(double(i))))});
        strided.push_back({1000 * (i + 1), double(i) * 0.25});
        constant.push_back({i, 3.0});
    }
    expectIdentical(roundTrip(full), full);
    expectIdentical(roundTrip(strided), strided);
    expectIdentical(roundTrip(constant), constant);
    // A constant costs about a bit a point (and a block's summary and first
    // value); a regular stride costs nothing per point.
    const size_t blocks = size_t(kChunkCapacity) / kBlockPoints;
    EXPECT_LT(encodeChunk(constant.data(), constant.size()).size(), size_t(kChunkCapacity) / 8 + blocks * 48 + 32);
    EXPECT_LT(encodeChunk(strided.data(), strided.size()).size(),
              encodeChunk(constant.data(), constant.size()).size() + size_t(kChunkCapacity) * 2);
    // Steps near both ends of the range.
    const PointVector ends = {
        {std::numeric_limits<qint64>::min(), 1.0}, {0, 2.0}, {std::numeric_limits<qint64>::max() - 1, 3.0}};
    expectIdentical(roundTrip(ends), ends);
    const PointVector top = {{std::numeric_limits<qint64>::max() - 4, 1.0},
                             {std::numeric_limits<qint64>::max() - 2, 2.0},
                             {std::numeric_limits<qint64>::max(), 3.0}};
    expectIdentical(roundTrip(top), top);
}

TEST(ChunkCompression, ClipsMatchTheWholeChunkFiltered)
{
    std::mt19937_64 rng(3);
    for (qint64 stride : {1, 7}) {
        PointVector pts;
        for (qint64 i = 0; i < 500; ++i)
            pts.push_back({-100 + i * stride, awkward(rng)});
        const std::string blob = encodeChunk(pts.data(), pts.size());
        for (int trial = 0; trial < 200; ++trial) {
            qint64 lo = -200 + qint64(rng() % 4000), hi = lo + qint64(rng() % 800);
            if (trial == 0) {
                lo = std::numeric_limits<qint64>::min();
                hi = std::numeric_limits<qint64>::max();
            }
            PointVector want;
            for (const Point &p : pts) {
                if (p.step >= lo && p.step <= hi)
                    want.push_back(p);
            }
            PointVector got;
            decodeChunk(blob, -100, {lo, hi}, got);
            expectIdentical(got, want);
        }
    }
}

TEST(ChunkCompression, ConsecutiveValuesDecodeIntoScratch)
{
    std::mt19937_64 rng(5);
    const PointVector pts = realistic(0, 10, 300, rng);
    const std::string blob = encodeChunk(pts.data(), pts.size());
    std::vector<double> scratch;
    const auto v = consecutiveValues(blob, 10, scratch);
    ASSERT_TRUE(v);
    ASSERT_EQ(v->count, pts.size());
    EXPECT_EQ(v->firstStep, 10);
    for (size_t i = 0; i < pts.size(); ++i) {
        double d;
        std::memcpy(&d, v->values + i * sizeof(double), sizeof d);
        ASSERT_TRUE(sameBits(d, pts[i].value)) << i;
    }
    const PointVector gaps = {{0, 1.0}, {2, 2.0}};
    const std::string gapBlob = encodeChunk(gaps.data(), gaps.size());
    EXPECT_FALSE(consecutiveValues(gapBlob, 0, scratch));
}

TEST(ChunkCompression, DamagedBlobsAreRefusedNeverCrash)
{
    std::mt19937_64 rng(11);
    PointVector pts;
    for (qint64 i = 0; i < 300; ++i)
        pts.push_back({i + (i > 150 ? 1000 : 0), awkward(rng)});
    for (const PointVector &chunk : {pts, realistic(0, 0, 300, rng), realistic(2, 5, 200, rng)}) {
        const std::string blob = encodeChunk(chunk.data(), chunk.size());
        const ChunkSummary summary = summarize(chunk.data(), chunk.size());
        // Every single bit flipped: the checksum (or the structure) catches it.
        for (size_t bit = 0; bit < blob.size() * 8; ++bit) {
            std::string bad = blob;
            bad[bit / 8] = char(bad[bit / 8] ^ (1 << (bit % 8)));
            ASSERT_EQ(checkChunk(bad, summary).health, ChunkHealth::Damaged) << bit;
            PointVector out;
            try {
                decodeChunk(bad, chunk.front().step, {}, out);
                EXPECT_LE(out.size(), chunk.size() * 8 * blob.size()); // decoded something, without crashing
            } catch (const Error &e) {
                EXPECT_EQ(e.kind(), Error::Kind::Storage);
                EXPECT_TRUE(out.empty()) << "a refused decode leaves the output as it was";
            }
        }
        // Every truncation is refused by decode itself.
        for (size_t cut = 0; cut < blob.size(); ++cut) {
            PointVector out;
            EXPECT_THROW(decodeChunk(std::string_view(blob.data(), cut), chunk.front().step, {}, out), Error) << cut;
            EXPECT_EQ(checkChunk(std::string_view(blob.data(), cut), summary).health, ChunkHealth::Damaged);
        }
    }
    // Random bytes behind a format-3 header.
    for (int trial = 0; trial < 2000; ++trial) {
        std::string junk(size_t(3 + rng() % 200), '\0');
        for (char &c : junk)
            c = char(rng());
        junk[0] = char(3);
        if (trial % 2)
            junk[1] = char(rng() % 3);
        PointVector out;
        std::vector<double> scratch;
        try {
            decodeChunk(junk, 0, {}, out);
            (void)consecutiveValues(junk, 0, scratch);
        } catch (const Error &e) {
            EXPECT_EQ(e.kind(), Error::Kind::Storage);
        }
        EXPECT_EQ(checkChunk(junk, summarize(out.data(), out.size())).health, ChunkHealth::Damaged);
    }
}

TEST(ChunkCompression, BlocksSummarizeAndDecodeOnTheirOwn)
{
    std::mt19937_64 rng(17);
    for (qint64 stride : {0, 1, 5}) { // 0: irregular steps
        PointVector pts;
        qint64 step = 100;
        for (int i = 0; i < kChunkCapacity - 100; ++i) {
            pts.push_back({step, i % 300 == 7 ? std::nan("") : awkward(rng)});
            step += stride > 0 ? stride : qint64(1 + rng() % 50);
        }
        const std::string blob = encodeChunk(pts.data(), pts.size());
        const std::vector<ChunkSummary> blocks = blockSummaries(blob, 100);
        ASSERT_EQ(blocks.size(), (pts.size() + kBlockPoints - 1) / kBlockPoints);
        for (size_t b = 0; b < blocks.size(); ++b) {
            const size_t from = b * kBlockPoints, n = std::min(kBlockPoints, pts.size() - from);
            const ChunkSummary want = summarize(pts.data() + from, n);
            const ChunkSummary &got = blocks[b];
            EXPECT_EQ(got.firstStep, want.firstStep);
            EXPECT_EQ(got.lastStep, want.lastStep);
            EXPECT_EQ(got.count, want.count);
            EXPECT_EQ(got.nanCount, want.nanCount);
            EXPECT_TRUE(sameBits(got.first, want.first) && sameBits(got.last, want.last));
            EXPECT_TRUE((std::isnan(got.min) && std::isnan(want.min)) || got.min == want.min);
            EXPECT_TRUE((std::isnan(got.max) && std::isnan(want.max)) || got.max == want.max);
            PointVector one;
            decodeBlock(blob, 100, b, {}, one);
            expectIdentical(one, PointVector(pts.begin() + qint64(from), pts.begin() + qint64(from + n)));
        }
        PointVector none;
        EXPECT_THROW(decodeBlock(blob, 100, blocks.size(), {}, none), Error);
    }
    // Small chunks keep no blocks.
    const PointVector few = {{1, 1.0}, {2, 2.0}};
    EXPECT_TRUE(blockSummaries(encodeChunk(few.data(), few.size()), 1).empty());
    // Nor do old formats.
    PointVector many;
    for (qint64 i = 0; i < 1000; ++i)
        many.push_back({i, double(i)});
    EXPECT_TRUE(blockSummaries(encodeChunk(many.data(), many.size(), ChunkFormat::Plain), 0).empty());
}

// The chunk of consecutive `pts` with its first block's min made wrong and
// its checksum made to match. Layout: format, flags, a two-byte count, then
// the first block's record (end, NaN count, first, last, min, max).
std::string withWrongFirstBlockMin(const PointVector &pts)
{
    std::string blob = encodeChunk(pts.data(), pts.size());
    const size_t minTopByte = 4 + 24 + 7;
    blob[minTopByte] = char(blob[minTopByte] ^ 0x40);
    const auto crc = quint32(crc32(0L, reinterpret_cast<const Bytef *>(blob.data()), uInt(blob.size() - 4)));
    for (size_t i = 0; i < 4; ++i)
        blob[blob.size() - 4 + i] = char(quint8(crc >> (8 * i)));
    return blob;
}

TEST(ChunkCompression, BlockSummaryThatContradictsItsValuesIsDamage)
{
    PointVector pts;
    for (qint64 i = 0; i < 1000; ++i)
        pts.push_back({i, double(float(std::sin(double(i))))});
    const std::string blob = withWrongFirstBlockMin(pts);
    const ChunkCheck check = checkChunk(blob, summarize(pts.data(), pts.size()));
    EXPECT_EQ(check.health, ChunkHealth::Damaged);
    EXPECT_EQ(check.reason, QStringLiteral("its values contradict its block summaries"));
}

TEST(ChunkCompression, CheckedDecodeOfAWholeChunkMatchesThePlainDecode)
{
    for (const qint64 stride : {qint64(1), qint64(7)}) {
        PointVector pts;
        for (qint64 i = 0; i < 3000; ++i)
            pts.push_back({100 + i * stride, i % 97 == 0 ? std::nan("") : double(float(std::cos(double(i))))});
        const std::string blob = encodeChunk(pts.data(), pts.size());
        PointVector out = {{-5, 1.5}}; // appended to, not replaced
        const ChunkCheck check =
            decodeCheckedChunk(blob, summarize(pts.data(), pts.size()), {pts.front().step, pts.back().step}, out);
        ASSERT_EQ(check.health, ChunkHealth::Sound);
        ASSERT_EQ(out.size(), pts.size() + 1);
        EXPECT_EQ(out[0].step, -5);
        for (size_t i = 0; i < pts.size(); ++i) {
            EXPECT_EQ(out[i + 1].step, pts[i].step);
            EXPECT_EQ(std::bit_cast<quint64>(out[i + 1].value), std::bit_cast<quint64>(pts[i].value));
        }
    }
}

TEST(ChunkCompression, CheckedDecodeTakesBackPointsThatContradictTheSummary)
{
    PointVector pts;
    for (qint64 i = 0; i < 1000; ++i)
        pts.push_back({i, double(i % 13)});
    const std::string blob = encodeChunk(pts.data(), pts.size());
    ChunkSummary wrong = summarize(pts.data(), pts.size());
    wrong.max = 99;
    PointVector out = {{-1, 2.0}};
    const ChunkCheck check = decodeCheckedChunk(blob, wrong, {0, 999}, out);
    EXPECT_EQ(check.health, ChunkHealth::Damaged);
    EXPECT_EQ(check.reason, QStringLiteral("its values contradict its summary (first, last, min, max or NaN count)"));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].step, -1);
}

TEST(ChunkCompression, ReadsTrustTheChecksummedBlockTableAndCheckVerifiesIt)
{
    PointVector pts;
    for (qint64 i = 0; i < 1000; ++i)
        pts.push_back({i, double(float(std::sin(double(i))))});
    // Only a writer could produce this (the checksum matches), and only `check` looks.
    const std::string blob = withWrongFirstBlockMin(pts);
    const ChunkSummary summary = summarize(pts.data(), pts.size());
    PointVector out;
    EXPECT_EQ(decodeCheckedChunk(blob, summary, {0, 999}, out).health, ChunkHealth::Sound);
    EXPECT_EQ(out.size(), pts.size());
    EXPECT_EQ(checkChunk(blob, summary).health, ChunkHealth::Damaged);
    // A flipped value bit, checksum left as it was, is caught by the read.
    std::string flipped = encodeChunk(pts.data(), pts.size());
    flipped[flipped.size() - 10] = char(flipped[flipped.size() - 10] ^ 0x01);
    out.clear();
    const ChunkCheck check = decodeCheckedChunk(flipped, summary, {0, 999}, out);
    EXPECT_EQ(check.health, ChunkHealth::Damaged);
    EXPECT_EQ(check.reason, QStringLiteral("its checksum does not match its bytes"));
    EXPECT_TRUE(out.empty());
}
