// Lineage benchmark: a family of forks read from a real store and painted
// by the real LineageGraph offscreen, a 500-run family against a 30-run
// baseline (about one viewport of rows) measured in the same run. The graph
// paints the rows in view, so a repaint should cost about the same for both
// (paint_ratio near 1); reading the family grows with its size.
//
//   QT_QPA_PLATFORM=offscreen bench_lineage [--json] [--reps N] [--runs N]
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

#include "identity/fork_spec.h"
#include "store/history_writer.h"
#include "store/run_family.h"
#include "store/store.h"
#include "views/lineage/lineage_graph.h"

using namespace forkscope;

namespace {

constexpr int kBaselineRuns = 30;

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// A root with 1000 steps and `runs - 1` forks: chains of 20, each link
// changing lr, in one project.
qint64 makeFamily(Store &store, const QString &project, int runs)
{
    NewRun root;
    root.project = project;
    root.runId = QStringLiteral("r0");
    root.config = {{"lr", 0.0}, {"layers", 4}};
    root.state = RunState::Finished;
    const RunInfo r0 = store.createRun(root);
    HistoryWriter writer(store, r0.key);
    const int loss = writer.keyHandle("loss");
    for (qint64 s = 0; s < 1000; ++s)
        writer.addNumber(loss, s, 1.0 / double(s + 1));
    writer.flush();
    qint64 last = r0.key;
    for (int i = 1; i < runs; ++i) {
        ForkOptions o;
        o.project = project;
        o.runId = QStringLiteral("r%1").arg(i);
        o.configOverrides = {{"lr", i}};
        const QString source = i % 20 == 1 ? QStringLiteral("r0") : QStringLiteral("r%1").arg(i - 1);
        const int step = 10 + (i - 1) / 20 * 45 % 990;
        last = store.createFork(ForkSpec::parse(QStringLiteral("%1?_step=%2").arg(source).arg(step)), o).key;
    }
    return last;
}

struct Timing {
    double readMs = 0;
    double paintMs = 0;
    int paintedRows = 0;
};

Timing measure(Store &store, qint64 runKey, int reps)
{
    std::vector<double> reads, paints;
    LineageGraph graph;
    graph.resize(1400, 800);
    graph.show();
    QImage image(graph.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    for (int i = 0; i < reps; ++i) {
        QElapsedTimer t;
        t.start();
        auto family = std::make_shared<const RunFamily>(readRunFamily(store, runKey));
        reads.push_back(double(t.nsecsElapsed()) / 1e6);
        graph.setFamily(family, runKey);
        t.restart();
        graph.viewport()->render(&image);
        paints.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return {median(reads), median(paints), graph.paintedRows()};
}

} // namespace

int main(int argc, char **argv)
{
    bool json = false;
    int reps = 7;
    int runs = 500;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a = argv[i];
        if (a == "--json")
            json = true;
        else if (a == "--reps" && i + 1 < argc)
            reps = std::max(1, atoi(argv[++i]));
        else if (a == "--runs" && i + 1 < argc)
            runs = std::max(2, atoi(argv[++i]));
    }
    QApplication app(argc, argv);
    QTemporaryDir dir;
    Store store(dir.filePath(QStringLiteral("bench.sqlite")));
    const qint64 small = makeFamily(store, QStringLiteral("small"), kBaselineRuns);
    const qint64 large = makeFamily(store, QStringLiteral("large"), runs);
    const Timing base = measure(store, small, reps);
    const Timing big = measure(store, large, reps);
    if (json) {
        std::printf(
            "{\"bench\":\"lineage\",\"runs\":%d,\"baseline_runs\":%d,\"read_ms\":%.3f,\"baseline_read_ms\":%.3f,"
            "\"paint_ms\":%.3f,\"baseline_paint_ms\":%.3f,\"paint_ratio\":%.2f,\"painted_rows\":%d}\n",
            runs, kBaselineRuns, big.readMs, base.readMs, big.paintMs, base.paintMs, big.paintMs / base.paintMs,
            big.paintedRows);
    } else {
        std::printf("family of %d runs: read %.2f ms, paint %.2f ms (%d rows painted)\n", runs, big.readMs, big.paintMs,
                    big.paintedRows);
        std::printf("family of %d runs:  read %.2f ms, paint %.2f ms; paint ratio %.2f\n", kBaselineRuns, base.readMs,
                    base.paintMs, big.paintMs / base.paintMs);
    }
    return 0;
}
