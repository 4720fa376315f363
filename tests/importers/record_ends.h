#pragma once

#include <cstddef>
#include <string>
#include <vector>

// Where each whole record of a file ends, found by walking the framing the
// way the spec describes it (not through the readers under test), so a
// prefix of n bytes must yield exactly the records whose end is <= n.
namespace forkscope::test {

// .wandb (LevelDB log, 32 KiB blocks): a record ends with its Full or Last chunk.
std::vector<std::size_t> wandbRecordEnds(const std::string &file);
// TFRecord: 12-byte header, data, 4-byte footer.
std::vector<std::size_t> tfRecordEnds(const std::string &file);
// How many of `ends` are <= n.
std::size_t wholeRecordsIn(const std::vector<std::size_t> &ends, std::size_t n);

} // namespace forkscope::test
