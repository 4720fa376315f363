// The M4 correctness proof: reduced points must draw exactly the pixels that
// all points draw.
#include "history/m4_reducer.h"
#include "raster.h"
#include "test_series.h"

#include <gtest/gtest.h>

#include <QString>
#include <algorithm>
#include <map>
#include <string>
#include <vector>

using namespace forkscope;
using namespace forkscope::test;

namespace {

constexpr qint64 kChunkPoints = 4096;

struct NamedSeries {
    std::string name;
    PointVector points;
    qint64 spacing;
};

NamedSeries spikes()
{
    PointVector p = lossCurve(1'000'000, 0, 7, 3.0, 1);
    Rng rng(11);
    for (int i = 0; i < 30; ++i)
        p[std::size_t(rng.below(qint64(p.size())))].value += (i % 2 ? 20.0 : -20.0);
    return {"spikes", std::move(p), 7};
}

NamedSeries gaps(bool loneIslands)
{
    PointVector p = lossCurve(1'000'000, 0, 7, 3.0, 2);
    Rng rng(12);
    const auto at = [&](qint64 margin) { return std::size_t(rng.below(qint64(p.size()) - margin)); };
    for (int i = 0; i < 40; ++i) { // NaN runs, some spanning many columns
        const std::size_t start = at(4000);
        for (qint64 k = 0, n = 1 + rng.below(3000); k < n; ++k)
            p[start + std::size_t(k)].value = kNaN;
    }
    for (int i = 0; i < 200; ++i)
        p[at(0)].value = kNaN;
    for (int i = 0; loneIslands && i < 50; ++i) { // lone points between NaNs: drawn by nobody
        const std::size_t j = at(3) + 1;
        p[j - 1].value = kNaN;
        p[j].value = 10.0 * (i % 3 - 1);
        p[j + 1].value = kNaN;
    }
    for (int i = 0; i < 60; ++i)
        p[at(0)].value = (i % 2 ? kInf : -kInf);
    const std::size_t infRun = at(100);
    for (std::size_t k = 0; k < 50; ++k)
        p[infRun + k].value = kInf;
    p.front().value = kNaN;
    p.back().value = kInf;
    for (std::size_t j = 1; !loneIslands && j + 1 < p.size(); ++j) {
        if (std::isnan(p[j - 1].value) && std::isnan(p[j + 1].value))
            p[j].value = kNaN; // Infs placed on NaN runs make islands too
    }
    return {loneIslands ? "gaps+islands" : "gaps", std::move(p), 7};
}

NamedSeries fork()
{
    PointVector p = lossCurve(400'000, 0, 7, 3.0, 3);
    const PointVector own = lossCurve(600'000, 400'000 * 7, 7, 1.5, 4);
    p.insert(p.end(), own.begin(), own.end());
    return {"fork", std::move(p), 7};
}

NamedSeries sparse()
{
    return {"sparse", lossCurve(300, 1000, 3331, 3.0, 5), 3331};
}

struct Window {
    std::string name;
    StepRange range;
};

std::vector<Window> windowsFor(const NamedSeries &s)
{
    const qint64 first = s.points.front().step;
    const qint64 last = s.points.back().step;
    const qint64 len = last - first + 1;
    const qint64 mid = s.points[s.points.size() / 2].step;
    return {
        {"whole", {first, last}},
        {"tenth", {first + len * 37 / 100, first + len * 37 / 100 + len / 10}},
        {"thousandth", {first + len * 61 / 100, first + len * 61 / 100 + len / 1000}},
        {"narrower-than-spacing", {mid + 1, mid + s.spacing - 2}},
        {"past-the-end", {first + len * 9 / 10, last + len / 2}},
        {"before-the-start", {first - len, first + len / 20}},
    };
}

const std::vector<RowMapping> &yViews()
{
    static const std::vector<RowMapping> views{{-1.0, 4.0, 200}, {1.0, 1.5, 200}};
    return views;
}

PointVector reduceWithSummaries(const PointVector &points, const ColumnMapping &columns, int *summariesUsed)
{
    M4Reducer reducer(columns);
    const std::span<const Point> all(points);
    for (std::size_t i = 0; i < all.size(); i += kChunkPoints) {
        const auto chunk = all.subspan(i, std::min<std::size_t>(kChunkPoints, all.size() - i));
        if (summarySuffices(columns, chunk.front().step, chunk.back().step)) {
            reducer.addSummary(summarizeChunk(chunk));
            ++*summariesUsed;
        } else {
            reducer.addPoints(chunk);
        }
    }
    return reducer.finish();
}

std::string describeDiff(const QImage &a, const QImage &b)
{
    int count = 0;
    std::string first;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            if (a.pixel(x, y) != b.pixel(x, y) && count++ < 5)
                first += QStringLiteral(" (%1,%2)").arg(x).arg(y).toStdString();
    return std::to_string(count) + " pixels differ, e.g." + first;
}

// Non-NaN points per column never exceed 4 per NaN-separated run in it.
void expectBounded(const PointVector &out, const ColumnMapping &columns)
{
    std::map<qint64, int> points;
    std::map<qint64, int> markers;
    for (const Point &p : out) {
        if (!columns.range().contains(p.step))
            continue; // the two edge points
        (std::isnan(p.value) ? markers : points)[columns.column(p.step)]++;
    }
    for (const auto &[col, n] : points)
        EXPECT_LE(n, 4 * (1 + markers[col])) << "column " << col;
    EXPECT_TRUE(std::is_sorted(out.begin(), out.end(), [](const Point &a, const Point &b) { return a.step < b.step; }));
}

void checkSeries(const NamedSeries &s, int width, bool withSummaries)
{
    int summariesUsed = 0;
    for (const Window &w : windowsFor(s)) {
        for (const RowMapping &y : yViews()) {
            SCOPED_TRACE(s.name + " / " + w.name + " / width " + std::to_string(width) + " / y " +
                         std::to_string(y.lo()) + ".." + std::to_string(y.hi()));
            const Viewport vp{ColumnMapping(w.range, width), y};
            const PointVector reduced = withSummaries ? reduceWithSummaries(s.points, vp.x, &summariesUsed)
                                                      : reduceM4(s.points, w.range, width);
            expectBounded(reduced, vp.x);
            EXPECT_LE(reduced.size(), s.points.size() + 2);
            const QImage full = renderPolyline(s.points, vp);
            const QImage fromReduced = renderPolyline(reduced, vp);
            EXPECT_TRUE(full == fromReduced) << describeDiff(full, fromReduced);
        }
    }
    if (withSummaries && s.points.size() > std::size_t(kChunkPoints)) {
        EXPECT_GT(summariesUsed, 0);
    }
}

const std::vector<NamedSeries> &allSeries()
{
    static const std::vector<NamedSeries> series{spikes(), gaps(true), gaps(false), fork(), sparse()};
    return series;
}

} // namespace

TEST(M4Pixels, RawPointsDrawIdentically)
{
    for (const NamedSeries &s : allSeries())
        checkSeries(s, 640, false);
}

TEST(M4Pixels, NarrowChartDrawsIdentically)
{
    for (const NamedSeries &s : allSeries())
        checkSeries(s, 100, false);
}

// A summary cannot show NaNs inside its chunk, so lone points between NaNs
// (which draw nothing) are the one input it cannot reproduce; see below.
TEST(M4Pixels, ChunkSummariesDrawIdentically)
{
    for (const NamedSeries &s : allSeries()) {
        if (s.name == "gaps+islands")
            continue;
        checkSeries(s, 640, true);
        checkSeries(s, 100, true);
    }
}

TEST(M4Pixels, SummaryCannotSeeLonePointsBetweenInteriorNaNs)
{
    // Documents the limit of ChunkSummary: without a NaN count the chunk is
    // drawn as one unbroken run, so its lone spike shows although all points
    // draw nothing there.
    PointVector p = lossCurve(4096, 0, 1, 3.0, 6);
    p[2000].value = kNaN;
    p[2001].value = 3.9;
    p[2002].value = kNaN;
    const Viewport vp{ColumnMapping({0, 4095}, 1), RowMapping(-1.0, 4.0, 200)};
    M4Reducer r(vp.x);
    r.addSummary(summarizeChunk(p));
    EXPECT_FALSE(renderPolyline(p, vp) == renderPolyline(r.finish(), vp));
    EXPECT_TRUE(renderPolyline(p, vp) == renderPolyline(reduceM4(p, vp.x.range(), 1), vp));
}

TEST(M4Pixels, ReducedSizeIsSetByPixelsNotPoints)
{
    const NamedSeries s = spikes();
    const PointVector out = reduceM4(s.points, {s.points.front().step, s.points.back().step}, 640);
    EXPECT_LE(out.size(), 4u * 640u);
    EXPECT_GE(out.size(), 2u * 640u);
}
