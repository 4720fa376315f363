#pragma once

#include <QString>
#include <functional>
#include <string>

// Files as W&B, TensorBoard and MLflow write them while training runs, for
// the --watch tests: row `i` logs loss = valueAt(i) at step i.
namespace fs::test {

// What one format's file holds: rows 0..rows-1 whole, plus when `half` the
// first half of the record of row `rows`.
using Content = std::function<std::string(int rows, bool half)>;

double valueAt(int step);
std::string wandbContent(const std::string &runId, int rows, bool half);
std::string tensorboardContent(int rows, bool half);
std::string mlflowContent(int rows, bool half);
// An MLflow experiment 0 ("watched") with a RUNNING run `runId` named `name`, no metrics yet.
void writeMlflowRun(const QString &root, const QString &runId, const QString &name);

} // namespace fs::test
