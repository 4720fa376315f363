// Chart benchmark (issue 4): the real panels (views/charts/metric_panel) painted
// offscreen from a real store on disk, against the naive baseline (every
// point into a QLineSeries). Prints one JSON object per scenario and size.
//
//   QT_QPA_PLATFORM=offscreen bench_charts [--quick] [--json] [--reps N] [--dir D]
//                                          [--only open|zoom|overlay] [--ours-only]
//
// Default sizes are the issue's: 10 metrics x 10 000 000 steps; 20 runs x
// 1 000 000 steps in 4 panels. --quick divides the step counts by 10.
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineSeries>
#include <QThread>
#include <QValueAxis>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <memory>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "history/chart_data.h"
#include "history/series_query.h"
#include "store/history_writer.h"
#include "store/store.h"
#include "views/charts/metric_panel.h"
#include "views/store_worker.h"

using namespace forkscope;

namespace {

struct Options {
    bool quick = false;
    bool json = false;
    int reps = 5;
    QString only;                                                    // open, zoom or overlay; empty: all
    bool oursOnly = false;                                           // skip the naive baseline (for profiling)
    QString dir = QStringLiteral("/tmp/forkscope-bench-charts-16k"); // stores written with 16 KiB pages
};

struct Stat {
    double median = 0, min = 0, max = 0;
    int reps = 0;
};

Stat stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    Stat s;
    s.reps = int(v.size());
    s.min = v.front();
    s.max = v.back();
    s.median = v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
    return s;
}

double rssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    }
    return 0;
}

const Options *g_opts = nullptr;
void report(const char *scenario, const char *impl, const QString &size, const Stat &s, double goal,
            const QString &extra = {})
{
    if (g_opts->json)
        std::printf(
            "{\"scenario\":\"%s\",\"impl\":\"%s\",\"size\":\"%s\",\"median_ms\":%.2f,\"min_ms\":%.2f,\"max_ms\":%.2f,"
            "\"reps\":%d%s%s}\n",
            scenario, impl, qPrintable(size), s.median, s.min, s.max, s.reps,
            goal > 0 ? qPrintable(QStringLiteral(",\"goal_ms\":%1").arg(goal)) : "",
            extra.isEmpty() ? "" : qPrintable(QLatin1Char(',') + extra));
    else
        std::printf("%-10s %-9s %-28s median %9.2f ms  (min %.2f, max %.2f, n=%d)%s\n", scenario, impl,
                    qPrintable(size), s.median, s.min, s.max, s.reps,
                    qPrintable(extra.isEmpty() ? QString() : QStringLiteral("  ") + extra));
    std::fflush(stdout);
}

// A training-like curve with noise and a rare one-step spike.
void writeRun(Store &store, const QString &project, const QString &id, int metrics, qint64 steps, std::uint64_t seed)
{
    NewRun spec;
    spec.project = project;
    spec.runId = id;
    const RunInfo run = store.createRun(spec);
    HistoryWriter w(store, run.key);
    std::vector<int> handles;
    for (int m = 0; m < metrics; ++m)
        handles.push_back(w.keyHandle("metric_" + std::to_string(m)));
    std::uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
    for (qint64 s = 0; s < steps; ++s) {
        for (int m = 0; m < metrics; ++m) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            const double noise = double(x >> 11) * 0x1.0p-53 - 0.5;
            double v = (1.0 + m) * std::exp(-double(s) / double(steps) * 3) + 0.1 * noise;
            if ((x & 0xFFFFF) == 7)
                v += 5;
            w.addNumber(handles[size_t(m)], s, v);
        }
        if (w.pendingPoints() >= 2'000'000)
            w.flush();
    }
    w.flush();
    store.setState(run.key, RunState::Finished, 0);
}

// Writes the stores in a child process so the parent's resident size only
// shows what reading and drawing cost.
void ensureStore(const QString &path, const std::function<void(Store &)> &fill)
{
    if (QFile::exists(path))
        return;
    QFile::remove(path + QStringLiteral(".tmp"));
    const pid_t pid = fork();
    if (pid == 0) {
        {
            Store store(path + QStringLiteral(".tmp"));
            fill(store);
        }
        QFile::remove(path + QStringLiteral(".tmp-wal"));
        QFile::remove(path + QStringLiteral(".tmp-shm"));
        _exit(QFile::rename(path + QStringLiteral(".tmp"), path) ? 0 : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
}

std::vector<std::unique_ptr<MetricPanel>> makePanels(int count, const std::vector<PanelRun> &runs)
{
    std::vector<std::unique_ptr<MetricPanel>> panels;
    for (int m = 0; m < count; ++m) {
        auto p = std::make_unique<MetricPanel>(QStringLiteral("metric_%1").arg(m));
        p->resize(640, 260);
        p->setRuns(runs);
        p->show();
        panels.push_back(std::move(p));
    }
    QApplication::processEvents();
    return panels;
}

// The app's chart workers: one thread and store connection per lane.
struct Lanes {
    std::vector<std::unique_ptr<StoreWorker>> workers;
    explicit Lanes(const QString &path)
    {
        const int n = std::clamp(QThread::idealThreadCount(), 1, 4);
        for (int i = 0; i < n; ++i)
            workers.push_back(std::make_unique<StoreWorker>(path, QStringLiteral("bench-lane-%1").arg(i)));
    }
};

// One opening: wall time, and where it went: reading and reducing (summed
// over lanes) vs. handing over and painting (UI thread).
struct OpenTiming {
    double totalMs = 0, queryMs = 0, paintMs = 0;
};

// Ours, as the charts tab does it: panels spread over the lanes, each lane
// with a cold cache (a freshly opened run); each result is handed to its
// panel and painted on this (the UI) thread as it arrives.
OpenTiming openLanes(Lanes &lanes, const std::vector<std::unique_ptr<MetricPanel>> &panels)
{
    std::vector<std::shared_ptr<SeriesCache>> caches;
    for (size_t i = 0; i < lanes.workers.size(); ++i)
        caches.push_back(std::make_shared<SeriesCache>());
    std::atomic<qint64> queryNs{0};
    qint64 paintNs = 0;
    size_t delivered = 0;
    QObject receiver;
    QElapsedTimer t;
    t.start();
    for (size_t i = 0; i < panels.size(); ++i) {
        const size_t lane = i % lanes.workers.size();
        MetricPanel *panel = panels[i].get();
        lanes.workers[lane]->post(
            &receiver, [&, panel, request = panel->request(), cache = caches[lane]](Store &store) {
                QElapsedTimer q;
                q.start();
                auto data = std::make_shared<PanelData>(loadPanelData(store, request, cache.get()));
                queryNs += q.nsecsElapsed();
                return StoreWorker::Done([&, panel, data] {
                    QElapsedTimer p;
                    p.start();
                    panel->setData(*data);
                    (void)panel->grab();
                    paintNs += p.nsecsElapsed();
                    ++delivered;
                });
            });
    }
    while (delivered < panels.size())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return {double(t.nsecsElapsed()) / 1e6, double(queryNs.load()) / 1e6, double(paintNs) / 1e6};
}

// Opens `panels` `reps` times through lanes on `path`: medians, and the
// JSON fields that say where the time went. `rssAfter`: the resident size
// while the lanes (and their stores) still live.
std::pair<Stat, QString> measureOpen(const QString &path, const std::vector<std::unique_ptr<MetricPanel>> &panels,
                                     int reps, double *rssAfter = nullptr)
{
    Lanes lanes(path);
    std::vector<double> total, query, paint;
    for (int r = 0; r < reps; ++r) {
        const OpenTiming t = openLanes(lanes, panels);
        total.push_back(t.totalMs);
        query.push_back(t.queryMs);
        paint.push_back(t.paintMs);
    }
    if (rssAfter)
        *rssAfter = rssMb();
    return {stats(total), QStringLiteral("\"lanes\":%1,\"query_ms\":%2,\"paint_ms\":%3")
                              .arg(lanes.workers.size())
                              .arg(stats(query).median, 0, 'f', 2)
                              .arg(stats(paint).median, 0, 'f', 2)};
}

// Ours on one thread: query + reduce + setData + paint, panel by panel.
void openOurs(Store &store, const std::vector<std::unique_ptr<MetricPanel>> &panels, SeriesCache &cache)
{
    for (const auto &p : panels) {
        p->setData(loadPanelData(store, p->request(), &cache));
        (void)p->grab();
    }
}

struct NaivePanel {
    QChart *chart = new QChart;
    QChartView view{chart};
    QValueAxis *x = new QValueAxis;
    QValueAxis *y = new QValueAxis;
    std::vector<QLineSeries *> series;
    NaivePanel(int runs)
    {
        chart->legend()->hide();
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (int r = 0; r < runs; ++r) {
            auto *s = new QLineSeries;
            chart->addSeries(s);
            s->attachAxis(x);
            s->attachAxis(y);
            series.push_back(s);
        }
        view.resize(640, 230);
        view.show();
    }
};

// Baseline: every point of every run into QLineSeries, then paint.
double openNaive(Store &store, std::vector<std::unique_ptr<NaivePanel>> &panels, const std::vector<qint64> &runs)
{
    QElapsedTimer t;
    t.start();
    for (size_t m = 0; m < panels.size(); ++m) {
        double lo = 1e300, hi = -1e300, xhi = 0;
        for (size_t r = 0; r < runs.size(); ++r) {
            const PointVector pts = store.readSeries(runs[r], QStringLiteral("metric_%1").arg(m));
            QList<QPointF> q;
            q.reserve(qsizetype(pts.size()));
            for (const Point &p : pts) {
                q.append(QPointF(double(p.step), p.value));
                lo = std::min(lo, p.value);
                hi = std::max(hi, p.value);
            }
            if (!pts.empty())
                xhi = std::max(xhi, double(pts.back().step));
            panels[m]->series[r]->replace(q);
        }
        panels[m]->x->setRange(0, xhi);
        panels[m]->y->setRange(lo, hi);
        (void)panels[m]->view.grab();
    }
    return double(t.nsecsElapsed()) / 1e6;
}

std::vector<PanelRun> panelRuns(Store &store, const QString &project)
{
    std::vector<PanelRun> out;
    const auto p = store.findProject(QStringLiteral("local"), project);
    std::vector<RunInfo> runs = p ? store.runs(p->key) : std::vector<RunInfo>{};
    if (runs.empty()) {
        for (const ProjectInfo &pi : store.projects()) {
            if (pi.name == project)
                runs = store.runs(pi.key);
        }
    }
    std::sort(runs.begin(), runs.end(), [](const RunInfo &a, const RunInfo &b) { return a.runId < b.runId; });
    int i = 0;
    for (const RunInfo &r : runs)
        out.push_back({r.key, r.name, r.runId, i++, std::nullopt});
    return out;
}

QString sizeText(int runs, int metrics, qint64 steps)
{
    return QStringLiteral("%1 run(s) x %2 metrics x %3 steps").arg(runs).arg(metrics).arg(steps);
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a = argv[i];
        if (a == "--quick")
            o.quick = true;
        else if (a == "--ours-only")
            o.oursOnly = true;
        else if (a == "--json")
            o.json = true;
        else if (a == "--reps" && i + 1 < argc)
            o.reps = std::max(1, atoi(argv[++i]));
        else if (a == "--only" && i + 1 < argc)
            o.only = QString::fromLocal8Bit(argv[++i]);
        else if (a == "--dir" && i + 1 < argc)
            o.dir = QString::fromLocal8Bit(argv[++i]);
    }
    g_opts = &o;
    const qint64 bigSteps = o.quick ? 1'000'000 : 10'000'000;
    const qint64 overlaySteps = o.quick ? 100'000 : 1'000'000;
    const qint64 naiveSteps = o.quick ? 100'000 : 1'000'000; // what the baseline can finish
    const qint64 naiveOverlaySteps = o.quick ? 10'000 : 100'000;
    QDir().mkpath(o.dir);
    auto storeFor = [&](const QString &name) { return o.dir + QLatin1Char('/') + name + QStringLiteral(".sqlite"); };
    const QString bigPath = storeFor(QStringLiteral("big-%1").arg(bigSteps));
    const QString midPath = storeFor(QStringLiteral("big-%1").arg(naiveSteps));
    const QString overlayPath = storeFor(QStringLiteral("overlay-%1").arg(overlaySteps));
    const QString overlayNaivePath = storeFor(QStringLiteral("overlay-%1").arg(naiveOverlaySteps));
    auto want = [&](const char *scenario) { return o.only.isEmpty() || o.only == QLatin1String(scenario); };
    QElapsedTimer gen;
    gen.start();
    if (want("open") || want("zoom")) {
        ensureStore(bigPath,
                    [&](Store &s) { writeRun(s, QStringLiteral("big"), QStringLiteral("r0"), 10, bigSteps, 1); });
        ensureStore(midPath,
                    [&](Store &s) { writeRun(s, QStringLiteral("big"), QStringLiteral("r0"), 10, naiveSteps, 1); });
    }
    auto overlay = [&](qint64 steps) {
        return [steps](Store &s) {
            for (int r = 0; r < 20; ++r)
                writeRun(s, QStringLiteral("overlay"), QStringLiteral("r%1").arg(r, 2, 10, QLatin1Char('0')), 4, steps,
                         100 + r);
        };
    };
    if (want("overlay")) {
        ensureStore(overlayPath, overlay(overlaySteps));
        ensureStore(overlayNaivePath, overlay(naiveOverlaySteps));
    }
    if (!o.json)
        std::printf("stores ready in %.1f s (%s)\n", gen.elapsed() / 1000.0, qPrintable(o.dir));

    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    // --- 1. open a run with 10 metrics and paint all ten panels -------------
    if (want("open"))
        for (const auto &[path, steps] : {std::pair{bigPath, bigSteps}, std::pair{midPath, naiveSteps}}) {
            const double rssBefore = rssMb();
            Store store(path);
            const auto runs = panelRuns(store, QStringLiteral("big"));
            auto panels = makePanels(10, runs);
            double rssAfter = 0;
            const auto [time, where] = measureOpen(path, panels, o.reps, &rssAfter);
            report("open", "forkscope", sizeText(1, 10, steps), time, 150,
                   where + QStringLiteral(",\"rss_growth_mb\":%1").arg(rssAfter - rssBefore, 0, 'f', 1));
        }
    if (want("open") && !o.oursOnly) {
        Store store(midPath);
        const auto runs = panelRuns(store, QStringLiteral("big"));
        std::vector<double> t;
        const double rssBefore = rssMb();
        double rssAfter = 0;
        for (int r = 0; r < std::min(o.reps, 3); ++r) {
            std::vector<std::unique_ptr<NaivePanel>> panels;
            for (int m = 0; m < 10; ++m)
                panels.push_back(std::make_unique<NaivePanel>(1));
            QApplication::processEvents();
            t.push_back(openNaive(store, panels, {runs.front().key}));
            rssAfter = std::max(rssAfter, rssMb());
        }
        report("open", "naive", sizeText(1, 10, naiveSteps), stats(t), 150,
               QStringLiteral("\"rss_growth_mb\":%1").arg(rssAfter - rssBefore, 0, 'f', 1));
    }

    // --- 2. one zoom or pan step: query + reduce + repaint -------------------
    if (want("zoom"))
        for (const auto &[path, steps] : {std::pair{bigPath, bigSteps}, std::pair{midPath, naiveSteps}}) {
            Store store(path);
            const auto runs = panelRuns(store, QStringLiteral("big"));
            auto panels = makePanels(1, runs);
            MetricPanel &panel = *panels.front();
            SeriesCache cache; // the worker's cache, warm as in the app
            openOurs(store, panels, cache);
            for (qint64 span = steps; span >= 1000; span /= 10) {
                std::vector<double> t;
                const qint64 centre = steps / 3;
                for (int r = 0; r < std::max(o.reps * 4, 10); ++r) {
                    // Alternate zooming into this level and panning at it.
                    const qint64 lo = std::clamp<qint64>(centre - span / 2 + (r % 2) * span / 10, 0, steps - span);
                    panel.setXZoom(std::pair{double(lo), double(lo + span - 1)});
                    QElapsedTimer timer;
                    timer.start();
                    PanelRequest req = panel.request();
                    req.range = StepRange{lo, lo + span - 1};
                    panel.setData(loadPanelData(store, req, &cache));
                    (void)panel.grab();
                    t.push_back(double(timer.nsecsElapsed()) / 1e6);
                }
                report("zoom", "forkscope", sizeText(1, 1, steps) + QStringLiteral(" span %1").arg(span), stats(t), 16);
            }
        }
    if (want("zoom") && !o.oursOnly) {
        Store store(midPath);
        const auto runs = panelRuns(store, QStringLiteral("big"));
        std::vector<std::unique_ptr<NaivePanel>> panels;
        panels.push_back(std::make_unique<NaivePanel>(1));
        QApplication::processEvents();
        (void)openNaive(store, panels, {runs.front().key});
        NaivePanel &p = *panels.front();
        for (qint64 span = naiveSteps; span >= 1000; span /= 10) {
            std::vector<double> t;
            for (int r = 0; r < std::min(o.reps, 3); ++r) {
                const qint64 lo =
                    std::clamp<qint64>(naiveSteps / 3 - span / 2 + (r % 2) * span / 10, 0, naiveSteps - span);
                QElapsedTimer timer;
                timer.start();
                p.x->setRange(double(lo), double(lo + span - 1));
                (void)p.view.grab();
                t.push_back(double(timer.nsecsElapsed()) / 1e6);
            }
            report("zoom", "naive", sizeText(1, 1, naiveSteps) + QStringLiteral(" span %1").arg(span), stats(t), 16);
        }
    }

    // --- 3. 20 runs overlaid in 4 panels -------------------------------------
    if (want("overlay"))
        for (const auto &[path, steps] :
             {std::pair{overlayPath, overlaySteps}, std::pair{overlayNaivePath, naiveOverlaySteps}}) {
            Store store(path);
            const auto runs = panelRuns(store, QStringLiteral("overlay"));
            auto panels = makePanels(4, runs);
            const auto [time, where] = measureOpen(path, panels, o.reps);
            report("overlay", "forkscope", sizeText(int(runs.size()), 4, steps), time, 300, where);
        }
    if (want("overlay") && !o.oursOnly) {
        Store store(overlayNaivePath);
        const auto runs = panelRuns(store, QStringLiteral("overlay"));
        std::vector<qint64> keys;
        for (const PanelRun &r : runs)
            keys.push_back(r.key);
        std::vector<double> t;
        for (int r = 0; r < std::min(o.reps, 3); ++r) {
            std::vector<std::unique_ptr<NaivePanel>> panels;
            for (int m = 0; m < 4; ++m)
                panels.push_back(std::make_unique<NaivePanel>(int(keys.size())));
            QApplication::processEvents();
            t.push_back(openNaive(store, panels, keys));
        }
        report("overlay", "naive", sizeText(int(keys.size()), 4, naiveOverlaySteps), stats(t), 300);
    }
    return 0;
}
