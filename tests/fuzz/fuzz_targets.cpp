#include "fuzz_targets.h"

#include <cstdlib>
#include <string_view>

#include "cli/log_input.h"
#include "core/error.h"
#include "core/json_limits.h"
#include "core/step_rule.h"
#include "importers/lenient_json.h"
#include "importers/leveldb_log_reader.h"
#include "importers/mlflow_metric_line.h"
#include "importers/tensorboard_event_decoder.h"
#include "importers/tfrecord_reader.h"
#include "importers/wandb_importer.h"
#include "importers/yaml_json.h"

namespace forkscope::fuzz {

namespace {

void require(bool ok)
{
    if (!ok)
        std::abort();
}

void checkRun(const ImportedRun &run)
{
    for (std::size_t i = 1; i < run.rows.size(); ++i)
        require(run.rows[i - 1].step < run.rows[i].step);
    require(!run.state.isEmpty());
    require(run.warnings.size() <= kMaxWarnings + 1);
}

// What a parsed value must satisfy: within the depth limit, and dumping
// then parsing again gives the same text (NaN compares unequal, text does not).
void checkParsed(const Json &j)
{
    require(jsonDepth(j) <= kMaxJsonDepth);
    const std::string dumped = dumpJson(j);
    require(dumpJson(parseJson(dumped, QStringLiteral("dump"))) == dumped);
}

} // namespace

void wandbLog(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    LevelDbLogReader reader(bytes);
    std::string_view record;
    while (reader.next(record)) {
    }
    require(reader.stop().isStopped());
    require(reader.stop().offset >= 0 && std::size_t(reader.stop().offset) <= size);
    require(reader.stop().isClean() == reader.stop().reason.isEmpty());
    try {
        checkRun(importWandbLog(bytes, QStringLiteral("fuzz.wandb")));
    } catch (const Error &e) {
        require(e.kind() == Error::Kind::Format);
    }
    // Feed the same bytes to the value_json parser too.
    (void)parseLenientJson(bytes.substr(0, 4096));
}

void tfRecordEvents(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    TfRecordReader reader(bytes);
    std::string_view record;
    while (reader.next(record)) {
    }
    require(reader.stop().isStopped());
    require(std::size_t(reader.stop().offset) <= size);
    require(reader.stop().isClean() == reader.stop().reason.isEmpty());

    ImportedRun run;
    TensorBoardRunBuilder builder(run);
    builder.addFile(bytes, QStringLiteral("fuzz"));
    builder.finish();
    checkRun(run);
    // The raw bytes as a bare event/tensor too, so small inputs reach the decoders.
    (void)scalarFromTensorProto(bytes);
}

void mlflowMetricLines(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    std::size_t pos = 0;
    while (pos <= bytes.size()) {
        auto nl = bytes.find('\n', pos);
        if (nl == std::string_view::npos)
            nl = bytes.size();
        QString error;
        const auto v = parseMlflowMetricLine(bytes.substr(pos, nl - pos), &error);
        require(v.has_value() == error.isEmpty());
        pos = nl + 1;
    }
}

void jsonLogLine(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    try {
        const LogLine line = parseLogLine(text, 1);
        require(line.data.is_object());
        require(!line.data.contains("_step") && !line.data.contains("_commit"));
        require(!line.step || isValidStep(*line.step));
        checkParsed(line.data);
    } catch (const Error &e) {
        require(e.kind() == Error::Kind::BadInput);
        require(e.message().startsWith(QStringLiteral("line 1: ")));
    }
}

void configText(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    try {
        checkParsed(parseJson(text, QStringLiteral("--config")));
    } catch (const Error &e) {
        require(e.kind() == Error::Kind::BadInput);
    }
    if (const auto j = parseLenientJson(text))
        checkParsed(*j);
    try {
        checkParsed(yamlTextToJson(text, QStringLiteral("config.yaml")));
    } catch (const Error &e) {
        require(e.kind() == Error::Kind::Format);
    }
}

} // namespace forkscope::fuzz
