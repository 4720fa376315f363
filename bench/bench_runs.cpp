// Runs-list benchmark: the paging runs model (RunPageModel over a
// StoreWorker, in an offscreen table view) on projects of 1 000 and
// 1 000 000 runs: time and memory to a painted first page, sorting and
// filtering by a summary value, and the CPU the app spends while another
// process logs one run of a 100 000-run project. Prints a report, or one
// JSON object with --json. Stores are made once in --dir (default a temp
// folder) through the Store API in bulk transactions and reused when present.
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QHeaderView>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <chrono>
#include <cstdio>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

#include "core/json_qt.h"
#include "identity/run_path.h"
#include "itemmodels/run_page_model.h"
#include "store/history_writer.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "store/store_transaction.h"
#include "views/store_worker.h"

using namespace forkscope;

namespace {

double rssMb()
{
    FILE *f = std::fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(f);
    }
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

// A project of `n` finished runs with a summary (loss, acc), a config (lr,
// batch) and a tag. The first run comes from Store::createRun; the rest are
// inserted by one statement per 50 000 runs, so the schema's own triggers
// keep the counts, change numbers and value index as for any write.
qint64 ensureProject(const QString &path, int n)
{
    Store store(path);
    // An idle store has its WAL checkpointed; opening one with a large WAL
    // would measure SQLite rebuilding its WAL index.
    const auto checkpointed = [&store](qint64 key) {
        store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        return key;
    };
    if (auto p = store.findProject(defaultEntity(), QStringLiteral("bench")); p && p->runCount >= n)
        return checkpointed(p->key);
    NewRun first;
    first.project = QStringLiteral("bench");
    first.runId = QStringLiteral("first");
    first.state = RunState::Finished;
    const qint64 project = store.createRun(first).projectKey;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    constexpr int kBatch = 50000;
    for (int from = 1; from < n; from += kBatch) {
        StoreWriteBatch batch(store);
        auto st = store.db().prepare(
            "WITH RECURSIVE n(i) AS (SELECT ?2 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?3) "
            "INSERT INTO runs (immutable_id, project_id, run_id, name, state, created_ms, heartbeat_ms, config, "
            "summary, tags) SELECT printf('bench%07d', i), ?1, printf('run%07d', i), printf('bench-run-%d', i), "
            "'finished', ?4 + i, ?4 + i, json_object('lr', 1e-4 * (i % 997), 'batch', 32 << (i % 4)), "
            "json_object('loss', ((i * 7919) % 1000003) / 1000003.0, 'acc', 1.0 - ((i * 7919) % 1000003) / "
            "1000003.0), CASE WHEN i % 10 = 0 THEN '[\"baseline\"]' ELSE '[\"sweep\"]' END FROM n");
        st.bind(1, project).bind(2, qint64(from)).bind(3, qint64(std::min(n, from + kBatch))).bind(4, now - n);
        st.run();
        batch.commit();
    }
    return checkpointed(project);
}

struct Table {
    explicit Table(const QString &path)
        : worker(path, QStringLiteral("bench-runs")),
          model([this](RunPageModel::Job job) { worker.post(&model, std::move(job)); })
    {
        view.setModel(&model);
        view.resize(900, 600);
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.show();
    }
    // Until the model has its rows and the view painted the visible ones.
    void settle()
    {
        while (!(model.isSettled() && worker.isIdle()))
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        view.viewport()->repaint(); // asks for the visible rows
        while (!(model.isSettled() && worker.isIdle()))
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        view.viewport()->repaint();
    }
    StoreWorker worker;
    RunPageModel model;
    QTableView view;
};

double openToFirstPage(const QString &path, qint64 project, double &rssGrowth)
{
    const double before = rssMb();
    QElapsedTimer t;
    t.start();
    Table table(path);
    RunPageQuery q;
    q.projectKey = project;
    table.model.setQuery(q);
    table.settle();
    const double ms = double(t.nsecsElapsed()) * 1e-6;
    rssGrowth = rssMb() - before;
    return ms;
}

// Until the first rows are painted; `countedMs` gets the time until the
// exact count (later than the first page only for a text filter).
double queryToFirstPage(Table &table, const RunPageQuery &q, double *countedMs = nullptr)
{
    QElapsedTimer t;
    t.start();
    bool reset = false; // until then the view shows the old query's rows
    const auto connection = QObject::connect(&table.model, &QAbstractItemModel::modelReset, [&reset] { reset = true; });
    table.model.setQuery(q);
    while (!reset)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    QObject::disconnect(connection);
    table.view.viewport()->repaint();
    const double firstPageMs = double(t.nsecsElapsed()) * 1e-6;
    table.settle();
    if (countedMs)
        *countedMs = double(t.nsecsElapsed()) * 1e-6;
    return firstPageMs;
}

// The child: logs `key` at 20 rows a second from `startMs` for `seconds`,
// step i at startMs + 50 i.
int logChild(const QString &path, qint64 runKey, qint64 startMs, int seconds)
{
    Store store(path);
    HistoryWriter writer(store, runKey);
    for (int i = 0; i < seconds * 20; ++i) {
        const qint64 due = startMs + 50 * qint64(i);
        const qint64 wait = due - QDateTime::currentMSecsSinceEpoch();
        if (wait > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(wait));
        writer.addNumber("loss", i, 1.0 / double(i + 1), false);
        writer.flush();
    }
    return 0;
}

struct LoggingResult {
    double cpuPercent = 0;
    double maxLatencyMs = 0;
    double medianLatencyMs = 0;
    int stepsShown = 0;
};

LoggingResult whileOneRunLogs(const QString &path, qint64 project, int seconds)
{
    Store store(path);
    NewRun spec;
    spec.project = QStringLiteral("bench");
    spec.state = RunState::Running;
    const RunInfo logged = store.createRun(spec);

    Table table(path);
    RunPageQuery q;
    q.projectKey = project;
    table.model.setQuery(q); // newest first: the logged run is row 0
    table.settle();
    QTimer poll;
    poll.setInterval(250);
    QObject::connect(&poll, &QTimer::timeout, &table.model, &RunPageModel::refresh);
    poll.start();

    const qint64 startMs = QDateTime::currentMSecsSinceEpoch() + 1000;
    std::vector<double> latencies;
    qint64 lastSeen = -1;
    QObject::connect(&table.model, &QAbstractItemModel::dataChanged, [&](const QModelIndex &a, const QModelIndex &b) {
        for (int row = a.row(); row <= b.row(); ++row) {
            const RunInfo *r = table.model.runAt(row);
            if (!r || r->key != logged.key || !r->ownLastStep || *r->ownLastStep <= lastSeen)
                continue;
            // Every step up to the one shown waited until now.
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (qint64 step = lastSeen + 1; step <= *r->ownLastStep; ++step)
                latencies.push_back(double(now - (startMs + 50 * step)));
            lastSeen = *r->ownLastStep;
        }
    });
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--log-child"), path, QString::number(logged.key), QString::number(startMs),
                 QString::number(seconds)});
    child.waitForStarted();
    // Measure once the child logs.
    while (QDateTime::currentMSecsSinceEpoch() < startMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    const double cpu0 = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    QEventLoop loop;
    QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    loop.exec();
    const double cpu = cpuSeconds() - cpu0;
    const double elapsed = double(wall.elapsed()) * 1e-3;
    child.waitForFinished(30000);
    LoggingResult out;
    out.cpuPercent = 100.0 * cpu / elapsed;
    out.stepsShown = int(latencies.size());
    if (!latencies.empty()) {
        out.maxLatencyMs = *std::max_element(latencies.begin(), latencies.end());
        std::sort(latencies.begin(), latencies.end());
        out.medianLatencyMs = latencies[latencies.size() / 2];
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 6 && std::string(argv[1]) == "--log-child") {
        QCoreApplication app(argc, argv);
        return logChild(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toLongLong(),
                        QByteArray(argv[4]).toLongLong(), QByteArray(argv[5]).toInt());
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool json = args.contains(QStringLiteral("--json"));
    const auto intArg = [&](const char *name, int fallback) {
        const int at = int(args.indexOf(QString::fromLatin1(name)));
        return at >= 0 && at + 1 < args.size() ? args[at + 1].toInt() : fallback;
    };
    const int big = intArg("--runs", 1000000);
    const int small = 1000;
    const int loggingRuns = intArg("--logging-runs", 100000);
    const int seconds = intArg("--seconds", 10);
    QTemporaryDir temp;
    const int dirAt = int(args.indexOf(QStringLiteral("--dir")));
    const QString dir = dirAt >= 0 && dirAt + 1 < args.size() ? args[dirAt + 1] : temp.path();
    QDir().mkpath(dir);
    const QString smallPath = dir + QStringLiteral("/runs-small.sqlite");
    const QString bigPath = dir + QStringLiteral("/runs-big.sqlite");
    const QString loggingPath = dir + QStringLiteral("/runs-logging.sqlite");

    QElapsedTimer made;
    made.start();
    const qint64 smallProject = ensureProject(smallPath, small);
    const qint64 bigProject = ensureProject(bigPath, big);
    const double makeSeconds = double(made.elapsed()) * 1e-3;

    double smallRss = 0, bigRss = 0;
    openToFirstPage(smallPath, smallProject, smallRss); // warms up fonts, styles and SQLite's code
    const double smallMs = openToFirstPage(smallPath, smallProject, smallRss);
    const double bigMs = openToFirstPage(bigPath, bigProject, bigRss);

    Table table(bigPath);
    RunPageQuery q;
    q.projectKey = bigProject;
    table.model.setQuery(q);
    table.settle();
    q.sort = RunSortKey::Summary;
    q.valueKey = QStringLiteral("loss");
    q.direction = SortDirection::Ascending;
    const double sortAscMs = queryToFirstPage(table, q);
    q.direction = SortDirection::Descending;
    const double sortDescMs = queryToFirstPage(table, q);
    q.valueMin = 0.25;
    q.valueMax = 0.5;
    const double rangeMs = queryToFirstPage(table, q);
    q.valueMin.reset();
    q.valueMax.reset();
    q.sort = RunSortKey::Config;
    q.valueKey = QStringLiteral("lr");
    const double configMs = queryToFirstPage(table, q);
    RunPageQuery text;
    text.projectKey = bigProject;
    text.filter = QStringLiteral("baseline");
    double textCountMs = 0;
    const double textFilterMs = queryToFirstPage(table, text, &textCountMs);

    const qint64 loggingProject = ensureProject(loggingPath, loggingRuns);
    const LoggingResult logging = whileOneRunLogs(loggingPath, loggingProject, seconds);

    const Json out = {{"runs_big", big},
                      {"runs_small", small},
                      {"make_stores_s", makeSeconds},
                      {"open_first_page_small_ms", smallMs},
                      {"open_first_page_big_ms", bigMs},
                      {"open_ratio_big_to_small", bigMs / smallMs},
                      {"open_rss_growth_small_mb", smallRss},
                      {"open_rss_growth_big_mb", bigRss},
                      {"sort_summary_asc_first_page_ms", sortAscMs},
                      {"sort_summary_desc_first_page_ms", sortDescMs},
                      {"filter_summary_range_first_page_ms", rangeMs},
                      {"sort_config_first_page_ms", configMs},
                      {"filter_text_first_page_ms", textFilterMs},
                      {"filter_text_counted_ms", textCountMs},
                      {"logging_project_runs", loggingRuns},
                      {"logging_seconds", seconds},
                      {"logging_cpu_percent_of_core", logging.cpuPercent},
                      {"logging_steps_logged", seconds * 20},
                      {"logging_steps_shown", logging.stepsShown},
                      {"logging_latency_median_ms", logging.medianLatencyMs},
                      {"logging_latency_max_ms", logging.maxLatencyMs}};
    if (json) {
        std::printf("%s\n", out.dump().c_str());
    } else {
        for (auto it = out.begin(); it != out.end(); ++it)
            std::printf("%-40s %s\n", it.key().c_str(), it.value().dump().c_str());
    }
    return 0;
}
