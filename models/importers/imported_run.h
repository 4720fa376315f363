#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <QDateTime>
#include <QString>
#include <QStringList>

#include "core/json_qt.h"

namespace forkscope {

// One history row: every value logged at one step. Numbers as logged:
// integers stay integers, the rest are doubles (NaN and +/-Inf kept);
// non-numeric values (W&B media dicts, strings) stay as the
// JSON they were logged as. `_runtime`/`_timestamp` (seconds) are included
// when the source has them; `_step` never is: it is `step`.
struct ImportedRow {
    qint64 step = 0;
    std::vector<std::pair<std::string, Json>> values;
};

// Weights the source says the run saved (a W&B model artifact, an MLflow
// logged model). `path` is a local path or a URI, as far as the source
// tells; its size and SHA-256 are read when the store writes it, if the file
// is there. Without a `step` the store takes the run's last step at `time`
// (the last row whose _timestamp is not later), else the run's last step.
struct ImportedCheckpoint {
    std::optional<qint64> step;
    QString path;
    QDateTime time; // UTC; invalid when unknown
    Json metadata = Json::object();
};

// A run read from disk by one of the importers, before it reaches the store.
// Plain data, written out row by row by the store.
struct ImportedRun {
    QString format;     // "wandb" | "tensorboard" | "mlflow"
    QString sourcePath; // the folder or file it came from
    QString runId;      // empty when the source has none (TensorBoard): the store picks one
    QString name, entity, project, group, jobType, notes, host;
    QStringList tags;
    Json config = Json::object(); // W&B's own `_wandb` key moves to metadata["_wandb"]
    Json summary = Json::object();
    Json metadata = Json::object(); // git {remote, commit}, program, args, mlflow tags/parent, ...
    QDateTime startTime;            // UTC; invalid when unknown
    std::optional<double> runtimeSeconds;
    std::optional<int> exitCode;
    // pending|running|finished|failed|crashed. W&B: exit record -> finished
    // (code 0) or failed; no exit record -> "crashed" if the file was cut or
    // corrupt, else "running" (a live run cannot be told from one killed
    // between two records). TensorBoard has no state: "finished", or
    // "crashed" when a file is cut. MLflow: from its status (KILLED -> failed).
    QString state;

    struct BranchPoint {
        QString run;    // the run it branches from
        QString metric; // metric whose value chose the point, e.g. "_step"
        double value = 0;
        bool rewind = false; // true: branches from itself (rewind), false: a fork
    };
    std::optional<BranchPoint> branch;

    std::vector<ImportedRow> rows; // ascending, unique steps after import
    std::vector<ImportedCheckpoint> checkpoints;
    QStringList warnings;       // for people: what was cut, skipped, replaced, and where
    qint64 warningsLeftOut = 0; // warnings past kMaxWarnings (the last line counts them)
    qint64 skipped = 0;         // source items not imported (non-scalar summaries, bad records, ...)
    // The warnings (also in `warnings`) that only say a file ends inside a
    // record: cut, or still being written. A folder watch waits for the rest
    // instead of reporting them; a one-off import reports them as damage.
    QStringList tailWarnings;
    // What the source held, by kind (e.g. W&B record types "history",
    // "output"; TensorBoard "events", "scalars"). For reports and tests; not stored.
    std::map<QString, qint64> recordCounts;
};

// What a multi-run import (a wandb/ folder, a TensorBoard log folder, an
// mlruns/ root) produced. Runs that could not be read at all, and deleted
// MLflow runs, are counted in skippedRuns and explained in warnings.
struct ImportBatch {
    std::vector<ImportedRun> runs;
    QStringList warnings;
    qint64 skippedRuns = 0;
};

// Sorts rows by step (stable) and merges rows that share a step; a later
// value for the same key replaces the earlier one. Returns how many values
// were replaced that way.
qint64 sortAndMergeRows(std::vector<ImportedRow> &rows);

// Appends a warning, but stops listing after `kMaxWarnings` so a badly broken
// file cannot produce millions of lines; the last line says how many were left out.
void addWarning(ImportedRun &run, const QString &text);
inline constexpr int kMaxWarnings = 50;

} // namespace forkscope
