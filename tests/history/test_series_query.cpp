// The chart read path end to end: data written into a real store (with
// forks), read back through SeriesQuery exactly as the chart panels read it,
// rendered, and compared pixel for pixel with a rendering of every point of
// the effective history.
#include <gtest/gtest.h>

#include <QImage>

#include "history/ema_smoothing.h"
#include "history/series_query.h"
#include "identity/fork_spec.h"
#include "raster.h"
#include "store/history_writer.h"
#include "store/store.h"
#include "support/temp_store.h"
#include "test_series.h"

namespace forkscope {
namespace {

using test::kInf;
using test::kNaN;

// Noisy values with one-step spikes, NaN gaps (inside chunks and across
// chunk boundaries) and +/-Inf.
void writeSeries(Store &store, qint64 run, qint64 from, qint64 to, qint64 spacing, double level, std::uint64_t seed)
{
    test::Rng rng(seed);
    HistoryWriter w(store, run);
    const int h = w.keyHandle("m");
    for (qint64 s = from; s <= to; s += spacing) {
        double v = level + (rng.uniform() - 0.5) + std::sin(double(s) / 3000.0);
        const std::uint64_t r = rng.next() % 10000;
        if (r < 8)
            v = (r % 2 ? 1 : -1) * (5 + 40 * rng.uniform()); // one-step spike
        else if (r < 9)
            v = r % 2 ? kInf : -kInf;
        if ((s / 997) % 23 == 5 && s % 997 < 40) // NaN runs
            v = kNaN;
        if (s % 4096 == 2000 && (s / 4096) % 3 == 0) // lone NaN mid-chunk
            v = kNaN;
        w.addNumber(h, s, v);
    }
    w.flush();
}

struct Fixture {
    test::TempStore temp;
    Store store{temp.path()};
    RunInfo a, b, c, sparse;

    Fixture()
    {
        NewRun spec;
        spec.project = QStringLiteral("p");
        spec.runId = QStringLiteral("a");
        a = store.createRun(spec);
        writeSeries(store, a.key, 0, 60000, 1, 0.0, 1);
        ForkOptions o;
        o.project = QStringLiteral("p");
        o.runId = QStringLiteral("b");
        b = store.createFork(ForkSpec::parse(QStringLiteral("a?_step=30000")), o);
        writeSeries(store, b.key, 30001, 50000, 1, 2.0, 2);
        o.runId = QStringLiteral("c");
        c = store.createFork(ForkSpec::parse(QStringLiteral("b?_step=40000")), o);
        writeSeries(store, c.key, 40001, 55000, 1, -2.0, 3);
        spec.runId = QStringLiteral("sparse");
        sparse = store.createRun(spec);
        writeSeries(store, sparse.key, -5000, 90000, 7, 1.0, 4);
    }
};

PointVector joined(const PointVector &inherited, const PointVector &own)
{
    PointVector out = inherited;
    out.insert(out.end(), own.begin(), own.end());
    return out;
}

int differingPixels(const QImage &a, const QImage &b)
{
    int n = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            n += a.pixel(x, y) != b.pixel(x, y);
    return n;
}

const StepRange kWindows[] = {
    {std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()}, // everything
    {0, 100},
    {29000, 31000},
    {29990, 30010},
    {30000, 30003},
    {12345, 45678},
    {39990, 40020},
    {4090, 4100},
    {54000, 70000},
    {-100, 50},
    {20000, 20000},
    {-9000, 100000},
};
const int kWidths[] = {1, 37, 600, 1000};

// `reads`, when given, adds up how the queries read their chunks.
void expectPixelIdentical(Store &store, SeriesCache &cache, const RunInfo &run, double smoothing,
                          ChunkReads *reads = nullptr)
{
    const PointVector all = readEffective(store, run.key, QStringLiteral("m"), smoothing);
    ASSERT_FALSE(all.empty());
    // M4 keeps at most four points per column and NaN run, plus a marker per NaN run.
    size_t nanRuns = 0;
    for (size_t i = 0; i < all.size(); ++i)
        nanRuns += std::isnan(all[i].value) && (i == 0 || !std::isnan(all[i - 1].value));
    for (const StepRange &window : kWindows) {
        for (int width : kWidths) {
            SeriesQuery q;
            q.run = run.key;
            q.key = QStringLiteral("m");
            q.range = window;
            q.width = width;
            q.smoothing = smoothing;
            const ReducedSeries r = cache.query(store, q);
            ASSERT_FALSE(r.range.empty());
            if (reads) {
                reads->blocksSummarized += r.reads.blocksSummarized;
                reads->blocksDecoded += r.reads.blocksDecoded;
            }
            const PointVector reduced =
                smoothing > 0 ? joined(r.smoothedInherited, r.smoothedOwn) : joined(r.inherited, r.own);
            EXPECT_LE(reduced.size(), size_t(width) * 8 + 4 + 5 * nanRuns);
            for (const auto &[lo, hi] : {std::pair{-3.0, 3.0}, std::pair{-0.4, 0.6}, std::pair{-60.0, 60.0}}) {
                const Viewport vp{ColumnMapping(r.range, width), RowMapping(lo, hi, 160)};
                const QImage want = test::renderPolyline(all, vp);
                const QImage got = test::renderPolyline(reduced, vp);
                EXPECT_EQ(differingPixels(want, got), 0)
                    << "run " << run.runId.toStdString() << " window [" << window.lo << ", " << window.hi << "] width "
                    << width << " y [" << lo << ", " << hi << "] smoothing " << smoothing;
            }
        }
    }
}

TEST(SeriesQuery, ReducedReadPathDrawsTheSamePixelsAsEveryPoint)
{
    Fixture f;
    SeriesCache cache;
    ChunkReads reads;
    for (const RunInfo *run : {&f.a, &f.b, &f.c, &f.sparse})
        expectPixelIdentical(f.store, cache, *run, 0.0, &reads);
    // Chunks cut by a column boundary were drawn block by block: some blocks
    // from their summaries, the cut ones (and those with NaNs) decoded.
    EXPECT_GT(reads.blocksSummarized, 0);
    EXPECT_GT(reads.blocksDecoded, 0);
}

TEST(SeriesQuery, NanGapsInsideOnePixelColumnAreKept)
{
    // A staircase whose every rise is a NaN gap in the middle of a chunk: at
    // widths where a chunk fits in one column, a summary would bridge the
    // gap with a vertical line the real data never draws.
    test::TempStore temp;
    Store store(temp.path());
    NewRun spec;
    spec.project = QStringLiteral("p");
    const RunInfo run = store.createRun(spec);
    {
        HistoryWriter w(store, run.key);
        const int h = w.keyHandle("m");
        for (qint64 s = 0; s < 200000; ++s) {
            const qint64 k = s / 4096, at = s % 4096;
            w.addNumber(h, s, at >= 2040 && at < 2060 ? kNaN : at < 2048 ? 0.01 * k : 0.01 * k + 0.01);
        }
        w.flush();
    }
    SeriesCache cache;
    const PointVector all = readEffective(store, run.key, QStringLiteral("m"));
    for (int width : {3, 7, 20, 30}) {
        SeriesQuery q;
        q.run = run.key;
        q.key = QStringLiteral("m");
        q.width = width;
        const ReducedSeries r = cache.query(store, q);
        const Viewport vp{ColumnMapping(r.range, width), RowMapping(-0.01, 0.5, 300)};
        EXPECT_EQ(differingPixels(test::renderPolyline(all, vp), test::renderPolyline(joined(r.inherited, r.own), vp)),
                  0)
            << "width " << width;
    }
}

TEST(SeriesQuery, SmoothedReadPathMatchesFullResolutionEmaAcrossForks)
{
    Fixture f;
    SeriesCache cache;
    for (const RunInfo *run : {&f.b, &f.c, &f.sparse}) {
        expectPixelIdentical(f.store, cache, *run, 0.6);
        expectPixelIdentical(f.store, cache, *run, 0.95);
    }
}

TEST(SeriesQuery, ForkSplitsInheritedFromOwnAtTheForkPoint)
{
    Fixture f;
    SeriesQuery q;
    q.run = f.c.key;
    q.key = QStringLiteral("m");
    q.width = 500;
    q.smoothing = 0.9;
    const ReducedSeries r = querySeries(f.store, q);
    EXPECT_EQ(r.extent.lo, 0);
    EXPECT_EQ(r.extent.hi, 55000);
    ASSERT_FALSE(r.inherited.empty());
    ASSERT_GE(r.own.size(), 2u);
    EXPECT_LE(r.inherited.back().step, 40000);
    EXPECT_EQ(r.own.front().step, r.inherited.back().step);
    EXPECT_GT(r.own[1].step, 40000);
    ASSERT_TRUE(r.forkPoint.has_value());
    EXPECT_EQ(r.forkPoint->step, 40000);
    // The smoothed line continues across the fork: its first own value is the
    // EMA of the whole effective history, not a restart at the fork's data.
    const PointVector smoothAll = readEffective(f.store, f.c.key, QStringLiteral("m"), 0.9);
    const auto at = std::find_if(smoothAll.begin(), smoothAll.end(), [](const Point &p) { return p.step == 40001; });
    ASSERT_NE(at, smoothAll.end());
    const auto own =
        std::find_if(r.smoothedOwn.begin(), r.smoothedOwn.end(), [](const Point &p) { return p.step == 40001; });
    ASSERT_NE(own, r.smoothedOwn.end());
    EXPECT_EQ(own->value, at->value);
    EXPECT_FALSE(r.envelope.empty());
    for (const EnvelopeColumn &e : r.envelope)
        EXPECT_LT(e.lo, e.hi);
}

TEST(SeriesQuery, CostFollowsPixelsAndNanChunksAreDecoded)
{
    test::TempStore temp;
    Store store(temp.path());
    NewRun spec;
    spec.project = QStringLiteral("p");
    const RunInfo run = store.createRun(spec);
    {
        HistoryWriter w(store, run.key);
        const int h = w.keyHandle("m");
        for (qint64 s = 0; s < 400000; ++s)
            // One chunk has NaNs in its middle: its summary would bridge them.
            w.addNumber(h, s, (s >= 4096 * 50 + 100 && s < 4096 * 50 + 200) ? kNaN : double(s % 97));
        w.flush();
    }
    SeriesQuery q;
    q.run = run.key;
    q.key = QStringLiteral("m");
    q.width = 20; // 20 000 steps a column: most chunks lie in one column
    const ReducedSeries r = querySeries(store, q);
    EXPECT_EQ(r.reads.decoded + r.reads.summarized, 98);
    EXPECT_LE(r.reads.decoded, q.width + 2);
    const auto nan = std::find_if(r.own.begin(), r.own.end(), [](const Point &p) { return std::isnan(p.value); });
    EXPECT_NE(nan, r.own.end()) << "the chunk holding NaNs was drawn from its summary";
}

TEST(SeriesQuery, LiveRunExtendsIncrementally)
{
    Fixture f;
    SeriesCache cache;
    SeriesQuery q;
    q.run = f.c.key;
    q.key = QStringLiteral("m");
    q.width = 300;
    q.smoothing = 0.8;
    (void)cache.query(f.store, q);
    writeSeries(f.store, f.c.key, 55001, 58000, 1, -2.0, 9);
    const ReducedSeries live = cache.query(f.store, q);
    const ReducedSeries fresh = querySeries(f.store, q);
    EXPECT_EQ(live.extent.hi, 58000);
    auto same = [](const PointVector &x, const PointVector &y) {
        return x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin(), [](const Point &a, const Point &b) {
                   return a.step == b.step && (a.value == b.value || (std::isnan(a.value) && std::isnan(b.value)));
               });
    };
    EXPECT_TRUE(same(live.own, fresh.own));
    EXPECT_TRUE(same(live.smoothedOwn, fresh.smoothedOwn));
}

} // namespace
} // namespace forkscope
