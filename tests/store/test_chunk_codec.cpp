#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "core/error.h"
#include "store/chunk_codec.h"

using namespace forkscope;

namespace {
bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}
} // namespace

TEST(ChunkCodec, ConsecutiveStepsCostEightBytesAPoint)
{
    PointVector pts;
    for (int i = 0; i < kChunkCapacity; ++i)
        pts.push_back({1000 + i, std::sin(i)});
    const std::string blob = encodeChunk(pts.data(), pts.size());
    EXPECT_LE(blob.size(), size_t(kChunkCapacity) * 8 + 8);
    PointVector out;
    decodeChunk(blob, 1000, {}, out);
    ASSERT_EQ(out.size(), pts.size());
    for (size_t i = 0; i < pts.size(); ++i) {
        EXPECT_EQ(out[i].step, pts[i].step);
        EXPECT_TRUE(sameBits(out[i].value, pts[i].value));
    }
}

TEST(ChunkCodec, SparseStepsAndNonFiniteValuesRoundTripBitExactly)
{
    const double nanPayload = [] {
        quint64 bits = 0x7ff8000000000123ull;
        double d;
        std::memcpy(&d, &bits, sizeof d);
        return d;
    }();
    const PointVector pts = {{0, 1.5},
                             {7, nanPayload},
                             {8, std::numeric_limits<double>::infinity()},
                             {1000000000000LL, -std::numeric_limits<double>::infinity()},
                             {1000000000001LL, -0.0}};
    const std::string blob = encodeChunk(pts.data(), pts.size());
    PointVector out;
    decodeChunk(blob, 0, {}, out);
    ASSERT_EQ(out.size(), pts.size());
    for (size_t i = 0; i < pts.size(); ++i) {
        EXPECT_EQ(out[i].step, pts[i].step);
        EXPECT_TRUE(sameBits(out[i].value, pts[i].value)) << i;
    }
    PointVector clipped;
    decodeChunk(blob, 0, {5, 8}, clipped);
    ASSERT_EQ(clipped.size(), 2u);
    EXPECT_EQ(clipped[0].step, 7);
}

TEST(ChunkCodec, ClipOnConsecutiveChunk)
{
    PointVector pts;
    for (int i = 0; i < 100; ++i)
        pts.push_back({i, double(i)});
    const std::string blob = encodeChunk(pts.data(), pts.size());
    PointVector out;
    decodeChunk(blob, 0, {40, 42}, out);
    ASSERT_EQ(out.size(), 3u);
    EXPECT_EQ(out[0].step, 40);
    EXPECT_EQ(out[2].value, 42.0);
    out.clear();
    decodeChunk(blob, 0, {200, 300}, out);
    EXPECT_TRUE(out.empty());
}

TEST(ChunkCodec, MalformedBlobsAreRefusedNotCrashed)
{
    PointVector out;
    EXPECT_THROW(decodeChunk(std::string_view(""), 0, {}, out), Error);
    EXPECT_THROW(decodeChunk(std::string_view("\x02\x01\x01", 3), 0, {}, out), Error);
    PointVector pts = {{0, 1.0}, {5, 2.0}};
    const std::string blob = encodeChunk(pts.data(), pts.size());
    for (size_t cut = 0; cut < blob.size(); ++cut) {
        PointVector o;
        EXPECT_THROW(decodeChunk(std::string_view(blob.data(), cut), 0, {}, o), Error) << cut;
    }
}

TEST(ChunkCodec, StepsThatWrapPastTheLargestStepAreDamagedNotData)
{
    // Format 1 (no checksum), sparse steps: 0, 2^62, then past the largest
    // step, and wrapped round to 1, where the summary says the chunk ends.
    std::string blob{char(1), char(0), char(4)};
    auto putVarint = [&blob](quint64 v) {
        do {
            const auto low = static_cast<unsigned char>(v & 0x7f);
            v >>= 7;
            blob.push_back(char(v ? (low | 0x80) : low));
        } while (v);
    };
    putVarint(quint64(1) << 62);
    putVarint(quint64(1) << 62);
    putVarint((quint64(1) << 63) + 1);
    for (int i = 0; i < 4; ++i) {
        const double v = i;
        blob.append(reinterpret_cast<const char *>(&v), sizeof v);
    }
    ChunkSummary summary;
    summary.firstStep = 0;
    summary.lastStep = 1;
    summary.count = 4;
    summary.first = 0;
    summary.last = 3;
    summary.min = 0;
    summary.max = 3;
    summary.nanCount = 0;
    const ChunkCheck check = checkChunk(blob, summary);
    EXPECT_EQ(check.health, ChunkHealth::Damaged);
    EXPECT_EQ(check.reason, QStringLiteral("its steps are not increasing"));
    PointVector out;
    EXPECT_THROW(decodeChunk(blob, 0, {}, out), Error);
}

TEST(ChunkCodec, SummaryIgnoresNaN)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const PointVector pts = {{0, nan}, {1, 3.0}, {2, -1.0}, {3, nan}};
    const ChunkSummary s = summarize(pts.data(), pts.size());
    EXPECT_EQ(s.count, 4);
    EXPECT_EQ(s.min, -1.0);
    EXPECT_EQ(s.max, 3.0);
    EXPECT_TRUE(std::isnan(s.first));
    EXPECT_TRUE(std::isnan(s.last));
    const PointVector allNan = {{0, nan}};
    EXPECT_TRUE(std::isnan(summarize(allNan.data(), 1).min));
}
