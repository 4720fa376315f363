#include <string>

#include <gtest/gtest.h>

#include "importers/crc32c.h"

// Known CRC-32C vectors (RFC 3720 appendix B.4 and the usual check value).
TEST(Crc32c, KnownVectors)
{
    EXPECT_EQ(forkscope::crc32c("", 0), 0u);
    EXPECT_EQ(forkscope::crc32c("123456789", 9), 0xE3069283u);
    const std::string zeros(32, '\0');
    EXPECT_EQ(forkscope::crc32c(zeros.data(), zeros.size()), 0x8A9136AAu);
    const std::string ones(32, '\xff');
    EXPECT_EQ(forkscope::crc32c(ones.data(), ones.size()), 0x62A8AB43u);
    std::string inc(32, '\0');
    for (int i = 0; i < 32; ++i)
        inc[size_t(i)] = char(i);
    EXPECT_EQ(forkscope::crc32c(inc.data(), inc.size()), 0x46DD794Eu);
    std::string dec(32, '\0');
    for (int i = 0; i < 32; ++i)
        dec[size_t(i)] = char(31 - i);
    EXPECT_EQ(forkscope::crc32c(dec.data(), dec.size()), 0x113FDB5Cu);
}

TEST(Crc32c, IncrementalEqualsWhole)
{
    const std::string s = "The quick brown fox jumps over the lazy dog";
    for (std::size_t cut = 0; cut <= s.size(); ++cut) {
        const auto first = forkscope::crc32c(s.data(), cut);
        EXPECT_EQ(forkscope::crc32c(s.data() + cut, s.size() - cut, first), forkscope::crc32c(s.data(), s.size()));
    }
}

TEST(Crc32c, Mask)
{
    // TensorFlow's masking: rotate right by 15, add a constant.
    EXPECT_EQ(forkscope::maskCrc32c(0), 0xa282ead8u);
    const std::uint32_t c = 0xE3069283u;
    EXPECT_EQ(forkscope::maskCrc32c(c), (((c >> 15) | (c << 17)) + 0xa282ead8u));
}
