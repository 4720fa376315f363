#pragma once

#include <QString>
#include <functional>
#include <string>

// Files as W&B, TensorBoard and MLflow write them while training runs, for
// the --watch tests: row `i` logs loss = valueAt(i) at step i.
namespace forkscope::test {

// What one format's file holds: rows 0..rows-1 whole, plus when `half` the
// first half of the record of row `rows`.
using Content = std::function<std::string(int rows, bool half)>;

double valueAt(int step);

// A file that only ever grows, as a training process writes it.
class GrowingFile {
public:
    explicit GrowingFile(QString path);
    // Appends what `content` holds past what was written before (it must
    // start with that). Returns the number of bytes appended.
    qint64 growTo(const std::string &content);
    qint64 size() const { return qint64(written_.size()); }

private:
    QString path_;
    std::string written_;
};

std::string wandbContent(const std::string &runId, int rows, bool half);
std::string tensorboardContent(int rows, bool half);
std::string mlflowContent(int rows, bool half);
// SDK 0.9's wandb-history.jsonl: a JSON object per line.
std::string wandbHistoryJsonlContent(int rows, bool half);
// An MLflow metric file that logs every value at step 0 (MLflow allows
// that): imported renumbered, steps 0, 1, 2... with `loss/mlflow_step`.
std::string mlflowRepeatedStepContent(int rows, bool half);
// An MLflow experiment 0 ("watched") with a RUNNING run `runId` named `name`, no metrics yet.
void writeMlflowRun(const QString &root, const QString &runId, const QString &name);

} // namespace forkscope::test
