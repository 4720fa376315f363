#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_set>

#include <QFile>
#include <QString>

#include "importers/imported_run.h"

namespace forkscope {

class TensorBoardRunBuilder;
class WandbRecordDecoder;

// Where the last read of one growing file stopped: the end of its last whole
// record (or line), and which file that was. A file that shrank or was
// replaced (another inode) is read again from byte 0.
struct FileMark {
    qint64 offset = 0;
    qint64 size = 0;
    quint64 inode = 0;
};

// A .wandb file being followed: its records decoded so far (metadata,
// config, summary; rows are handed out and dropped after every read).
struct WandbLogTail {
    WandbLogTail();
    WandbLogTail(const WandbLogTail &) = delete; // the decoder points into `run`
    WandbLogTail &operator=(const WandbLogTail &) = delete;
    ~WandbLogTail();
    FileMark mark;
    ImportedRun run;
    std::unique_ptr<WandbRecordDecoder> decoder; // decodes into `run`
    qint64 records = 0;
};

// wandb-history.jsonl: lines read so far, and rows (a row without `_step`
// lands on the number of rows before it).
struct HistoryJsonlTail {
    FileMark mark;
    qint64 lines = 0;
    qint64 rows = 0;
};

// One TensorBoard run (a folder of event files) being followed.
struct TensorBoardTail {
    TensorBoardTail();
    TensorBoardTail(const TensorBoardTail &) = delete; // the builder points into `run`
    TensorBoardTail &operator=(const TensorBoardTail &) = delete;
    ~TensorBoardTail();
    std::map<QString, FileMark> files;
    ImportedRun run;
    std::unique_ptr<TensorBoardRunBuilder> builder; // builds into `run`
};

// One MLflow metric file being followed. Values of a renumbered file (a step
// occurred twice) continue at `values`, the count read so far.
struct MlflowMetricTail {
    FileMark mark;
    qint64 lines = 0;
    qint64 values = 0;
    std::optional<qint64> maxStep;    // while the steps only grow, this is all it takes to see a repeat
    std::unordered_set<qint64> steps; // every step, once they stopped growing (and not renumbered)
    bool renumbered = false;
};

// What a folder watch keeps between reads of the same sources, so each read
// starts where the last whole record ended instead of at byte 0. The
// importers take it as an optional argument: without it they read whole files.
class ImportResume {
public:
    // Bytes of history files (records, events, metric lines) read since the
    // last call; small metadata files are read whole and not counted.
    qint64 takeBytesRead();
    // Forgets every file under `source` (a run folder or file), so the next
    // read of it starts at byte 0 (e.g. its rows could not be stored).
    void forget(const QString &source);
    void clear();

    // The file's bytes from where the last read of it stopped, and `mark`
    // updated to describe the file now; `mark` is reset to byte 0 when the
    // file shrank or was replaced (then `restarted` is set).
    std::string_view unread(std::string_view whole, const QString &path, FileMark &mark, bool *restarted = nullptr);

    std::map<QString, WandbLogTail> wandbLogs;
    std::map<QString, HistoryJsonlTail> historyJsonl;
    std::map<QString, TensorBoardTail> tensorBoardRuns;
    std::map<QString, MlflowMetricTail> mlflowMetrics;

private:
    qint64 bytesRead_ = 0;
};

} // namespace forkscope
