#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "importers/imported_run.h"

namespace forkscope {

// Builds one run from TensorBoard event files (TFRecord-framed tensorflow.Event
// protos): scalars from simple_value and from rank-0 float/double tensors of
// the `scalars` plugin. Other summaries (images, histograms, text...) are
// counted in run.skipped. When steps restart (a resumed job), the last value
// written for a step wins and a warning says so.
class TensorBoardRunBuilder {
public:
    explicit TensorBoardRunBuilder(ImportedRun &run) : run_(run) {}

    // One event file's bytes; call in the order the files were written.
    // Reading starts at `start` (where an earlier call stopped, for a file
    // that grew). Returns where the next read of the file should start: the
    // end of its last whole record.
    qint64 addFile(std::string_view bytes, const QString &fileName, std::size_t start = 0);
    // Before reading the files again (a watch): forgets that a file was cut.
    void startPass() { cut_ = false; }

    // Moves the collected values into run.rows (ascending steps, `_timestamp`
    // from wall_time), sets start time, runtime and state.
    void finish();

private:
    struct TagState {
        std::string plugin; // remembered: metadata usually rides only on a tag's first value
        int dataClass = 0;
        qint64 lastStep = 0;
        bool seen = false;
    };
    struct StepValues {
        std::vector<std::pair<int, double>> values; // tag index, value
        double wallTime = 0;
    };

    void addEvent(std::string_view event, qint64 offset);
    void addSummary(std::string_view summary, qint64 step, double wallTime, qint64 offset);
    int tagIndex(std::string_view tag);
    void setValue(int tag, qint64 step, double value, double wallTime, qint64 offset);

    ImportedRun &run_;
    QString file_;
    bool warnedRestartInFile_ = false;
    bool cut_ = false;
    std::vector<std::string> tagNames_;
    std::vector<TagState> tags_;
    std::unordered_map<std::string, int> tagIndex_;
    std::map<qint64, StepValues> steps_;
    qint64 replaced_ = 0;
    double firstWallTime_ = 0;
    double lastWallTime_ = 0;
};

// Decodes a TensorProto holding one float or double (rank 0, DT_FLOAT or
// DT_DOUBLE, from tensor_content, float_val or double_val, packed or not).
std::optional<double> scalarFromTensorProto(std::string_view tensor);

} // namespace forkscope
