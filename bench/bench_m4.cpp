// Reducing a 10 M point series to 1600 columns: from raw points, from chunk
// summaries where the read path could use them, and the naive cost of just
// copying every point.
#include "history/m4_reducer.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <span>
#include <vector>

using namespace forkscope;

namespace {

constexpr qint64 kPoints = 10'000'000;
constexpr int kColumns = 1600;
constexpr qint64 kChunkPoints = 4096;

const PointVector &series()
{
    static const PointVector points = [] {
        PointVector p;
        p.reserve(std::size_t(kPoints));
        for (qint64 i = 0; i < kPoints; ++i)
            p.push_back({i, std::exp(-double(i) / kPoints) + 0.1 * std::sin(double(i) * 0.37)});
        return p;
    }();
    return points;
}

struct Chunk {
    std::span<const Point> points;
    ChunkSummary summary;
};

const std::vector<Chunk> &chunks()
{
    static const std::vector<Chunk> all = [] {
        std::vector<Chunk> c;
        const std::span<const Point> p(series());
        for (std::size_t i = 0; i < p.size(); i += kChunkPoints) {
            const auto piece = p.subspan(i, std::min<std::size_t>(kChunkPoints, p.size() - i));
            c.push_back({piece, summarizeChunk(piece)});
        }
        return c;
    }();
    return all;
}

StepRange wholeRange()
{
    return {0, kPoints - 1};
}

void BM_CopyAllPoints(benchmark::State &state)
{
    const PointVector &p = series();
    for (auto _ : state) {
        PointVector copy(p.begin(), p.end());
        benchmark::DoNotOptimize(copy.data());
    }
    state.SetItemsProcessed(state.iterations() * kPoints);
}

void BM_M4FromRawPoints(benchmark::State &state)
{
    const PointVector &p = series();
    std::size_t outSize = 0;
    for (auto _ : state) {
        PointVector out = reduceM4(p, wholeRange(), kColumns);
        outSize = out.size();
        benchmark::DoNotOptimize(out.data());
    }
    state.counters["out_points"] = double(outSize);
    state.SetItemsProcessed(state.iterations() * kPoints);
}

void BM_M4FromSummaries(benchmark::State &state)
{
    const auto &c = chunks();
    const ColumnMapping columns(wholeRange(), kColumns);
    std::size_t outSize = 0;
    qint64 summaries = 0;
    for (auto _ : state) {
        M4Reducer r(columns);
        summaries = 0;
        for (const Chunk &chunk : c) {
            if (summarySuffices(columns, chunk.summary.firstStep, chunk.summary.lastStep)) {
                r.addSummary(chunk.summary);
                ++summaries;
            } else {
                r.addPoints(chunk.points);
            }
        }
        PointVector out = r.finish();
        outSize = out.size();
        benchmark::DoNotOptimize(out.data());
    }
    state.counters["out_points"] = double(outSize);
    state.counters["summary_chunks"] = double(summaries);
    state.counters["chunks"] = double(c.size());
    state.SetItemsProcessed(state.iterations() * kPoints);
}

} // namespace

BENCHMARK(BM_CopyAllPoints)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_M4FromRawPoints)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_M4FromSummaries)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
