// Reading history: keys, chunks, points, text, rows.
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <algorithm>
#include <cmath>
#include <map>

#include "core/error.h"
#include "core/exact_integer.h"
#include "core/plain_text.h"
#include "identity/display_name.h"
#include "identity/fork_spec.h"
#include "identity/immutable_id.h"
#include "identity/run_id.h"
#include "store/chunk_codec.h"
#include "store/damaged_chunk.h"
#include "store/schema.h"
#include "store/sqlite_db.h"
#include "store/store_rows.h"

namespace forkscope {

using namespace store_rows;

// --- history ----------------------------------------------------------------

QStringList Store::keys(qint64 runKey, History history)
{
    return keysWithData(runKey, history, KeyKind::Any);
}

QStringList Store::numericKeys(qint64 runKey, History history)
{
    return keysWithData(runKey, history, KeyKind::Numeric);
}

QStringList Store::keysWithData(qint64 runKey, History history, KeyKind kind)
{
    auto segs = historySegments(runKey, history);
    auto st = db_->prepare(
        "SELECT s.key FROM series s WHERE s.run = ?1 AND ("
        "EXISTS (SELECT 1 FROM chunks c WHERE c.series = s.id AND c.first_step <= ?3 AND c.last_step >= ?2) OR "
        "(NOT ?4 AND EXISTS (SELECT 1 FROM text_points t WHERE t.series = s.id AND t.step BETWEEN ?2 AND ?3)))");
    QStringList out;
    for (const auto &seg : segs) {
        st.bind(1, seg.run).bind(2, seg.steps.lo).bind(3, seg.steps.hi).bind(4, kind == KeyKind::Numeric ? 1 : 0);
        while (st.step())
            out << st.text(0);
        st.reset();
    }
    out.sort();
    out.removeDuplicates();
    return out;
}

std::vector<ChunkRef> Store::chunkRefs(qint64 runKey, const QString &key, StepRange range, History history)
{
    auto segs = historySegments(runKey, history);
    // Chunks of one series never overlap, so the chunk holding `lo` is the
    // one with the greatest first_step <= lo: an index seek, not a scan.
    auto st = db_->prepare(
        "SELECT " + std::string(kSummaryColumns) +
        " FROM chunks c WHERE series = ?1 AND first_step >= coalesce((SELECT max(first_step) FROM chunks WHERE "
        "series = ?1 AND first_step <= ?2), ?2) AND first_step <= ?3 AND last_step >= ?2 ORDER BY first_step");
    std::vector<ChunkRef> out;
    for (const auto &seg : segs) {
        const StepRange clip = intersect(seg.steps, range);
        if (clip.empty())
            continue;
        const qint64 series = findSeries(seg.run, key);
        if (series == 0)
            continue;
        st.bind(1, series).bind(2, clip.lo).bind(3, clip.hi);
        while (st.step()) {
            ChunkRef ref;
            ref.series = series;
            ref.summary = summaryAt(st, 0);
            ref.clip = clip;
            ref.whole = ref.summary.firstStep >= clip.lo && ref.summary.lastStep <= clip.hi;
            out.push_back(ref);
        }
        st.reset();
    }
    return out;
}

void Store::readChunk(const ChunkRef &ref, PointVector &out)
{
    withChunkBlob(ref, [&](std::string_view blob) { decodeChunk(blob, ref.summary.firstStep, ref.clip, out); });
}

void Store::withChunkBlob(const ChunkRef &ref, const std::function<void(std::string_view)> &use,
                          ChunkVerification check)
{
    auto st = db_->prepare("SELECT d.data FROM chunks c LEFT JOIN chunk_data d ON d.id = c.data_id "
                           "WHERE c.series = ?1 AND c.first_step = ?2");
    st.bind(1, ref.series).bind(2, ref.summary.firstStep);
    if (!st.step())
        return;
    if (check == ChunkVerification::Verify)
        verifyChunk(ref.series, ref.summary, st.blob(0));
    use(st.blob(0));
}

namespace {

DamagedChunkError damagedChunk(Store &store, qint64 series, const ChunkSummary &summary, const QString &reason)
{
    const auto [run, key] = store.describeSeries(series);
    return DamagedChunkError(StoreText::tr("damaged data in run %1, key '%2', steps %3-%4: %5. It was not used; "
                                           "'forkscope-cli check --repair' quarantines it.")
                                 .arg(run, key)
                                 .arg(summary.firstStep)
                                 .arg(summary.lastStep)
                                 .arg(reason),
                             series, {summary.firstStep, summary.lastStep});
}

// Verifies and decodes in one pass over the values (reads of whole
// histories: export, copy, materializing).
void decodeVerified(Store &store, qint64 series, const ChunkSummary &summary, std::string_view blob, StepRange clip,
                    PointVector &out)
{
    const ChunkCheck check = decodeCheckedChunk(blob, summary, clip, out);
    if (check.health == ChunkHealth::Damaged)
        throw damagedChunk(store, series, summary, check.reason);
}

} // namespace

void Store::verifyChunk(qint64 series, const ChunkSummary &summary, std::string_view blob)
{
    const ChunkCheck check = checkChunk(blob, summary);
    if (check.health == ChunkHealth::Damaged)
        throw damagedChunk(*this, series, summary, check.reason);
}

std::pair<QString, QString> Store::describeSeries(qint64 series)
{
    auto st = db_->prepare("SELECT p.entity || '/' || p.name || '/' || r.run_id, s.key FROM series s "
                           "JOIN runs r ON r.id = s.run JOIN projects p ON p.id = r.project_id WHERE s.id = ?1");
    st.bind(1, series);
    if (st.step())
        return {st.text(0), st.text(1)};
    return {StoreText::tr("(unknown run)"), StoreText::tr("(unknown key)")};
}

PointVector Store::readSeries(qint64 runKey, const QString &key, StepRange range, History history)
{
    auto segs = historySegments(runKey, history);
    auto st = db_->prepare("SELECT c.first_step, d.data, " + std::string(kSummaryColumns) +
                           " FROM chunks c LEFT JOIN chunk_data d ON d.id = c.data_id WHERE c.series = ?1 "
                           "AND c.first_step >= coalesce((SELECT max(first_step) FROM chunks WHERE series = ?1 AND "
                           "first_step <= ?2), ?2) AND c.first_step <= ?3 AND c.last_step >= ?2 ORDER BY c.first_step");
    // The points the chunks hold, counted from their summaries first: the
    // output is allocated once instead of doubling (and being copied) a
    // dozen times on a long history.
    auto count = db_->prepare("SELECT coalesce(sum(count), 0) FROM chunks WHERE series = ?1 AND first_step <= ?3 "
                              "AND last_step >= ?2");
    struct Part {
        qint64 series;
        StepRange clip;
    };
    std::vector<Part> parts;
    qint64 expected = 0;
    for (const auto &seg : segs) {
        const StepRange clip = intersect(seg.steps, range);
        if (clip.empty())
            continue;
        const qint64 series = findSeries(seg.run, key);
        if (series == 0)
            continue;
        parts.push_back({series, clip});
        count.bind(1, series).bind(2, clip.lo).bind(3, clip.hi);
        if (count.step())
            expected += count.int64(0);
        count.reset();
    }
    PointVector out;
    out.reserve(size_t(std::max<qint64>(expected, 0)));
    for (const auto &[series, clip] : parts) {
        st.bind(1, series).bind(2, clip.lo).bind(3, clip.hi);
        while (st.step())
            decodeVerified(*this, series, summaryAt(st, 2), st.blob(1), clip, out);
        st.reset();
    }
    return out;
}

std::vector<TextPoint> Store::readText(qint64 runKey, const QString &key, StepRange range, History history)
{
    auto segs = historySegments(runKey, history);
    auto st = db_->prepare("SELECT step, value FROM text_points WHERE series = ?1 AND step BETWEEN ?2 AND ?3 "
                           "ORDER BY step");
    std::vector<TextPoint> out;
    for (const auto &seg : segs) {
        const StepRange clip = intersect(seg.steps, range);
        if (clip.empty())
            continue;
        const qint64 series = findSeries(seg.run, key);
        if (series == 0)
            continue;
        st.bind(1, series).bind(2, clip.lo).bind(3, clip.hi);
        while (st.step())
            out.push_back({st.int64(0), st.stdText(1)});
        st.reset();
    }
    return out;
}

std::map<std::string, qint64> Store::ownLastStepByKey(qint64 runKey)
{
    auto st =
        db_->prepare("SELECT s.key, (SELECT max(last_step) FROM chunks c WHERE c.series = s.id), "
                     "(SELECT max(step) FROM text_points t WHERE t.series = s.id) FROM series s WHERE s.run = ?1");
    st.bind(1, runKey);
    std::map<std::string, qint64> out;
    while (st.step()) {
        std::optional<qint64> last = st.optionalInt64(1);
        if (const auto text = st.optionalInt64(2); text && (!last || *text > *last))
            last = text;
        if (last)
            out[st.text(0).toStdString()] = *last;
    }
    return out;
}

Json Store::lastValues(qint64 runKey, qint64 upTo)
{
    // One chunk and one text row per key and segment, newest first: the cost
    // depends on the number of keys, not on the length of the history.
    auto segs = segments(runKey);
    std::reverse(segs.begin(), segs.end());
    auto lastChunk = db_->prepare("SELECT c.first_step, d.data, " + std::string(kSummaryColumns) +
                                  " FROM chunks c LEFT JOIN chunk_data d ON d.id = c.data_id "
                                  "WHERE c.series = ?1 AND c.first_step <= ?2 ORDER BY c.first_step DESC LIMIT 1");
    auto lastText = db_->prepare("SELECT step, value FROM text_points WHERE series = ?1 AND step BETWEEN ?2 AND ?3 "
                                 "ORDER BY step DESC LIMIT 1");
    Json out = Json::object();
    for (const QString &key : keys(runKey)) {
        const bool integral = integralSeries(runKey, key);
        for (const auto &seg : segs) {
            const StepRange clip = intersect(seg.steps, {std::numeric_limits<qint64>::min(), upTo});
            const qint64 series = clip.empty() ? 0 : findSeries(seg.run, key);
            if (series == 0)
                continue;
            std::optional<qint64> step;
            Json value;
            lastChunk.bind(1, series).bind(2, clip.hi);
            if (lastChunk.step()) {
                PointVector pts;
                decodeVerified(*this, series, summaryAt(lastChunk, 2), lastChunk.blob(1), clip, pts);
                if (!pts.empty()) {
                    step = pts.back().step;
                    value = storedNumber(pts.back().value, integral);
                }
            }
            lastChunk.reset();
            lastText.bind(1, series).bind(2, clip.lo).bind(3, clip.hi);
            if (lastText.step() && (!step || lastText.int64(0) > *step)) {
                step = lastText.int64(0);
                value = parseJson(lastText.stdText(1), key);
            }
            lastText.reset();
            if (step) {
                out[toStd(key)] = value;
                break;
            }
        }
    }
    return out;
}

void Store::forEachRow(qint64 runKey, const QStringList &wanted, History history,
                       const std::function<void(qint64, const Json &)> &row)
{
    // One snapshot: a writer committing between two keys must not make rows
    // that hold one key and miss another.
    ReadTransaction snapshot(*db_);
    const QStringList all = keys(runKey, history);
    QStringList chosen;
    for (const auto &k : wanted.isEmpty() ? all : wanted) {
        if (all.contains(k))
            chosen << k;
    }
    struct Cursor {
        std::string key;
        PointVector points;
        std::vector<TextPoint> texts;
        bool integral = false;
        size_t p = 0, t = 0;
    };
    std::vector<Cursor> cursors;
    for (const auto &k : chosen)
        cursors.push_back({toStd(k), readSeries(runKey, k, {}, history), readText(runKey, k, {}, history),
                           integralSeries(runKey, k, history)});
    for (;;) {
        qint64 next = std::numeric_limits<qint64>::max();
        bool any = false;
        for (const auto &c : cursors) {
            if (c.p < c.points.size()) {
                next = std::min(next, c.points[c.p].step);
                any = true;
            }
            if (c.t < c.texts.size()) {
                next = std::min(next, c.texts[c.t].step);
                any = true;
            }
        }
        if (!any)
            return;
        Json r = Json::object();
        for (auto &c : cursors) {
            if (c.p < c.points.size() && c.points[c.p].step == next)
                r[c.key] = storedNumber(c.points[c.p++].value, c.integral);
            if (c.t < c.texts.size() && c.texts[c.t].step == next)
                r[c.key] = parseJson(c.texts[c.t++].json, toQ(c.key));
        }
        row(next, r);
    }
}

bool Store::integralSeries(qint64 runKey, const QString &key, History history)
{
    const auto segs = historySegments(runKey, history);
    auto st = db_->prepare("SELECT integral FROM series WHERE run = ?1 AND key = ?2");
    bool any = false;
    for (const auto &seg : segs) {
        st.bind(1, seg.run).bind(2, key);
        if (st.step()) {
            any = true;
            if (st.int64(0) == 0)
                return false;
        }
        st.reset();
    }
    return any;
}

} // namespace forkscope
