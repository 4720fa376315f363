#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "history/series_types.h"

namespace fs {

// Points per sealed chunk. 4096 (step, value) pairs make a ~32 KiB blob:
// big enough that per-row overhead vanishes, small enough that a zoomed
// chart decodes little it does not draw.
constexpr int kChunkCapacity = 4096;

// Blob layout (little-endian):
//   u8 format (1), u8 flags (bit 0: steps are first_step, first_step+1, ...),
//   varint count, [varint step deltas (count - 1) unless consecutive],
//   count x f64 values (bit-exact, so NaN payloads and +/-Inf survive).
// first_step lives in its own column and is passed in.
std::string encodeChunk(const Point *points, size_t count);
// Appends the decoded points whose steps lie in `clip` to `out`. Throws
// fs::Error(Storage) for a malformed blob.
void decodeChunk(std::string_view blob, qint64 firstStep, StepRange clip, PointVector &out);

ChunkSummary summarize(const Point *points, size_t count);

// The values of a chunk whose steps are consecutive, read in place:
// value i is at step firstStep + i. `values` is unaligned little-endian f64.
struct ConsecutiveValues {
    qint64 firstStep = 0;
    size_t count = 0;
    const char *values = nullptr;
};
// The chunk as consecutive values, or nullopt when its steps have gaps.
// Throws fs::Error(Storage) for a malformed blob, as decodeChunk does.
std::optional<ConsecutiveValues> consecutiveValues(std::string_view blob, qint64 firstStep);

} // namespace fs
