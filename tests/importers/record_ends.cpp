#include "importers/record_ends.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace forkscope::test {

std::vector<std::size_t> wandbRecordEnds(const std::string &file)
{
    constexpr std::size_t kBlock = 32768, kHeader = 7;
    std::vector<std::size_t> ends;
    std::size_t pos = kHeader; // the file header
    while (pos < file.size()) {
        const std::size_t blockEnd = (pos / kBlock + 1) * kBlock;
        if (blockEnd - pos < kHeader) { // trailer: too small for a chunk header
            pos = blockEnd;
            continue;
        }
        if (pos + kHeader > file.size())
            break;
        const std::size_t length = std::uint8_t(file[pos + 4]) | std::size_t(std::uint8_t(file[pos + 5])) << 8;
        const unsigned type = std::uint8_t(file[pos + 6]);
        if (pos + kHeader + length > file.size())
            break;
        pos += kHeader + length;
        if (type == 1 || type == 4) // Full, Last
            ends.push_back(pos);
    }
    return ends;
}

std::vector<std::size_t> tfRecordEnds(const std::string &file)
{
    std::vector<std::size_t> ends;
    std::size_t pos = 0;
    while (file.size() - pos >= 12) {
        std::uint64_t length = 0;
        std::memcpy(&length, file.data() + pos, 8);
        if (length > file.size() - pos - 12 || file.size() - pos - 12 - length < 4)
            break;
        pos += 12 + std::size_t(length) + 4;
        ends.push_back(pos);
    }
    return ends;
}

std::size_t wholeRecordsIn(const std::vector<std::size_t> &ends, std::size_t n)
{
    return std::size_t(std::upper_bound(ends.begin(), ends.end(), n) - ends.begin());
}

} // namespace forkscope::test
