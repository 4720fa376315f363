#pragma once

#include <cstddef>
#include <cstdint>

// One entry point per reader, shared by the libFuzzer targets and by the
// gtest that replays tests/fuzz/corpus/. Each aborts if a reader breaks one
// of its promises (rows out of order, a stop without a reason...).
namespace forkscope::fuzz {

void wandbLog(const std::uint8_t *data, std::size_t size);       // .wandb framing + Record decoding
void tfRecordEvents(const std::uint8_t *data, std::size_t size); // TFRecord framing + Event decoding
void mlflowMetricLines(const std::uint8_t *data, std::size_t size);
// `log`'s JSON line parser (app/cli/log_input) and forkscope::Run's value checks:
// a line is refused with BadInput or parsed into something that dumps and
// parses back the same; never a crash, however deep or large.
void jsonLogLine(const std::uint8_t *data, std::size_t size);
// Config text through every parser that takes it: --config (parseJson),
// config.yaml (yamlTextToJson), wandb-summary.json (parseLenientJson).
void configText(const std::uint8_t *data, std::size_t size);

} // namespace forkscope::fuzz
