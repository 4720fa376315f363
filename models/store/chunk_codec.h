#pragma once

#include <QString>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "series/series_types.h"

namespace forkscope {

// Points per sealed chunk. 4096 (step, value) pairs make a ~32 KiB blob:
// big enough that per-row overhead vanishes, small enough that a zoomed
// chart decodes little it does not draw.
constexpr int kChunkCapacity = 4096;
// Points per block: a format-3 chunk of more points keeps a summary per
// block, and each block's values decode on their own, so a pixel-column
// boundary inside a chunk costs one block, not the chunk.
constexpr size_t kBlockPoints = 256;

// Blob layout (little-endian), format 3 (what is written):
//   u8 format (3), u8 flags (bit 0: steps are first_step, first_step+1, ...;
//   bit 1: steps are first_step + i * stride), varint count,
//   [varint stride if bit 1], [varint step deltas (count - 1) if neither],
//   [bit 3: per block of kBlockPoints points, u32 end of its values, u32
//   NaN count, f64 first, last, min, max], the values (bit-exact): one XOR
//   bit stream per block (xor_float_stream.h), or raw f64 (bit 2) when
//   they do not compress; u32 CRC-32 (zlib's) of every byte before it.
// Format 2 (still read): flags bit 0 only, varint count, [varint deltas],
// count x raw f64 values, CRC-32. Format 1: format 2 without the CRC.
// first_step lives in its own column and is passed in.
enum class ChunkFormat : quint8 {
    Plain = 2,      // raw doubles; written before compression (kept for tests and benchmarks)
    Compressed = 3, // what the store writes
};
std::string encodeChunk(const Point *points, size_t count, ChunkFormat format = ChunkFormat::Compressed);
// The format the store writes new chunks in: Compressed, unless a benchmark
// sets Plain to measure ingest and reads against the old format in the same
// run. Process-wide; not a user setting.
ChunkFormat writtenChunkFormat();
void setWrittenChunkFormat(ChunkFormat format);
// The format byte of a blob (0 when empty); says nothing of its soundness.
int chunkFormat(std::string_view blob);
// Appends the decoded points whose steps lie in `clip` to `out`. Throws
// forkscope::Error(Storage) for a malformed blob; `out` is then unchanged.
void decodeChunk(std::string_view blob, qint64 firstStep, StepRange clip, PointVector &out);

ChunkSummary summarize(const Point *points, size_t count);

// The summary of each block of a format-3 chunk of more than kBlockPoints
// points (empty for other chunks). Throws forkscope::Error(Storage) for a
// malformed blob.
std::vector<ChunkSummary> blockSummaries(std::string_view blob, qint64 firstStep);
// Appends block `block`'s points whose steps lie in `clip` to `out`, decoding
// that block alone. Throws forkscope::Error(Storage) for a malformed blob or
// a block it does not have.
void decodeBlock(std::string_view blob, qint64 firstStep, size_t block, StepRange clip, PointVector &out);

// The values of a chunk whose steps are consecutive: value i is at step
// firstStep + i. `values` is unaligned little-endian f64: in place in the
// blob for formats 1 and 2, decoded into the caller's scratch for format 3.
struct ConsecutiveValues {
    qint64 firstStep = 0;
    size_t count = 0;
    const char *values = nullptr;
};
// The chunk as consecutive values, or nullopt when its steps have gaps.
// Throws forkscope::Error(Storage) for a malformed blob, as decodeChunk does.
// The result is valid while `blob` and `scratch` are.
std::optional<ConsecutiveValues> consecutiveValues(std::string_view blob, qint64 firstStep,
                                                   std::vector<double> &scratch);

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
// checkChunk, then, unless damaged, decodeChunk (from summary.firstStep),
// decoding the values once for both. Never throws. Unlike checkChunk it does
// not compare the block summaries with the values: the checksum already
// vouches that the block table is the writer's.
ChunkCheck decodeCheckedChunk(std::string_view blob, const ChunkSummary &summary, StepRange clip, PointVector &out);

} // namespace forkscope
