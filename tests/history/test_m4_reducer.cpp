#include "history/m4_reducer.h"
#include "history/pixel_mapping.h"
#include "test_series.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

using namespace forkscope;
using namespace forkscope::test;

namespace {

PointVector atSteps(std::initializer_list<double> values, qint64 firstStep = 0)
{
    PointVector out;
    for (double v : values)
        out.push_back({firstStep++, v});
    return out;
}

void expectPoints(const PointVector &actual, const PointVector &expected)
{
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        EXPECT_EQ(actual[i].step, expected[i].step) << "at " << i;
        if (std::isnan(expected[i].value))
            EXPECT_TRUE(std::isnan(actual[i].value)) << "at " << i;
        else
            EXPECT_EQ(actual[i].value, expected[i].value) << "at " << i;
    }
}

} // namespace

TEST(ColumnMapping, MapsRangeOntoColumnsAndBeyond)
{
    const ColumnMapping m({100, 1099}, 10);
    EXPECT_EQ(m.column(100), 0);
    EXPECT_EQ(m.column(199), 0);
    EXPECT_EQ(m.column(200), 1);
    EXPECT_EQ(m.column(1099), 9);
    EXPECT_EQ(m.column(99), -1);
    EXPECT_EQ(m.column(1100), 10);
    EXPECT_EQ(m.pixelX(std::numeric_limits<qint64>::min()), -kPixelOverscan);
    for (qint64 c = 0; c <= 10; ++c) {
        const auto s = qint64(m.firstStepOfColumn(c));
        EXPECT_EQ(m.column(s), c);
        EXPECT_EQ(m.column(s - 1), c - 1);
    }
}

TEST(ColumnMapping, FullQint64RangeDoesNotOverflow)
{
    const ColumnMapping m(StepRange{}, 1600);
    EXPECT_EQ(m.column(std::numeric_limits<qint64>::min()), 0);
    EXPECT_EQ(m.column(std::numeric_limits<qint64>::max()), 1599);
    EXPECT_EQ(m.column(0), 800);
}

TEST(ColumnMapping, NarrowRangeSpreadsStepsOverColumns)
{
    const ColumnMapping m({10, 14}, 100); // 20 columns per step
    EXPECT_EQ(m.column(10), 0);
    EXPECT_EQ(m.column(11), 20);
    EXPECT_EQ(m.column(14), 80);
    EXPECT_EQ(m.column(15), 100);
}

TEST(RowMapping, TopIsHighAndInfinitiesClamp)
{
    const RowMapping m(0.0, 10.0, 11);
    EXPECT_EQ(m.row(10.0), 0);
    EXPECT_EQ(m.row(0.0), 10);
    EXPECT_EQ(m.row(5.0), 5);
    EXPECT_EQ(m.row(kInf), -kPixelOverscan);
    EXPECT_EQ(m.row(-kInf), 10 + kPixelOverscan);
    EXPECT_EQ(m.row(1e300), -kPixelOverscan);
    EXPECT_LE(m.row(4.9), m.row(4.8));
}

TEST(M4Reducer, OneColumnKeepsFirstMinMaxLastInStepOrder)
{
    const PointVector in = atSteps({3, 1, 4, 1, 5, 9, 2, 6, 5, 3});
    expectPoints(reduceM4(in, {0, 99}, 1), {{0, 3}, {1, 1}, {5, 9}, {9, 3}});
}

TEST(M4Reducer, EachColumnIsReducedSeparately)
{
    const PointVector in = atSteps({5, 7, 1, 2, 3, /* column 1: */ 4, 4, 8, 0, 6});
    expectPoints(reduceM4(in, {0, 9}, 2), {{0, 5}, {1, 7}, {2, 1}, {4, 3}, {5, 4}, {7, 8}, {8, 0}, {9, 6}});
}

TEST(M4Reducer, MinMaxAtFirstOrLastAreNotRepeated)
{
    expectPoints(reduceM4(atSteps({1, 2, 3, 4}), {0, 9}, 1), {{0, 1}, {3, 4}});
    expectPoints(reduceM4(atSteps({7}), {0, 9}, 1), {{0, 7}});
}

TEST(M4Reducer, NaNBreaksTheLineWithOneMarkerPerRun)
{
    const PointVector in = atSteps({1, 5, kNaN, kNaN, 0, 2});
    expectPoints(reduceM4(in, {0, 9}, 1), {{0, 1}, {1, 5}, {2, kNaN}, {4, 0}, {5, 2}});
}

TEST(M4Reducer, NaNNeverPoisonsMinMax)
{
    const PointVector in = atSteps({kNaN, 2, 1, kNaN, 3, 2});
    const PointVector out = reduceM4(in, {0, 9}, 1);
    // No marker before anything is drawn; one between the two runs.
    expectPoints(out, {{1, 2}, {2, 1}, {3, kNaN}, {4, 3}, {5, 2}});
}

TEST(M4Reducer, InfinitiesAreValues)
{
    const PointVector in = atSteps({1, kInf, -kInf, 2});
    expectPoints(reduceM4(in, {0, 9}, 1), {{0, 1}, {1, kInf}, {2, -kInf}, {3, 2}});
}

TEST(M4Reducer, KeepsOnePointBeforeAndAfterTheRange)
{
    PointVector in;
    for (qint64 s = 0; s <= 100; s += 10)
        in.push_back({s, double(s)});
    expectPoints(reduceM4(in, {25, 45}, 4), {{20, 20}, {30, 30}, {40, 40}, {50, 50}});
    expectPoints(reduceM4(in, {11, 19}, 4), {{10, 10}, {20, 20}});
    expectPoints(reduceM4(in, {200, 300}, 4), {{100, 100}});
    expectPoints(reduceM4(in, {-50, -1}, 4), {{0, 0}});
}

TEST(M4Reducer, PiecesMayBeFedOneByOne)
{
    const PointVector in = atSteps({3, 1, 4, 1, 5, 9, 2, 6, 5, 3}, 100);
    M4Reducer r({102, 107}, 2);
    for (const Point &p : in)
        r.addPoint(p);
    const PointVector oneByOne = r.finish();
    expectPoints(oneByOne, reduceM4(in, {102, 107}, 2));
    expectPoints(r.finish(), {}); // finish() leaves the reducer empty
}

TEST(M4Reducer, WorksOnTheFullStepRange)
{
    const PointVector in = lossCurve(1000, 0, 1, 1.0, 9);
    EXPECT_LE(reduceM4(in, StepRange{}, 1600).size(), 4u);
}

TEST(M4Reducer, NoColumnsGiveNoPoints)
{
    const PointVector in = atSteps({1, 2});
    EXPECT_TRUE(reduceM4(in, {0, 9}, 0).empty());
    EXPECT_TRUE(reduceM4(in, {9, 0}, 10).empty());
}

TEST(M4Reducer, SummarySufficesInsideOneColumnOrOutsideTheRange)
{
    const ColumnMapping m({0, 999}, 10);
    EXPECT_TRUE(summarySuffices(m, 0, 99));
    EXPECT_TRUE(summarySuffices(m, 50, 60));
    EXPECT_FALSE(summarySuffices(m, 0, 100));
    EXPECT_FALSE(summarySuffices(m, 990, 1100));
    EXPECT_FALSE(summarySuffices(m, -10, 5));
    EXPECT_TRUE(summarySuffices(m, -50, -1));
    EXPECT_TRUE(summarySuffices(m, 1000, 2000));
    EXPECT_TRUE(summarySuffices(StepRange{0, 999}, 10, 900, 999));
}

TEST(M4Reducer, SummarizeChunkIgnoresNaNForMinMax)
{
    const ChunkSummary s = summarizeChunk(atSteps({kNaN, 3, -kInf, 7, kNaN}, 10));
    EXPECT_EQ(s.firstStep, 10);
    EXPECT_EQ(s.lastStep, 14);
    EXPECT_EQ(s.count, 5);
    EXPECT_TRUE(std::isnan(s.first));
    EXPECT_TRUE(std::isnan(s.last));
    EXPECT_EQ(s.min, -kInf);
    EXPECT_EQ(s.max, 7);
    const ChunkSummary allNaN = summarizeChunk(atSteps({kNaN, kNaN}));
    EXPECT_TRUE(std::isnan(allNaN.min));
    EXPECT_TRUE(std::isnan(allNaN.max));
}

TEST(M4Reducer, SummaryPlacesExtremesInsideTheChunk)
{
    M4Reducer r({0, 999}, 1);
    r.addPoints(atSteps({0.5, 0.25}, 0));
    r.addSummary(summarizeChunk(atSteps({1, 9, -3, 2}, 100)));
    r.addPoints(atSteps({0.75}, 500));
    // One column: first 0.5, min -3 and max 9 from the summary, last 0.75.
    const PointVector out = r.finish();
    ASSERT_EQ(out.size(), 4u);
    EXPECT_EQ(out[0].step, 0);
    EXPECT_EQ(out[1].value, -3);
    EXPECT_EQ(out[2].value, 9);
    EXPECT_EQ(out[3].step, 500);
    EXPECT_GT(out[1].step, 100);
    EXPECT_LT(out[2].step, 103);
    EXPECT_LT(out[1].step, out[2].step);
}

TEST(M4Reducer, SummaryOutsideTheRangeGivesTheEdge)
{
    M4Reducer r({1000, 1999}, 10);
    r.addSummary(summarizeChunk(atSteps({1, 9, -3, 2}, 0)));
    r.addPoints(atSteps({5}, 1500));
    r.addSummary(summarizeChunk(atSteps({4, 8}, 3000)));
    expectPoints(r.finish(), {{3, 2}, {1500, 5}, {3000, 4}});
}

TEST(M4Reducer, SummaryWithNaNEndsMarksTheGaps)
{
    M4Reducer r({0, 999}, 1);
    r.addPoints(atSteps({1}, 0));
    r.addSummary(summarizeChunk(atSteps({kNaN, 4, 6, kNaN}, 100)));
    r.addPoints(atSteps({2}, 500));
    const PointVector out = r.finish();
    ASSERT_EQ(out.size(), 6u);
    EXPECT_TRUE(std::isnan(out[1].value));
    EXPECT_EQ(out[1].step, 100);
    EXPECT_TRUE(std::isnan(out[4].value));
    EXPECT_EQ(out[4].step, 103);
}

// addConsecutive() must leave exactly what addPoints() leaves, for any mix
// of pieces, ranges, widths, ties, NaN runs and infinities.
TEST(M4Reducer, ConsecutiveValuesReduceExactlyAsPoints)
{
    std::uint64_t x = 0x243F6A8885A308D3ull;
    auto next = [&x](std::uint64_t n) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x % n;
    };
    for (int trial = 0; trial < 400; ++trial) {
        const qint64 first = qint64(next(3)) == 0 ? -50 : qint64(next(1000));
        const size_t n = 1 + next(trial % 4 == 0 ? 5000 : 300);
        PointVector in;
        for (size_t i = 0; i < n; ++i) {
            double v = double(next(7)); // few distinct values: many ties
            const auto r = next(100);
            if (r < 4)
                v = kNaN;
            else if (r == 4)
                v = next(2) ? kInf : -kInf;
            else if (r == 5)
                v = 1e6;
            in.push_back({first + qint64(i), v});
        }
        std::string bytes(n * sizeof(double), '\0');
        for (size_t i = 0; i < n; ++i)
            std::memcpy(bytes.data() + i * sizeof(double), &in[i].value, sizeof(double));
        const qint64 lo = first - 20 + qint64(next(n + 40));
        const qint64 hi = lo + qint64(next(n + 40));
        const int width = 1 + int(next(60));
        M4Reducer r({lo, hi}, width);
        for (size_t at = 0; at < n;) {
            const size_t len = std::min(n - at, 1 + size_t(next(700)));
            if (next(3) == 0)
                r.addPoints({in.data() + at, len});
            else
                r.addConsecutive(first + qint64(at), bytes.data() + at * sizeof(double), len);
            at += len;
        }
        SCOPED_TRACE(testing::Message() << "trial " << trial << " n " << n << " range " << lo << ".." << hi << " width "
                                        << width);
        expectPoints(r.finish(), reduceM4(in, {lo, hi}, width));
    }
}
