#pragma once

#include <QString>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/json_qt.h"
#include "series/series_types.h"
#include "store/store.h"

namespace forkscope {

// Buffers one run's new history and writes it as chunks. The open (last)
// chunk of each key is rewritten on every flush until it holds
// kChunkCapacity points, so a slow logger does not leave a trail of tiny
// chunks; a new writer goes on filling the open chunk an earlier one left
// (a resumed run, each pass of a folder watch) when its points come after it. Steps given to one key must
// increase.
class HistoryWriter {
public:
    HistoryWriter(Store &store, qint64 runKey);

    // A handle for `key`, for callers that add many points (no string
    // lookups in the hot path).
    int keyHandle(const std::string &key);
    // `integral`: the value was logged as a JSON integer within +/-2^53
    // (core/exact_integer.h). A series reads back as integers while every
    // number added to it was.
    void addNumber(int handle, qint64 step, double value, bool integral = false);
    void addNumber(const std::string &key, qint64 step, double value, bool integral = false)
    {
        addNumber(keyHandle(key), step, value, integral);
    }
    // `json` is the value's JSON text (strings, objects, booleans...).
    void addText(int handle, qint64 step, std::string json);
    void addText(const std::string &key, qint64 step, std::string json)
    {
        addText(keyHandle(key), step, std::move(json));
    }
    // Explicit summary values (W&B's run.summary[key] = v): they win over
    // the last logged value.
    void setUserSummary(const std::string &key, const Json &value);

    // Every flush first renews this claim, in the same transaction: a writer
    // whose run was deleted or taken over writes nothing (Conflict).
    void setClaim(const RunClaim &claim) { claim_ = claim; }

    // Writes everything buffered in one transaction, with the summary and a
    // heartbeat. Returns the number of points written.
    qint64 flush();
    qint64 pendingPoints() const { return pending_; }

private:
    struct Series {
        std::string key;
        qint64 id = 0;
        PointVector open; // the unsealed chunk, kept to rewrite
        std::vector<PointVector> sealed;
        std::vector<std::pair<qint64, std::string>> texts;
        bool dirty = false;
        bool fraction = false;     // a non-integer number is buffered: clear series.integral
        bool lastIntegral = false; // the last number added was an integer
        bool adoptChecked = false; // looked for a stored open chunk to go on filling
    };
    void adoptOpenChunk(Series &s);
    Store &store_;
    qint64 runKey_;
    std::optional<RunClaim> claim_;
    std::vector<Series> series_;
    std::unordered_map<std::string, int> handles_;
    std::optional<std::map<std::string, qint64>> storedLastSteps_; // per key, read once for adoptOpenChunk
    Json summary_;
    Json userSummary_;
    bool summaryDirty_ = false;
    qint64 pending_ = 0;
    qint64 firstStep_ = std::numeric_limits<qint64>::max();
    qint64 lastStep_ = std::numeric_limits<qint64>::min();
    // Last value per handle since the previous flush, folded into summary_
    // once per flush instead of once per point.
    std::vector<std::optional<Json>> lastTexts_;
    std::vector<std::optional<double>> lastNumbers_;
};

} // namespace forkscope
