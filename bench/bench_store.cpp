// Store benchmark: ingest through the logging client against a
// one-row-per-point SQLite baseline, fork cost against source size, and
// effective-history read throughput. Prints a report, or one JSON object with
// --json. Medians over --repeat runs; every ratio compares numbers measured
// in this same run on this same machine.
#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <sqlite3.h>

#include "client/run.h"
#include "core/json_qt.h"
#include "identity/fork_spec.h"
#include "store/sqlite_db.h"
#include "store/store.h"

using namespace forkscope;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double>(b - a).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

qint64 storeBytes(const QString &path)
{
    qint64 total = 0;
    for (const char *suffix : {"", "-wal", "-shm"})
        total += QFileInfo(path + QLatin1String(suffix)).size();
    return total;
}

constexpr std::array<const char *, 10> kKeys = {"loss",    "accuracy", "lr",         "grad_norm", "val_loss",
                                                "val_acc", "tokens",   "throughput", "gpu_mem",   "weight_norm"};

double metric(int k, qint64 step)
{
    return std::sin(double(step) * 1e-3 * (k + 1)) + double(k) + double(step % 97) * 1e-4;
}

struct IngestResult {
    double seconds;
    qint64 bytes;
    RunInfo run;
};

IngestResult ingestClient(const QString &path, qint64 steps)
{
    InitOptions o;
    o.storePath = path;
    o.project = QStringLiteral("bench");
    const auto t0 = Clock::now();
    auto run = Run::init(o);
    for (qint64 s = 0; s < steps; ++s) {
        run->log({{kKeys[0], metric(0, s)},
                  {kKeys[1], metric(1, s)},
                  {kKeys[2], metric(2, s)},
                  {kKeys[3], metric(3, s)},
                  {kKeys[4], metric(4, s)},
                  {kKeys[5], metric(5, s)},
                  {kKeys[6], metric(6, s)},
                  {kKeys[7], metric(7, s)},
                  {kKeys[8], metric(8, s)},
                  {kKeys[9], metric(9, s)}});
    }
    run->finish();
    const auto t1 = Clock::now();
    {
        Store store(path);
        store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    return {seconds(t0, t1), storeBytes(path), run->info()};
}

// The naive design: one row per point, indexed by (run, key, step).
IngestResult ingestRowBaseline(const QString &path, qint64 steps)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                 "CREATE TABLE points(run INTEGER, key TEXT, step INTEGER, value REAL,"
                 " PRIMARY KEY(run, key, step)) WITHOUT ROWID;",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO points VALUES (1, ?1, ?2, ?3)", -1, &st, nullptr);
    const auto t0 = Clock::now();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (qint64 s = 0; s < steps; ++s) {
        for (int k = 0; k < int(kKeys.size()); ++k) {
            sqlite3_bind_text(st, 1, kKeys[size_t(k)], -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 2, s);
            sqlite3_bind_double(st, 3, metric(k, s));
            sqlite3_step(st);
            sqlite3_reset(st);
        }
        if (s % 100000 == 99999) { // commit every second or so, like a logger
            sqlite3_exec(db, "COMMIT; BEGIN", nullptr, nullptr, nullptr);
        }
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const auto t1 = Clock::now();
    sqlite3_finalize(st);
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return {seconds(t0, t1), storeBytes(path), {}};
}

double forkSeconds(Store &store, const RunInfo &source, int repeats, std::vector<double> *all = nullptr)
{
    std::vector<double> times;
    const qint64 step = *source.lastStep() / 2;
    for (int i = 0; i < repeats; ++i) {
        const auto t0 = Clock::now();
        store.createFork(ForkSpec::parse(source.immutableId + QStringLiteral("?_step=") + QString::number(step)), {});
        times.push_back(seconds(t0, Clock::now()));
    }
    if (all)
        *all = times;
    return median(times);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool json = args.contains(QStringLiteral("--json"));
    qint64 steps = 1000000;
    int repeat = 3;
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QStringLiteral("--steps"))
            steps = args[i + 1].toLongLong();
        if (args[i] == QStringLiteral("--repeat"))
            repeat = std::max(1, args[i + 1].toInt());
    }
    const qint64 points = steps * qint64(kKeys.size());
    QTemporaryDir dir;

    std::vector<double> oursSeconds;
    std::vector<double> oursBytes;
    IngestResult big{};
    for (int r = 0; r < repeat; ++r) {
        const QString path = dir.filePath(QStringLiteral("ours-%1.sqlite").arg(r));
        big = ingestClient(path, steps);
        oursSeconds.push_back(big.seconds);
        oursBytes.push_back(double(big.bytes));
    }
    const QString bigPath = dir.filePath(QStringLiteral("ours-%1.sqlite").arg(repeat - 1));
    const IngestResult rows = ingestRowBaseline(dir.filePath(QStringLiteral("rows.sqlite")), steps);

    // Fork cost: the 10 M-point run from above vs. a 1 000-point source.
    Store store(bigPath);
    const double forkBig = forkSeconds(store, big.run, 21);
    const QString smallPath = dir.filePath(QStringLiteral("small.sqlite"));
    const IngestResult small = ingestClient(smallPath, 100);
    Store smallStore(smallPath);
    const double forkSmall = forkSeconds(smallStore, small.run, 21);

    // Effective history read: every key of a fork taken at the middle.
    const RunInfo fork = store.createFork(
        ForkSpec::parse(big.run.immutableId + QStringLiteral("?_step=") + QString::number(steps - 1)), {});
    std::vector<double> readTimes;
    qint64 readPoints = 0;
    for (int r = 0; r < repeat; ++r) {
        const auto t0 = Clock::now();
        readPoints = 0;
        for (const char *k : kKeys)
            readPoints += qint64(store.readSeries(fork.key, QString::fromLatin1(k)).size());
        readTimes.push_back(seconds(t0, Clock::now()));
    }

    const double oursRate = double(points) / median(oursSeconds);
    const double rowsRate = double(points) / rows.seconds;
    Json out = {
        {"steps", steps},
        {"metrics", kKeys.size()},
        {"points", points},
        {"repeat", repeat},
        {"ingest",
         {{"points_per_s", oursRate},
          {"bytes_per_point", median(oursBytes) / double(points)},
          {"median_s", median(oursSeconds)}}},
        {"ingest_row_baseline",
         {{"points_per_s", rowsRate}, {"bytes_per_point", double(rows.bytes) / double(points)}, {"s", rows.seconds}}},
        {"ingest_speedup_vs_rows", oursRate / rowsRate},
        {"fork",
         {{"source_points_large", points},
          {"median_ms_large", forkBig * 1e3},
          {"source_points_small", 100 * qint64(kKeys.size())},
          {"median_ms_small", forkSmall * 1e3},
          {"ratio_large_over_small", forkBig / forkSmall}}},
        {"effective_read",
         {{"points", readPoints},
          {"median_s", median(readTimes)},
          {"points_per_s", double(readPoints) / median(readTimes)}}},
    };
    if (json) {
        std::printf("%s\n", dumpJson(out, 2).c_str());
    } else {
        std::printf("ingest (client):   %.2f M points/s, %.2f bytes/point (%lld points, median of %d)\n",
                    oursRate / 1e6, median(oursBytes) / double(points), (long long)points, repeat);
        std::printf("ingest (row/point):%.2f M points/s, %.2f bytes/point -> ours is %.1fx faster\n", rowsRate / 1e6,
                    double(rows.bytes) / double(points), oursRate / rowsRate);
        std::printf("fork: %.3f ms from %lld points vs %.3f ms from 1000 points (ratio %.2f)\n", forkBig * 1e3,
                    (long long)points, forkSmall * 1e3, forkBig / forkSmall);
        std::printf("effective read: %.1f M points/s (%lld points)\n", double(readPoints) / median(readTimes) / 1e6,
                    (long long)readPoints);
    }
    return 0;
}
