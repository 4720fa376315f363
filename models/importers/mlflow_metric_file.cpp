#include "importers/mlflow_metric_file.h"

#include <unordered_set>

namespace fs {

MlflowMetricFile parseMlflowMetricFile(std::string_view data)
{
    MlflowMetricFile file;
    std::unordered_set<qint64> steps;
    std::size_t pos = 0;
    qint64 lineNo = 0;
    while (pos < data.size()) {
        const std::size_t start = pos;
        const auto nl = data.find('\n', pos);
        ++lineNo;
        if (nl == std::string_view::npos) {
            if (data.substr(start).find_first_not_of(" \t\r") != std::string_view::npos) {
                file.endsMidLine = true;
                file.tailLine = lineNo;
                file.tailOffset = qint64(start);
            }
            break;
        }
        const std::string_view line = data.substr(start, nl - start);
        pos = nl + 1;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;
        QString error;
        const auto v = parseMlflowMetricLine(line, &error);
        if (!v) {
            file.badLines.emplace_back(lineNo, error);
            continue;
        }
        if (!steps.insert(v->step).second)
            file.renumbered = true;
        file.values.push_back(*v);
    }
    return file;
}

std::string originalStepKey(const std::string &key)
{
    return key + "/mlflow_step";
}

} // namespace fs
