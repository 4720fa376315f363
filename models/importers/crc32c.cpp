#include "importers/crc32c.h"

#include <array>

namespace forkscope {

namespace {

// Slicing-by-4 tables, built at compile time.
constexpr std::array<std::array<std::uint32_t, 256>, 4> makeTables()
{
    std::array<std::array<std::uint32_t, 256>, 4> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
        t[0][i] = c;
    }
    for (std::uint32_t i = 0; i < 256; ++i)
        for (int s = 1; s < 4; ++s)
            t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xff];
    return t;
}

constexpr auto kTables = makeTables();

} // namespace

std::uint32_t crc32c(const void *data, std::size_t size, std::uint32_t crc)
{
    auto p = static_cast<const unsigned char *>(data);
    std::uint32_t c = ~crc;
    while (size >= 4) {
        c ^= std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
        c = kTables[3][c & 0xff] ^ kTables[2][(c >> 8) & 0xff] ^ kTables[1][(c >> 16) & 0xff] ^ kTables[0][c >> 24];
        p += 4;
        size -= 4;
    }
    while (size--)
        c = (c >> 8) ^ kTables[0][(c ^ *p++) & 0xff];
    return ~c;
}

} // namespace forkscope
