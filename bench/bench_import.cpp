// Import throughput: a generated ~200 MB .wandb file (framed as the SDK
// writes it, history as the Go core writes it: nested_key items, value_json,
// a step field, Record.num), (a) parsed only and (b) imported into a fresh
// store, and (c) a folder watch's poll after a small append against reading
// the whole file again. Prints a report, or one JSON object with --json.
// Medians over --repeat runs.
//   bench_import [--json] [--repeat N] [--mb SIZE] [--keep DIR]
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <limits>
#include <string>
#include <vector>
#include <zlib.h>

#include "core/json_qt.h"
#include "importers/mapped_file.h"
#include "importers/store_import.h"
#include "importers/wandb_importer.h"
#include "store/store.h"
#include "watch/folder_watch.h"

using namespace forkscope;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double>(b - a).count();
}

// CPU time of this process: the machine may be shared, and the import is
// single-threaded, so this says what one free core would do.
double cpuSeconds()
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

// --- protobuf + LevelDB-log writer (from docs: import-formats.md) -----------

class Proto {
public:
    Proto &varint(std::uint32_t field, std::uint64_t v)
    {
        tag(field, 0);
        put(v);
        return *this;
    }
    Proto &bytes(std::uint32_t field, std::string_view v)
    {
        tag(field, 2);
        put(v.size());
        data.append(v);
        return *this;
    }
    Proto &message(std::uint32_t field, const Proto &m) { return bytes(field, m.data); }
    std::string data;

private:
    void tag(std::uint32_t field, int type) { put((std::uint64_t(field) << 3) | std::uint64_t(type)); }
    void put(std::uint64_t v)
    {
        while (v >= 0x80) {
            data += char((v & 0x7f) | 0x80);
            v >>= 7;
        }
        data += char(v);
    }
};

class WandbLogWriter {
public:
    static constexpr std::size_t kBlock = 32768;
    static constexpr std::size_t kHeader = 7;

    // `fresh`: a new file, which starts with the header; else records are appended.
    explicit WandbLogWriter(std::string &out, bool fresh = false) : out_(out)
    {
        if (fresh)
            out_.append(":W&B\xe1\xbe\x00", 7);
    }

    void add(std::string_view record)
    {
        std::size_t at = 0;
        bool begin = true;
        do {
            const std::size_t blockOffset = out_.size() % kBlock;
            if (kBlock - blockOffset < kHeader) {
                out_.append(kBlock - blockOffset, '\0');
                continue;
            }
            const std::size_t frag = std::min(record.size() - at, kBlock - blockOffset - kHeader);
            const bool end = at + frag == record.size();
            const unsigned char type = begin && end ? 1 : begin ? 2 : end ? 4 : 3;
            uLong crc = crc32(0, &type, 1);
            crc = crc32(crc, reinterpret_cast<const Bytef *>(record.data() + at), uInt(frag));
            const std::uint32_t c = std::uint32_t(crc);
            out_.append(reinterpret_cast<const char *>(&c), 4); // little-endian hosts only
            out_ += char(frag & 0xff);
            out_ += char(frag >> 8);
            out_ += char(type);
            out_.append(record.substr(at, frag));
            at += frag;
            begin = false;
        } while (at < record.size());
    }

private:
    std::string &out_;
};

std::string jsonNumber(double v)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

Proto item(std::initializer_list<std::string_view> key, const std::string &valueJson)
{
    Proto p;
    for (std::string_view part : key)
        p.bytes(2, part);
    p.bytes(16, valueJson);
    return p;
}

constexpr int kMetrics = 7; // plus _step, _runtime, _timestamp: 10 items a row
const std::string_view kGroups[kMetrics] = {"train", "train", "train", "train", "eval", "eval", "system"};
const std::string_view kNames[kMetrics] = {"loss", "grad_norm", "learning_rate",       "epoch",
                                           "loss", "accuracy",  "gpu_memory_allocated"};

struct Generated {
    std::string bytes;
    qint64 rows = 0;
    std::uint64_t num = 1; // Record.num of the next record
};

// Adds history rows to `g` until it holds `targetBytes` or `maxRows` more rows.
void addRows(Generated &g, std::size_t targetBytes, qint64 maxRows)
{
    WandbLogWriter log(g.bytes);
    const qint64 stop = g.rows + maxRows;
    while (g.bytes.size() < targetBytes && g.rows < stop) {
        const qint64 step = g.rows++;
        Proto history;
        history.message(1, item({"_step"}, std::to_string(step)));
        history.message(1, item({"_runtime"}, jsonNumber(double(step) * 0.25 + 1.0 / 3.0)));
        history.message(1, item({"_timestamp"}, jsonNumber(1.7e9 + double(step) * 0.25 + 0.123456)));
        for (int k = 0; k < kMetrics; ++k) {
            const double v = std::sin(double(step) * 1e-3 * (k + 1)) * 0.5 + double(k) + 1e-7 * double(step % 997);
            history.message(1, item({kGroups[k], kNames[k]}, jsonNumber(v)));
        }
        if (step > 0) // the Go core leaves step 0 off the wire
            history.message(2, Proto().varint(1, std::uint64_t(step)));
        log.add(Proto().varint(1, g.num++).message(2, history).data);
    }
}

Generated generate(std::size_t targetBytes)
{
    Generated g;
    g.bytes.reserve(targetBytes + WandbLogWriter::kBlock);
    WandbLogWriter log(g.bytes, true);
    Proto run;
    run.bytes(1, "benchrun").bytes(3, "bench").bytes(8, "throughput");
    log.add(Proto().varint(1, g.num++).message(17, run).data);
    addRows(g, targetBytes, std::numeric_limits<qint64>::max());
    return g;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool json = args.contains(QStringLiteral("--json"));
    const auto intArg = [&](const char *name, int fallback) {
        const qsizetype i = args.indexOf(QLatin1String(name));
        return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
    };
    const int repeat = std::max(1, intArg("--repeat", 3));
    const int megabytes = std::max(1, intArg("--mb", 200));

    QTemporaryDir tmp;
    const QString runDir = tmp.path() + QStringLiteral("/wandb/run-20250101_000000-benchrun");
    QDir().mkpath(runDir);
    const QString file = runDir + QStringLiteral("/run-benchrun.wandb");
    const auto g0 = Clock::now();
    qint64 rows = 0;
    qint64 fileBytes = 0;
    Generated g = generate(std::size_t(megabytes) * 1000 * 1000);
    {
        rows = g.rows;
        fileBytes = qint64(g.bytes.size());
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly) || f.write(g.bytes.data(), fileBytes) != fileBytes) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file));
            return 1;
        }
    }
    const double generateSeconds = seconds(g0, Clock::now());
    const double mb = double(fileBytes) / 1e6;

    std::vector<double> parseTimes, parseCpu;
    for (int i = 0; i < repeat; ++i) {
        const auto t0 = Clock::now();
        const double c0 = cpuSeconds();
        MappedFile mapped(file);
        const ImportedRun run = importWandbLog(mapped.data(), file);
        parseTimes.push_back(seconds(t0, Clock::now()));
        parseCpu.push_back(cpuSeconds() - c0);
        if (qint64(run.rows.size()) != rows || !run.warnings.isEmpty()) {
            std::fprintf(stderr, "parse: %zu rows (expected %lld), %lld warnings\n", run.rows.size(), (long long)rows,
                         (long long)run.warnings.size());
            return 1;
        }
    }

    std::vector<double> importTimes, importCpu;
    for (int i = 0; i < repeat; ++i) {
        const QString storePath = tmp.path() + QStringLiteral("/store-%1.sqlite").arg(i);
        const auto t0 = Clock::now();
        const double c0 = cpuSeconds();
        ImportReport report;
        {
            Store store(storePath);
            report = importPath(store, runDir);
        }
        importTimes.push_back(seconds(t0, Clock::now()));
        importCpu.push_back(cpuSeconds() - c0);
        if (report.runs.size() != 1 || report.runs.front().rowsAdded != rows) {
            std::fprintf(stderr, "import: unexpected report (%zu runs)\n", report.runs.size());
            return 1;
        }
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(storePath + QLatin1String(suffix));
    }

    // Watch: a poll after a small append, against reading the whole file
    // again (what every poll did before the watch read incrementally).
    constexpr qint64 kAppendRows = 10;
    std::vector<double> pollTimes, rereadTimes;
    qint64 pollBytes = 0;
    {
        Store store(tmp.path() + QStringLiteral("/store-watch.sqlite"));
        FolderWatch watch(runDir);
        watch.poll(store);
        for (int i = 0; i < repeat; ++i) {
            const std::size_t before = g.bytes.size();
            addRows(g, std::numeric_limits<std::size_t>::max(), kAppendRows);
            QFile f(file);
            const qint64 more = qint64(g.bytes.size() - before);
            if (!f.open(QIODevice::Append) || f.write(g.bytes.data() + before, more) != more) {
                std::fprintf(stderr, "cannot append to %s\n", qPrintable(file));
                return 1;
            }
            f.close();
            auto t0 = Clock::now();
            const WatchPass pass = watch.poll(store);
            pollTimes.push_back(seconds(t0, Clock::now()));
            pollBytes = pass.bytesRead;
            if (pass.report.runs.size() != 1 || pass.report.runs.front().rowsAdded != kAppendRows) {
                std::fprintf(stderr, "watch: the poll did not add the %lld appended rows\n", (long long)kAppendRows);
                return 1;
            }
            t0 = Clock::now();
            importPath(store, runDir);
            rereadTimes.push_back(seconds(t0, Clock::now()));
        }
    }
    const double rereadRatio = median(rereadTimes) / median(pollTimes);

    const double parseRate = mb / median(parseTimes);
    const double importRate = mb / median(importTimes);
    const qint64 points = rows * (kMetrics + 2); // _step is the row's step, not a value
    if (json) {
        const Json out = {
            {"file_mb", mb},
            {"rows", rows},
            {"values", points},
            {"repeat", repeat},
            {"generate_s", generateSeconds},
            {"parse",
             {{"median_s", median(parseTimes)},
              {"mb_per_s", parseRate},
              {"median_cpu_s", median(parseCpu)},
              {"mb_per_cpu_s", mb / median(parseCpu)}}},
            {"import",
             {{"median_s", median(importTimes)},
              {"mb_per_s", importRate},
              {"median_cpu_s", median(importCpu)},
              {"mb_per_cpu_s", mb / median(importCpu)},
              {"rows_per_s", double(rows) / median(importTimes)}}},
            {"watch",
             {{"append_rows", kAppendRows},
              {"poll_median_s", median(pollTimes)},
              {"poll_bytes_read", pollBytes},
              {"full_reread_median_s", median(rereadTimes)},
              {"full_reread_over_poll", rereadRatio}}},
        };
        std::printf("%s\n", dumpJson(out).c_str());
    } else {
        std::printf("file: %.1f MB, %lld history rows, %lld values (generated in %.1f s)\n", mb, (long long)rows,
                    (long long)points, generateSeconds);
        std::printf("parse only (importWandbLog): %.0f MB/s wall, %.0f MB/s per CPU second (medians of %d)\n",
                    parseRate, mb / median(parseCpu), repeat);
        std::printf("full import (importPath):    %.0f MB/s wall, %.0f MB/s per CPU second (medians of %d), "
                    "%.2f M rows/s\n",
                    importRate, mb / median(importCpu), repeat, double(rows) / median(importTimes) / 1e6);
        std::printf("watch poll after %lld appended rows: %.2f ms, %lld bytes read; reading the whole file again: "
                    "%.0f ms (%.0fx the poll)\n",
                    (long long)kAppendRows, median(pollTimes) * 1e3, (long long)pollBytes, median(rereadTimes) * 1e3,
                    rereadRatio);
    }
    return 0;
}
