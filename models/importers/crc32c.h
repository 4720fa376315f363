#pragma once

#include <cstddef>
#include <cstdint>

namespace forkscope {

// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), as TFRecord uses.
std::uint32_t crc32c(const void *data, std::size_t size, std::uint32_t crc = 0);

// TFRecord's "masked" CRC, so a CRC stored inside CRC'd data stays distinct.
inline std::uint32_t maskCrc32c(std::uint32_t crc)
{
    return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
}

} // namespace forkscope
