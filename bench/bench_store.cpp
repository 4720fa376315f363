// Store benchmark: ingest through the logging client against a
// one-row-per-point SQLite baseline, bytes per point per kind of metric
// (the compressed chunk format against the plain one and a zlib candidate),
// fork cost against source size, and effective-history read throughput. Prints a report, or one JSON object with
// --json. Medians over --repeat runs; every ratio compares numbers measured
// in this same run on this same machine.
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <sqlite3.h>
#include <zlib.h>

#include "client/run.h"
#include "core/json_qt.h"
#include "identity/fork_spec.h"
#include "realistic_metrics.h"
#include "store/chunk_codec.h"
#include "store/sqlite_db.h"
#include "store/store.h"

using namespace forkscope;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double>(b - a).count();
}

// CPU time of this thread: on a shared machine it counts only the time the
// work was scheduled, so codec rates are not skewed by other processes.
double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

double processCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
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

using bench::RealisticMetrics;
constexpr auto kKeys = RealisticMetrics::kKeys;
constexpr std::uint64_t kSeed = 20261202;
// Series the client adds to every row, measured beside the logged ones.
constexpr std::array<const char *, 2> kClientKeys = {"_runtime", "_timestamp"};

qint64 pointsOf(qint64 steps)
{
    return steps * qint64(kKeys.size() - 1) +
           (steps + RealisticMetrics::kSparseEvery - 1) / RealisticMetrics::kSparseEvery;
}

struct IngestResult {
    double seconds;
    double cpuSeconds; // all threads (the client writes from a background thread)
    qint64 bytes;
    RunInfo run;
};

IngestResult ingestClient(const QString &path, qint64 steps)
{
    InitOptions o;
    o.storePath = path;
    o.project = QStringLiteral("bench");
    const auto t0 = Clock::now();
    const double c0 = processCpuSeconds();
    auto run = Run::init(o);
    RealisticMetrics metrics(kSeed, steps);
    std::array<NumericItem, kKeys.size()> row{};
    for (qint64 s = 0; s < steps; ++s) {
        const size_t n = metrics.row(s, row.data());
        run->log(std::span<const NumericItem>(row.data(), n));
    }
    run->finish();
    const auto t1 = Clock::now();
    const double cpu = processCpuSeconds() - c0;
    {
        Store store(path);
        store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    return {seconds(t0, t1), cpu, storeBytes(path), run->info()};
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
    RealisticMetrics metrics(kSeed, steps);
    std::array<NumericItem, kKeys.size()> row{};
    for (qint64 s = 0; s < steps; ++s) {
        const size_t n = metrics.row(s, row.data());
        for (size_t k = 0; k < n; ++k) {
            sqlite3_bind_text(st, 1, row[k].key.data(), int(row[k].key.size()), SQLITE_STATIC);
            sqlite3_bind_int64(st, 2, s);
            sqlite3_bind_double(st, 3, row[k].value);
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
    return {seconds(t0, t1), 0.0, storeBytes(path), {}};
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

// The zlib candidate: values XORed with their predecessor, byte-shuffled
// (all first bytes, then all second bytes...), deflated at level 1.
std::string zlibValues(const PointVector &pts)
{
    const size_t n = pts.size();
    std::string shuffled(n * 8, '\0');
    quint64 prev = 0;
    for (size_t i = 0; i < n; ++i) {
        const auto bits = std::bit_cast<quint64>(pts[i].value);
        const quint64 x = bits ^ prev;
        prev = bits;
        for (size_t b = 0; b < 8; ++b)
            shuffled[b * n + i] = char(quint8(x >> (8 * b)));
    }
    uLongf size = compressBound(uLong(shuffled.size()));
    std::string out(size, '\0');
    compress2(reinterpret_cast<Bytef *>(out.data()), &size, reinterpret_cast<const Bytef *>(shuffled.data()),
              uLong(shuffled.size()), 1);
    out.resize(size);
    return out;
}

void unzlibValues(const std::string &z, size_t n, std::vector<double> &out, std::string &scratch)
{
    scratch.resize(n * 8);
    uLongf size = uLongf(scratch.size());
    uncompress(reinterpret_cast<Bytef *>(scratch.data()), &size, reinterpret_cast<const Bytef *>(z.data()),
               uLong(z.size()));
    out.resize(n);
    quint64 prev = 0;
    for (size_t i = 0; i < n; ++i) {
        quint64 x = 0;
        for (size_t b = 0; b < 8; ++b)
            x |= quint64(quint8(scratch[b * n + i])) << (8 * b);
        prev ^= x;
        out[i] = std::bit_cast<double>(prev);
    }
}

struct KindSizes {
    qint64 points = 0;
    double compressed = 0, plain = 0, zlib = 0; // bytes
};

struct EncodingStudy {
    std::vector<KindSizes> kinds;
    // points per second of thread CPU time, codec only
    double decodeCompressed = 0, decodePlain = 0, decodeZlib = 0;
    double encodeCompressed = 0, encodePlain = 0, encodeZlib = 0;
};

EncodingStudy studyEncodings(Store &store, const RunInfo &run)
{
    EncodingStudy out;
    auto st = store.db().prepare("SELECT d.data FROM chunks c JOIN chunk_data d ON d.id = c.data_id JOIN series s "
                                 "ON s.id = c.series WHERE s.run = ?1 AND s.key = ?2 ORDER BY c.first_step");
    std::vector<std::string> stored, plain, zlib;
    std::vector<PointVector> decoded;
    std::vector<const char *> keys(kKeys.begin(), kKeys.end());
    keys.insert(keys.end(), kClientKeys.begin(), kClientKeys.end());
    for (const char *key : keys) {
        KindSizes k;
        st.bind(1, run.key).bind(2, QString::fromLatin1(key));
        while (st.step()) {
            const std::string_view blob = st.blob(0);
            PointVector pts;
            decodeChunk(blob, 0, {}, pts);
            k.points += qint64(pts.size());
            k.compressed += double(blob.size());
            std::string p = encodeChunk(pts.data(), pts.size(), ChunkFormat::Plain);
            std::string z = zlibValues(pts);
            k.plain += double(p.size());
            k.zlib += double(p.size() - pts.size() * 8 + z.size()); // the same header and steps
            stored.emplace_back(blob);
            plain.push_back(std::move(p));
            zlib.push_back(std::move(z));
            decoded.push_back(std::move(pts));
        }
        st.reset();
        out.kinds.push_back(k);
    }
    qint64 total = 0;
    for (const auto &k : out.kinds)
        total += k.points;
    const auto rate = [&](const std::function<void(size_t)> &each) {
        std::vector<double> times;
        for (int r = 0; r < 3; ++r) {
            const double t0 = threadCpuSeconds();
            for (size_t i = 0; i < stored.size(); ++i)
                each(i);
            times.push_back(threadCpuSeconds() - t0);
        }
        return double(total) / median(times);
    };
    PointVector pts;
    std::vector<double> values;
    std::string scratch;
    out.decodeCompressed = rate([&](size_t i) {
        pts.clear();
        decodeChunk(stored[i], 0, {}, pts);
    });
    out.decodePlain = rate([&](size_t i) {
        pts.clear();
        decodeChunk(plain[i], 0, {}, pts);
    });
    out.decodeZlib = rate([&](size_t i) { unzlibValues(zlib[i], decoded[i].size(), values, scratch); });
    out.encodeCompressed =
        rate([&](size_t i) { scratch = encodeChunk(decoded[i].data(), decoded[i].size(), ChunkFormat::Compressed); });
    out.encodePlain =
        rate([&](size_t i) { scratch = encodeChunk(decoded[i].data(), decoded[i].size(), ChunkFormat::Plain); });
    out.encodeZlib = rate([&](size_t i) { scratch = zlibValues(decoded[i]); });
    return out;
}

// The file size after VACUUM, with every chunk as written (format 3) or
// rewritten in the plain format: the whole store's cost per point.
qint64 vacuumedBytes(const QString &from, const QString &to, bool plain)
{
    QFile::remove(to);
    QFile::copy(from, to);
    Store store(to);
    if (plain) {
        WriteTransaction tx(store.db());
        auto read = store.db().prepare("SELECT id, data FROM chunk_data");
        auto write = store.db().prepare("UPDATE chunk_data SET data = ?2 WHERE id = ?1");
        std::vector<std::pair<qint64, std::string>> rewritten;
        while (read.step()) {
            PointVector pts;
            decodeChunk(read.blob(1), 0, {}, pts);
            rewritten.emplace_back(read.int64(0), encodeChunk(pts.data(), pts.size(), ChunkFormat::Plain));
        }
        read.reset();
        for (const auto &[id, blob] : rewritten) {
            write.bind(1, id).bindBlob(2, blob.data(), int(blob.size())).run();
            write.reset();
        }
        tx.commit();
    }
    store.db().exec("VACUUM");
    store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return storeBytes(to);
}

// Every logged key of `run`'s effective history, read `repeat` + 1 times:
// the first read (the process's first touch of the output memory and the
// file's pages) apart, then the median wall and thread CPU seconds of the
// others.
struct ReadRate {
    double seconds = 0, cpuSeconds = 0;
    double firstSeconds = 0, firstCpuSeconds = 0;
    qint64 points = 0;
};

ReadRate effectiveRead(Store &store, qint64 run, int repeat)
{
    std::vector<double> wall, cpu;
    ReadRate r;
    for (int i = 0; i <= repeat; ++i) {
        const auto t0 = Clock::now();
        const double c0 = threadCpuSeconds();
        r.points = 0;
        for (const char *k : kKeys)
            r.points += qint64(store.readSeries(run, QString::fromLatin1(k)).size());
        const double w = seconds(t0, Clock::now()), c = threadCpuSeconds() - c0;
        if (i == 0) {
            r.firstSeconds = w;
            r.firstCpuSeconds = c;
            continue;
        }
        wall.push_back(w);
        cpu.push_back(c);
    }
    r.seconds = median(wall);
    r.cpuSeconds = median(cpu);
    return r;
}

Json readJson(const ReadRate &r)
{
    return {{"points", r.points},
            {"points_per_s", double(r.points) / r.seconds},
            {"points_per_cpu_s", double(r.points) / r.cpuSeconds},
            {"first_read_points_per_s", double(r.points) / r.firstSeconds},
            {"first_read_points_per_cpu_s", double(r.points) / r.firstCpuSeconds}};
}

// A fork at the last step of `run` (its effective history is all of `run`),
// checkpointed into the file.
qint64 forkAtEnd(Store &store, const RunInfo &run, qint64 steps)
{
    const RunInfo fork =
        store.createFork(ForkSpec::parse(run.immutableId + QStringLiteral("?_step=") + QString::number(steps - 1)), {});
    store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return fork.key;
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
    const qint64 points = pointsOf(steps);
    QTemporaryDir dir;

    // Ingest through the client, format 3 (what is written) and format 2
    // (the writer told to write the old format, for this bench only),
    // alternating so that both see the same machine load.
    std::vector<double> oursSeconds, oursCpu, oursBytes;
    std::vector<double> plainSeconds, plainCpu, plainBytes;
    IngestResult big{}, bigPlain{};
    for (int r = 0; r < repeat; ++r) {
        const QString path = dir.filePath(QStringLiteral("ours-%1.sqlite").arg(r));
        big = ingestClient(path, steps);
        oursSeconds.push_back(big.seconds);
        oursCpu.push_back(big.cpuSeconds);
        oursBytes.push_back(double(big.bytes));
        setWrittenChunkFormat(ChunkFormat::Plain);
        bigPlain = ingestClient(dir.filePath(QStringLiteral("plain-%1.sqlite").arg(r)), steps);
        setWrittenChunkFormat(ChunkFormat::Compressed);
        plainSeconds.push_back(bigPlain.seconds);
        plainCpu.push_back(bigPlain.cpuSeconds);
        plainBytes.push_back(double(bigPlain.bytes));
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

    // Effective history read: every key of a fork at the last step, from
    // the stores as the client wrote them (not vacuumed), both formats.
    const qint64 fork = forkAtEnd(store, big.run, steps);
    const ReadRate read = effectiveRead(store, fork, repeat);
    ReadRate readPlainAsWritten;
    {
        Store plainStore(dir.filePath(QStringLiteral("plain-%1.sqlite").arg(repeat - 1)));
        readPlainAsWritten = effectiveRead(plainStore, forkAtEnd(plainStore, bigPlain.run, steps), repeat);
    }
    const EncodingStudy study = studyEncodings(store, big.run);
    store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)"); // the fork, into the file the copies start from
    const qint64 fileCompressed = vacuumedBytes(bigPath, dir.filePath(QStringLiteral("vacuum-3.sqlite")), false);
    const qint64 filePlain = vacuumedBytes(bigPath, dir.filePath(QStringLiteral("vacuum-2.sqlite")), true);
    // The same read from both vacuumed copies: format 3 against format 2.
    ReadRate readCompressed, readPlain;
    {
        Store compressedCopy(dir.filePath(QStringLiteral("vacuum-3.sqlite")));
        Store plainCopy(dir.filePath(QStringLiteral("vacuum-2.sqlite")));
        readCompressed = effectiveRead(compressedCopy, fork, repeat);
        readPlain = effectiveRead(plainCopy, fork, repeat);
    }
    Json kinds = Json::array();
    double meanCompressed = 0, meanPlain = 0, meanZlib = 0;
    double sumCompressed = 0, sumPlain = 0, sumZlib = 0;
    qint64 sumPoints = 0;
    for (size_t k = 0; k < study.kinds.size(); ++k) {
        const KindSizes &z = study.kinds[k];
        const double n = double(std::max<qint64>(z.points, 1));
        const bool logged = k < kKeys.size();
        kinds.push_back({{"key", logged ? kKeys[k] : kClientKeys[k - kKeys.size()]},
                         {"kind", logged ? RealisticMetrics::kKinds[k] : "added by the client to every row"},
                         {"points", z.points},
                         {"format3_bytes_per_point", z.compressed / n},
                         {"format2_bytes_per_point", z.plain / n},
                         {"zlib_candidate_bytes_per_point", z.zlib / n}});
        if (!logged)
            continue;
        meanCompressed += z.compressed / n / double(kKeys.size());
        meanPlain += z.plain / n / double(kKeys.size());
        meanZlib += z.zlib / n / double(kKeys.size());
        sumCompressed += z.compressed;
        sumPlain += z.plain;
        sumZlib += z.zlib;
        sumPoints += z.points;
    }
    const Json encoding = {
        {"kinds", kinds},
        {"mean_over_logged_kinds",
         {{"format3_bytes_per_point", meanCompressed},
          {"format2_bytes_per_point", meanPlain},
          {"zlib_candidate_bytes_per_point", meanZlib},
          {"format2_over_format3", meanPlain / meanCompressed}}},
        {"all_logged_points",
         {{"format3_bytes_per_point", sumCompressed / double(sumPoints)},
          {"format2_bytes_per_point", sumPlain / double(sumPoints)},
          {"zlib_candidate_bytes_per_point", sumZlib / double(sumPoints)},
          {"format2_over_format3", sumPlain / sumCompressed}}},
        {"store_file_after_vacuum",
         {{"format3_bytes_per_point", double(fileCompressed) / double(points)},
          {"format2_bytes_per_point", double(filePlain) / double(points)},
          {"format2_over_format3", double(filePlain) / double(fileCompressed)}}},
        {"codec_points_per_cpu_s",
         {{"decode_format3", study.decodeCompressed},
          {"decode_format2", study.decodePlain},
          {"decode_zlib_candidate_values_only", study.decodeZlib},
          {"encode_format3", study.encodeCompressed},
          {"encode_format2", study.encodePlain},
          {"encode_zlib_candidate_values_only", study.encodeZlib}}},
    };

    const double oursRate = double(points) / median(oursSeconds);
    const double rowsRate = double(points) / rows.seconds;
    Json out = {
        {"steps", steps},
        {"metrics", kKeys.size()},
        {"points", points},
        {"repeat", repeat},
        {"ingest",
         {{"points_per_s", oursRate},
          {"points_per_cpu_s", double(points) / median(oursCpu)},
          {"bytes_per_point", median(oursBytes) / double(points)},
          {"median_s", median(oursSeconds)},
          {"format2_points_per_s", double(points) / median(plainSeconds)},
          {"format2_points_per_cpu_s", double(points) / median(plainCpu)},
          {"format2_bytes_per_point", median(plainBytes) / double(points)},
          {"format3_over_format2_cpu", median(plainCpu) / median(oursCpu)}}},
        {"ingest_row_baseline",
         {{"points_per_s", rowsRate}, {"bytes_per_point", double(rows.bytes) / double(points)}, {"s", rows.seconds}}},
        {"ingest_speedup_vs_rows", oursRate / rowsRate},
        {"encoding", encoding},
        {"fork",
         {{"source_points_large", points},
          {"median_ms_large", forkBig * 1e3},
          {"source_points_small", 100 * qint64(kKeys.size())},
          {"median_ms_small", forkSmall * 1e3},
          {"ratio_large_over_small", forkBig / forkSmall}}},
        {"effective_read",
         {{"as_written_format3", readJson(read)},
          {"as_written_format2", readJson(readPlainAsWritten)},
          {"vacuumed_format3", readJson(readCompressed)},
          {"vacuumed_format2", readJson(readPlain)},
          {"format3_over_format2_cpu_as_written", readPlainAsWritten.cpuSeconds / read.cpuSeconds},
          {"format3_over_format2_cpu_vacuumed", readPlain.cpuSeconds / readCompressed.cpuSeconds}}},
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
        std::printf("effective read: %.1f M points/s (%lld points)\n", double(read.points) / read.seconds / 1e6,
                    (long long)read.points);
        std::printf("%s\n", dumpJson(encoding, 2).c_str());
    }
    return 0;
}
