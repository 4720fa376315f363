#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include <QString>

#include "importers/mlflow_metric_line.h"

namespace forkscope {

struct MlflowMetricTail;

// One MLflow `metrics/<key>` file, read line by line.
struct MlflowMetricFile {
    std::vector<MlflowMetricValue> values;            // whole lines that parse, in the order written
    std::vector<std::pair<qint64, QString>> badLines; // (line number, what was wrong)
    // MLflow ends every line with '\n': a last line without one is cut, or
    // still being written. It is left out; these say where it starts.
    bool endsMidLine = false;
    qint64 tailLine = 0;
    qint64 tailOffset = 0;
    // MLflow allows several values at one step. When a step occurs more than
    // once, the values get consecutive steps 0, 1, 2... in the order written
    // (their original step is kept as its own key, see originalStepKey), so
    // no value is lost.
    bool renumbered = false;
    // Read in pieces (a watch): the number of values before this piece (a
    // renumbered value's step is firstIndex + its index here).
    qint64 firstIndex = 0;
};

MlflowMetricFile parseMlflowMetricFile(std::string_view data);

// The whole lines after `tail.mark.offset` of the file `data` (all of it);
// `tail` moves on past them. When a step repeats one of an earlier piece's
// (only seen once the steps stop growing), the file is read again from byte
// 0, so its values are numbered from 0 as a one-shot read numbers them.
MlflowMetricFile continueMlflowMetricFile(std::string_view data, MlflowMetricTail &tail);

// The key that keeps the original MLflow step of a renumbered metric `key`.
std::string originalStepKey(const std::string &key);

} // namespace forkscope
