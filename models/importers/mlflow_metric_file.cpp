#include "importers/mlflow_metric_file.h"

#include "importers/import_resume.h"

namespace forkscope {

namespace {

// Whether `step` occurred before in the file; false when it cannot tell
// (the steps stopped growing, and earlier pieces' steps are not kept).
enum class Seen { No, Yes, Unknown };

Seen noteStep(MlflowMetricTail &tail, const MlflowMetricFile &file, qint64 step, bool fromStart)
{
    if (tail.steps.empty() && (!tail.maxStep || step > *tail.maxStep)) {
        tail.maxStep = step;
        return Seen::No;
    }
    if (tail.steps.empty()) {
        if (!fromStart)
            return Seen::Unknown;
        for (const MlflowMetricValue &v : file.values)
            tail.steps.insert(v.step);
    }
    return tail.steps.insert(step).second ? Seen::No : Seen::Yes;
}

} // namespace

MlflowMetricFile continueMlflowMetricFile(std::string_view data, MlflowMetricTail &tail)
{
    const std::size_t start = std::size_t(tail.mark.offset);
    const bool fromStart = start == 0;
    if (fromStart) {
        const FileMark mark = tail.mark;
        tail = MlflowMetricTail();
        tail.mark = mark;
    }
    MlflowMetricFile file;
    file.firstIndex = tail.values;
    std::size_t pos = start;
    qint64 lineNo = tail.lines;
    while (pos < data.size()) {
        const std::size_t lineStart = pos;
        const auto nl = data.find('\n', pos);
        ++lineNo;
        if (nl == std::string_view::npos) {
            if (data.substr(lineStart).find_first_not_of(" \t\r") != std::string_view::npos) {
                file.endsMidLine = true;
                file.tailLine = lineNo;
                file.tailOffset = qint64(lineStart);
            }
            break;
        }
        const std::string_view line = data.substr(lineStart, nl - lineStart);
        pos = nl + 1;
        tail.lines = lineNo;
        tail.mark.offset = qint64(pos);
        if (line.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;
        QString error;
        const auto v = parseMlflowMetricLine(line, &error);
        if (!v) {
            file.badLines.emplace_back(lineNo, error);
            continue;
        }
        if (!tail.renumbered) {
            const Seen seen = noteStep(tail, file, v->step, fromStart);
            if (seen == Seen::Unknown || (seen == Seen::Yes && !fromStart)) {
                tail.mark.offset = 0; // number every value again, from the file's start
                return continueMlflowMetricFile(data, tail);
            }
            if (seen == Seen::Yes) {
                tail.renumbered = true;
                tail.steps.clear();
            }
        }
        file.values.push_back(*v);
        ++tail.values;
    }
    file.renumbered = tail.renumbered;
    return file;
}

MlflowMetricFile parseMlflowMetricFile(std::string_view data)
{
    MlflowMetricTail tail;
    return continueMlflowMetricFile(data, tail);
}

std::string originalStepKey(const std::string &key)
{
    return key + "/mlflow_step";
}

} // namespace forkscope
