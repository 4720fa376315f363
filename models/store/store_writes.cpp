// Writing history: series, chunks, text points, own steps, summaries.
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

// --- writing ----------------------------------------------------------------

qint64 Store::findSeries(qint64 runKey, const QString &key)
{
    auto find = db_->prepare("SELECT id FROM series WHERE run = ?1 AND key = ?2");
    find.bind(1, runKey).bind(2, key);
    return find.step() ? find.int64(0) : 0;
}

qint64 Store::ensureSeries(qint64 runKey, const QString &key)
{
    if (const qint64 id = findSeries(runKey, key))
        return id;
    auto ins = db_->prepare("INSERT INTO series (run, key, integral) VALUES (?1, ?2, 1)");
    ins.bind(1, runKey).bind(2, key).run();
    return db_->lastInsertRowId();
}

void Store::clearIntegral(qint64 series)
{
    auto st = db_->prepare("UPDATE series SET integral = 0 WHERE id = ?1 AND integral = 1");
    st.bind(1, series).run();
}

void Store::writeChunk(qint64 series, const Point *points, size_t count)
{
    if (count == 0)
        return;
    const ChunkSummary s = summarize(points, count);
    const std::string blob = encodeChunk(points, count, writtenChunkFormat());
    // The open chunk of a live run is rewritten in place on every flush.
    auto find = db_->prepare("SELECT data_id FROM chunks WHERE series = ?1 AND first_step = ?2");
    find.bind(1, series).bind(2, s.firstStep);
    qint64 dataId = 0;
    if (find.step()) {
        dataId = find.int64(0);
        auto upd = db_->prepare("UPDATE chunk_data SET data = ?2 WHERE id = ?1");
        upd.bind(1, dataId).bindBlob(2, blob.data(), int(blob.size())).run();
    } else {
        auto ins = db_->prepare("INSERT INTO chunk_data (data) VALUES (?1)");
        ins.bindBlob(1, blob.data(), int(blob.size())).run();
        dataId = db_->lastInsertRowId();
    }
    find.reset();
    auto st = db_->prepare("INSERT OR REPLACE INTO chunks (series, first_step, last_step, count, min_value, "
                           "max_value, first_value, last_value, nan_count, data_id) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    st.bind(1, series).bind(2, s.firstStep).bind(3, s.lastStep).bind(4, s.count);
    st.bind(5, s.min).bind(6, s.max).bind(7, s.first).bind(8, s.last).bind(9, s.nanCount).bind(10, dataId);
    st.run();
}

void Store::writeText(qint64 series, qint64 step, const std::string &json)
{
    auto st = db_->prepare("INSERT OR REPLACE INTO text_points (series, step, value) VALUES (?1, ?2, ?3)");
    st.bind(1, series).bind(2, step).bind(3, std::string_view(json)).run();
}

void Store::noteOwnSteps(qint64 runKey, qint64 first, qint64 last)
{
    auto st = db_->prepare("UPDATE runs SET own_first_step = min(coalesce(own_first_step, ?2), ?2), "
                           "own_last_step = max(coalesce(own_last_step, ?3), ?3), heartbeat_ms = ?4 WHERE id = ?1");
    st.bind(1, runKey).bind(2, first).bind(3, last).bind(4, nowMs()).run();
}

void Store::updateSummary(qint64 runKey, const Json &summary)
{
    setRunColumn(*db_, runKey, "summary", dumpJson(summary));
}

void Store::setUserSummary(qint64 runKey, const Json &userSummary)
{
    setRunColumn(*db_, runKey, "summary_user", dumpJson(userSummary));
}

Json Store::userSummary(qint64 runKey)
{
    auto st = db_->prepare("SELECT summary_user FROM runs WHERE id = ?1");
    st.bind(1, runKey);
    return st.step() ? parseJson(st.stdText(0), QStringLiteral("summary")) : Json::object();
}

} // namespace forkscope
