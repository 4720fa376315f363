#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "importers/imported_run.h"
#include "importers/read_stop.h"

namespace forkscope {

// Turns the protobuf records of a .wandb file (wandb_internal.Record) into
// an ImportedRun: run metadata, config, summary, history rows, exit. Never
// throws on bad bytes: a record that does not decode is skipped with a warning.
class WandbRecordDecoder {
public:
    explicit WandbRecordDecoder(ImportedRun &run) : run_(run) {}

    // `offset` is where the record starts in the file, for warnings.
    void addRecord(std::string_view record, qint64 offset);

    // After the last record: notes why reading stopped, sets state and
    // runtime from the exit record, orders the rows.
    void finish(const ReadStop &stop);

    bool sawExit() const { return exitCode_.has_value(); }
    std::optional<double> exitRuntime() const { return exitRuntime_; }

private:
    bool decodeHistory(std::string_view bytes, QString &error);
    bool decodeRun(std::string_view bytes, QString &error);
    bool decodeExit(std::string_view bytes, QString &error);
    bool decodeArtifact(std::string_view bytes, QString &error);
    bool decodeHeader(std::string_view bytes, QString &error);
    // SummaryRecord / ConfigRecord share a layout: update=1, remove=2 items.
    bool decodeUpdates(std::string_view bytes, bool isConfig, QString &error);
    void applyUpdate(bool isConfig, bool remove, const Json *value);

    ImportedRun &run_;
    qint64 recordOffset_ = 0;
    std::optional<int> exitCode_;
    std::optional<double> exitRuntime_;
    // Reused between items so a history import does not allocate per key.
    std::string key_;
    std::vector<std::string> path_;
    std::size_t lastRowSize_ = 0; // rows tend to hold the same keys: reserve that many
    // Records per Record field number (0: other), moved into run.recordCounts
    // by finish(): a QString map lookup per record showed up in profiles.
    std::array<qint64, 101> kindCounts_{};
};

} // namespace forkscope
