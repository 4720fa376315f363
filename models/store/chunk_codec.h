#pragma once

#include <QString>
#include <optional>
#include <string>
#include <string_view>

#include "series/series_types.h"

namespace forkscope {

// Points per sealed chunk. 4096 (step, value) pairs make a ~32 KiB blob:
// big enough that per-row overhead vanishes, small enough that a zoomed
// chart decodes little it does not draw.
constexpr int kChunkCapacity = 4096;

// Blob layout (little-endian):
//   u8 format (2), u8 flags (bit 0: steps are first_step, first_step+1, ...),
//   varint count, [varint step deltas (count - 1) unless consecutive],
//   count x f64 values (bit-exact, so NaN payloads and +/-Inf survive),
//   u32 CRC-32 (zlib's) of every byte before it.
// Format 1 is the same without the CRC (stores written before checksums);
// it is still read. first_step lives in its own column and is passed in.
std::string encodeChunk(const Point *points, size_t count);
// Appends the decoded points whose steps lie in `clip` to `out`. Throws
// forkscope::Error(Storage) for a malformed blob.
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
// Throws forkscope::Error(Storage) for a malformed blob, as decodeChunk does.
std::optional<ConsecutiveValues> consecutiveValues(std::string_view blob, qint64 firstStep);

// What a chunk's blob says about itself and its stored summary.
enum class ChunkHealth {
    Sound,      // the checksum and the summary match the blob
    Unverified, // format 1 (no checksum): the summary matches, nothing more is known
    Damaged,    // malformed, wrong checksum, or values that contradict the summary
};
struct ChunkCheck {
    ChunkHealth health = ChunkHealth::Sound;
    QString reason; // why it is damaged (empty otherwise)
};
// Checks the blob's structure and checksum, and that its points agree with
// `summary` (first/last step, count, first, last, min, max, NaN count). One
// pass over the blob; never throws.
ChunkCheck checkChunk(std::string_view blob, const ChunkSummary &summary);

} // namespace forkscope
