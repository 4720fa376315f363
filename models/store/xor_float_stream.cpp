#include "store/xor_float_stream.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

namespace forkscope {

namespace {

class BitWriter {
public:
    explicit BitWriter(std::string &out) : out_(out) {}
    // n in [1, 64]; bits above n must be zero.
    void put(std::uint64_t bits, int n)
    {
        if (n > 32) {
            put(bits >> 32, n - 32);
            bits &= 0xffffffffu;
            n = 32;
        }
        acc_ = (acc_ << n) | bits;
        used_ += n;
        while (used_ >= 8) {
            used_ -= 8;
            out_.push_back(char(std::uint8_t(acc_ >> used_)));
        }
    }
    void finish()
    {
        if (used_ > 0)
            out_.push_back(char(std::uint8_t(acc_ << (8 - used_))));
        used_ = 0;
    }

private:
    std::string &out_;
    std::uint64_t acc_ = 0; // the low used_ bits are pending
    int used_ = 0;
};

std::uint64_t bitsOf(double v)
{
    return std::bit_cast<std::uint64_t>(v);
}

} // namespace

void appendXorFloats(std::string &out, const double *values, size_t count)
{
    if (count == 0)
        return;
    BitWriter w(out);
    std::uint64_t prev = bitsOf(values[0]);
    w.put(prev, 64);
    int lead = 0, trail = 0; // the current window: the whole word until a better one
    for (size_t i = 1; i < count; ++i) {
        const std::uint64_t cur = bitsOf(values[i]);
        const std::uint64_t x = cur ^ prev;
        prev = cur;
        if (x == 0) {
            w.put(0, 1);
            continue;
        }
        const int l = std::countl_zero(x), t = std::countr_zero(x);
        // The window is reused while it holds the XOR and costs at most the
        // 12 header bits a fresh one would.
        if (l >= lead && t >= trail && (l - lead) + (t - trail) <= 12) {
            w.put(0b10, 2);
            w.put(x >> trail, 64 - lead - trail);
            continue;
        }
        lead = l;
        trail = t;
        const int len = 64 - l - t;
        w.put(0b11, 2);
        w.put(std::uint64_t(l), 6);
        w.put(std::uint64_t(len - 1), 6);
        w.put(x >> t, len);
    }
    w.finish();
}

bool readXorFloats(const unsigned char *stream, size_t size, size_t count, size_t total, double *out)
{
    if (count == 0)
        return total > 0 || size == 0;
    // Every read below takes 16 bytes at the cursor without a bounds check
    // (the cursor is checked once per value). They come from the stream in
    // place while 16 bytes remain after the cursor, then from a zero-padded
    // copy of it, made once, only when the cursor gets that close to the end.
    thread_local std::vector<unsigned char> padded;
    const unsigned char *p = stream;
    const std::uint64_t bits = std::uint64_t(size) * 8;
    std::uint64_t inPlaceBytes = size >= 16 ? size - 16 : 0; // cursor bytes read in place: [0, this]
    const auto usePadded = [&] {
        padded.assign(stream, stream + size);
        padded.resize(size + 24, 0);
        p = padded.data();
        inPlaceBytes = ~std::uint64_t(0);
    };
    if (size < 16)
        usePadded();
    // The 64 bits at bit `pos`: eight bytes shifted into place, and the bits
    // the shift let in from the ninth.
    const auto word = [&p](std::uint64_t pos) {
        std::uint64_t v;
        std::memcpy(&v, p + (pos >> 3), 8);
        if constexpr (std::endian::native == std::endian::little)
            v = __builtin_bswap64(v);
        const unsigned shift = unsigned(pos & 7);
        return (v << shift) | (std::uint64_t(p[(pos >> 3) + 8]) >> (8 - shift));
    };
    if (bits < 64)
        return false;
    std::uint64_t prev = word(0);
    std::uint64_t pos = 64;
    out[0] = std::bit_cast<double>(prev);
    std::uint64_t len = 64, trail = 0; // the window: the whole word until the first '11'
    bool bad = false;
    for (size_t i = 1; i < count; ++i) {
        if ((pos >> 3) > inPlaceBytes) [[unlikely]]
            usePadded();
        // Branch-free: which of the three cases this is decides the widths,
        // not the path (noisy data would mispredict every other value). The
        // next position depends on the header alone, so the read of the
        // meaningful bits is off the loop's critical path.
        const std::uint64_t head = word(pos);
        const std::uint64_t changed = head >> 63;
        const std::uint64_t fresh = changed & (head >> 62);
        const std::uint64_t newLead = (head >> 56) & 63, newLen = ((head >> 50) & 63) + 1;
        bad |= fresh && newLead + newLen > 64;
        len = fresh ? newLen : len;
        trail = fresh ? (64 - newLead - newLen) & 63 : trail;
        const std::uint64_t header = 1 + changed + 12 * fresh;
        const std::uint64_t meaningful = word(pos + header) >> (64 - len);
        prev ^= (meaningful << trail) & (0 - changed);
        pos += header + (len & (0 - changed));
        if (pos > bits)
            return false;
        out[i] = std::bit_cast<double>(prev);
    }
    if (bad)
        return false;
    // A whole stream ends within the padding of its last byte.
    return count < total || bits - pos < 8;
}

} // namespace forkscope
