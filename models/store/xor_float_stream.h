#pragma once

#include <cstddef>
#include <string>

namespace forkscope {

// Doubles as a bit stream of XORs with the previous value (Gorilla, VLDB
// 2015): the first value in 64 bits, then per value
//   '0'                         same bits as the previous value,
//   '10' + meaningful bits      the XOR fits the previous window,
//   '11' + 6-bit leading zeros + 6-bit (length - 1) + meaningful bits.
// The first window is the whole word. Bits are packed most significant
// first; the last byte is zero-padded.
// Bit-exact: NaN payloads, -0.0 and +/-Inf survive.
void appendXorFloats(std::string &out, const double *values, size_t count);

// Decodes the first `count` values of `stream` (size bytes) into `out`.
// False, with `out` partly written, when the stream is too short, has a
// window past 64 bits, or holds more than padding after value `total` - 1
// (checked only when count == total, i.e. the whole stream was decoded).
bool readXorFloats(const unsigned char *stream, size_t size, size_t count, size_t total, double *out);

// The fewest bytes a stream of `count` values can take: a bound that keeps
// a malformed count from allocating more than the blob could describe.
constexpr size_t minXorFloatBytes(size_t count)
{
    return count == 0 ? 0 : (64 + (count - 1) + 7) / 8;
}

} // namespace forkscope
