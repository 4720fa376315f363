#include "cli/growing_sources.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <gtest/gtest.h>

#include "importers/test_writers.h"

namespace forkscope::test {

double valueAt(int step)
{
    return 0.5 * step;
}

GrowingFile::GrowingFile(QString path) : path_(std::move(path))
{
    QDir().mkpath(QFileInfo(path_).path());
}

qint64 GrowingFile::growTo(const std::string &content)
{
    EXPECT_EQ(content.compare(0, written_.size(), written_), 0) << "a growing file only gains bytes";
    QFile f(path_);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Append)) << path_.toStdString();
    const std::string more = content.substr(written_.size());
    EXPECT_EQ(f.write(more.data(), qint64(more.size())), qint64(more.size()));
    written_ = content;
    return qint64(more.size());
}

std::string wandbContent(const std::string &runId, int rows, bool half)
{
    std::vector<std::string> records{runRecord(runId, "watched", "wandb-" + runId)};
    for (int i = 0; i <= rows; ++i)
        records.push_back(historyRecord({{"loss", std::to_string(valueAt(i))}, {"_step", std::to_string(i)}}, i));
    const std::string whole = wandbLog({records.begin(), records.end() - 1});
    if (!half)
        return whole;
    const std::string withNext = wandbLog(records);
    return withNext.substr(0, whole.size() + (withNext.size() - whole.size()) / 2);
}

std::string tensorboardContent(int rows, bool half)
{
    std::string out = tfRecord(fileVersionEvent(1.7e9));
    for (int i = 0; i < rows; ++i)
        out += tfRecord(scalarEvent(1.7e9 + i, i, "loss", float(valueAt(i))));
    if (half) {
        const std::string next = tfRecord(scalarEvent(1.7e9 + rows, rows, "loss", float(valueAt(rows))));
        out += next.substr(0, next.size() / 2);
    }
    return out;
}

std::string mlflowLine(int step)
{
    return std::to_string(1700000000000LL + step) + " " + std::to_string(valueAt(step)) + " " + std::to_string(step) +
           "\n";
}

std::string mlflowContent(int rows, bool half)
{
    std::string out;
    for (int i = 0; i < rows; ++i)
        out += mlflowLine(i);
    if (half) {
        // Cut before the step: read too early it would pass for an old two-field line at step 0.
        const std::string next = mlflowLine(rows);
        out += next.substr(0, next.rfind(' '));
    }
    return out;
}

namespace {

std::string withHalfOf(std::string whole, const std::string &next, bool half)
{
    return half ? whole + next.substr(0, next.size() / 2) : whole;
}

} // namespace

std::string wandbHistoryJsonlContent(int rows, bool half)
{
    const auto line = [](int i) {
        return "{\"_step\": " + std::to_string(i) + ", \"loss\": " + std::to_string(valueAt(i)) + "}\n";
    };
    std::string out;
    for (int i = 0; i < rows; ++i)
        out += line(i);
    return withHalfOf(out, line(rows), half);
}

std::string mlflowRepeatedStepContent(int rows, bool half)
{
    const auto line = [](int i) {
        return std::to_string(1700000000000LL + i) + " " + std::to_string(valueAt(i)) + " 0\n";
    };
    std::string out;
    for (int i = 0; i < rows; ++i)
        out += line(i);
    return withHalfOf(out, line(rows), half);
}

void writeMlflowRun(const QString &root, const QString &runId, const QString &name)
{
    writeFile(root + "/0/meta.yaml", std::string("experiment_id: '0'\nname: watched\nlifecycle_stage: active\n"));
    writeFile(root + "/0/" + runId + "/meta.yaml",
              QStringLiteral("run_id: %1\nrun_name: %2\nexperiment_id: '0'\nstatus: 1\nstart_time: 1700000000000\n"
                             "lifecycle_stage: active\n")
                  .arg(runId, name)
                  .toStdString());
}

} // namespace forkscope::test
