#include <memory>
#include <random>

#include <gtest/gtest.h>

#include "importers/leveldb_log_reader.h"
#include "importers/record_ends.h"
#include "importers/test_writers.h"
#include "support/temp_store.h"

using forkscope::LevelDbLogReader;
using forkscope::ReadStop;

namespace {

struct ReadAll {
    std::vector<std::string> records;
    std::vector<qint64> offsets;
    ReadStop stop;
};

ReadAll readAll(std::string_view data)
{
    // An exact-size heap copy, so ASAN builds catch any read past the end.
    std::unique_ptr<char[]> copy(new char[data.size() ? data.size() : 1]);
    std::memcpy(copy.get(), data.data(), data.size());
    LevelDbLogReader reader(std::string_view(copy.get(), data.size()));
    ReadAll out;
    std::string_view record;
    qint64 offset = 0;
    while (reader.next(record, &offset)) {
        out.records.emplace_back(record);
        out.offsets.push_back(offset);
    }
    out.stop = reader.stop();
    EXPECT_FALSE(reader.next(record)); // stays stopped
    return out;
}

std::string sized(std::size_t n, char fill)
{
    std::string s(n, fill);
    for (std::size_t i = 0; i < n; ++i)
        s[i] = char(fill + i % 7);
    return s;
}

std::vector<unsigned char> chunkTypes(const std::string &file)
{
    std::vector<unsigned char> types;
    std::size_t pos = 7;
    while (pos + 7 <= file.size()) {
        const std::size_t blockEnd = (pos / 32768 + 1) * 32768;
        if (blockEnd - pos < 7) {
            pos = blockEnd;
            continue;
        }
        const std::size_t len = std::uint8_t(file[pos + 4]) | std::uint8_t(file[pos + 5]) << 8;
        types.push_back(std::uint8_t(file[pos + 6]));
        pos += 7 + len;
    }
    return types;
}

} // namespace

TEST(LevelDbLogReader, EmptyFileAndHeaderPrefixesAreTruncated)
{
    const std::string header(":W&B\xe1\xbe\x00", 7);
    for (std::size_t n = 0; n < 7; ++n) {
        const auto r = readAll(header.substr(0, n));
        EXPECT_TRUE(r.records.empty());
        EXPECT_EQ(r.stop.kind, ReadStop::Kind::Truncated) << n;
        EXPECT_TRUE(r.stop.reason.contains(QLatin1String("header"))) << r.stop.reason.toStdString();
    }
    const auto r = readAll(header);
    EXPECT_EQ(r.stop.kind, ReadStop::Kind::End);
    EXPECT_TRUE(r.records.empty());
}

TEST(LevelDbLogReader, WrongMagicIdentifierOrVersion)
{
    auto r = readAll(std::string("PK\x03\x04 zip file", 14));
    EXPECT_EQ(r.stop.kind, ReadStop::Kind::NotThisFormat);
    EXPECT_EQ(r.stop.offset, 0);
    EXPECT_TRUE(r.stop.reason.contains(QLatin1String(":W&B"))) << r.stop.reason.toStdString();

    r = readAll(std::string(":W&B\xe1\xbf\x00", 7));
    EXPECT_EQ(r.stop.kind, ReadStop::Kind::NotThisFormat);
    EXPECT_EQ(r.stop.offset, 4);
    EXPECT_TRUE(r.stop.reason.contains(QLatin1String("0xBEE1")));

    r = readAll(std::string(":W&B\xe1\xbe\x01", 7));
    EXPECT_EQ(r.stop.kind, ReadStop::Kind::NotThisFormat);
    EXPECT_EQ(r.stop.offset, 6);
    EXPECT_TRUE(r.stop.reason.contains(QLatin1String("version 1")));
}

TEST(LevelDbLogReader, RecordsSpanningBlocksRoundTrip)
{
    // Sizes chosen to hit FULL, FIRST/LAST, FIRST/MIDDLE.../LAST, a block tail
    // shorter than a header (padding), and an empty record.
    std::vector<std::string> records = {sized(10, 'a'), sized(32768 - 7 - 7 - 10 - 7 - 3, 'b'),
                                        sized(5, 'c'),  sized(100000, 'd'),
                                        std::string(),  sized(40000, 'e'),
                                        sized(1, 'f')};
    const std::string file = forkscope::test::wandbLog(records);
    const auto types = chunkTypes(file);
    EXPECT_NE(std::find(types.begin(), types.end(), 2), types.end());
    EXPECT_NE(std::find(types.begin(), types.end(), 3), types.end());
    EXPECT_NE(std::find(types.begin(), types.end(), 4), types.end());
    const auto r = readAll(file);
    EXPECT_EQ(r.stop.kind, ReadStop::Kind::End);
    EXPECT_TRUE(r.stop.reason.isEmpty());
    ASSERT_EQ(r.records.size(), records.size());
    for (std::size_t i = 0; i < records.size(); ++i)
        EXPECT_EQ(r.records[i], records[i]) << i;
    ASSERT_FALSE(r.offsets.empty());
    EXPECT_EQ(r.offsets.front(), 7);
}

TEST(LevelDbLogReader, AllZeroHeaderMeansRestOfBlockIsPadding)
{
    std::string file = forkscope::test::wandbLog({"first"});
    file.resize(32768, '\0'); // zero-filled rest of block 0
    const std::string second = forkscope::test::wandbLog({"second"}).substr(7);
    file += second;
    const auto r = readAll(file);
    EXPECT_EQ(r.stop.kind, ReadStop::Kind::End);
    ASSERT_EQ(r.records.size(), 2u);
    EXPECT_EQ(r.records[1], "second");
    ASSERT_EQ(r.offsets.size(), 2u);
    EXPECT_EQ(r.offsets[1], 32768);

    // Zero bytes at the very end (preallocated file) are not a cut either.
    const auto z = readAll(forkscope::test::wandbLog({"x"}) + std::string(3, '\0'));
    EXPECT_EQ(z.stop.kind, ReadStop::Kind::End);
}

TEST(LevelDbLogReader, BadChecksumStopsWithOffsetAndExpectedValue)
{
    std::string file = forkscope::test::wandbLog({"one", "two", "three"});
    const std::size_t second = 7 + 7 + 3;
    file[second + 7] ^= 0x20; // flip a payload bit of "two"
    const auto r = readAll(file);
    ASSERT_EQ(r.records.size(), 1u);
    EXPECT_EQ(r.stop.kind, ReadStop::Kind::Corrupt);
    EXPECT_EQ(r.stop.offset, qint64(second));
    EXPECT_TRUE(r.stop.reason.contains(QLatin1String("checksum"))) << r.stop.reason.toStdString();
    EXPECT_TRUE(r.stop.reason.contains(QStringLiteral("byte %1").arg(second)));
    EXPECT_TRUE(r.stop.reason.contains(QLatin1String("expected")));
}

TEST(LevelDbLogReader, ChunkSequenceErrors)
{
    // LAST/MIDDLE without FIRST, FULL inside a fragmented record, unknown type,
    // length past block end: each is reported where it happens.
    const std::string big = forkscope::test::wandbLog({sized(40000, 'x')});
    const std::size_t secondChunk = 32768;
    auto a = readAll(std::string(big.substr(0, 7)) + big.substr(secondChunk)); // LAST alone
    EXPECT_EQ(a.stop.kind, ReadStop::Kind::Corrupt);
    EXPECT_TRUE(a.stop.reason.contains(QLatin1String("without a FIRST"))) << a.stop.reason.toStdString();

    std::string file = forkscope::test::wandbLog({"abc"});
    file[7 + 6] = 9; // type 9 (checksum checked after type)
    auto b = readAll(file);
    EXPECT_EQ(b.stop.kind, ReadStop::Kind::Corrupt);
    EXPECT_TRUE(b.stop.reason.contains(QLatin1String("type 9")));

    file = forkscope::test::wandbLog({"abc"});
    file[7 + 4] = char(0xff);
    file[7 + 5] = char(0xff);
    auto c = readAll(file);
    EXPECT_EQ(c.stop.kind, ReadStop::Kind::Corrupt);
    EXPECT_TRUE(c.stop.reason.contains(QLatin1String("block end")));

    // FIRST of the big record followed by a FULL chunk instead of MIDDLE.
    std::string mixed = big.substr(0, secondChunk) + forkscope::test::wandbLog({"z"}).substr(7);
    auto d = readAll(mixed);
    EXPECT_EQ(d.stop.kind, ReadStop::Kind::Corrupt);
    EXPECT_TRUE(d.stop.reason.contains(QLatin1String("FULL chunk"))) << d.stop.reason.toStdString();
    EXPECT_TRUE(d.records.empty());
}

TEST(LevelDbLogReader, RandomBytesNeverCrash)
{
    std::mt19937 rng(1234);
    for (int i = 0; i < 300; ++i) {
        std::string s(size_t(rng() % 5000), '\0');
        for (char &c : s)
            c = char(rng());
        if (i % 2)
            s.replace(0, std::min<std::size_t>(7, s.size()),
                      std::string(":W&B\xe1\xbe\x00", 7).substr(0, std::min<std::size_t>(7, s.size())));
        const auto r = readAll(s);
        EXPECT_NE(r.stop.kind, ReadStop::Kind::Reading);
        if (!r.stop.isClean()) {
            EXPECT_FALSE(r.stop.reason.isEmpty());
        }
    }
}

namespace {

// Every prefix of `full` yields exactly the first k whole records (k: the
// records whose last chunk ends inside the prefix, neither fewer nor more)
// and, unless it ends on a record boundary, a reason naming a byte offset.
void checkPrefix(const std::string &full, const ReadAll &whole, const std::vector<std::size_t> &ends, std::size_t n)
{
    const auto r = readAll(std::string_view(full).substr(0, n));
    ASSERT_EQ(r.records.size(), forkscope::test::wholeRecordsIn(ends, n)) << "prefix " << n;
    for (std::size_t i = 0; i < r.records.size(); ++i)
        ASSERT_EQ(r.records[i], whole.records[i]) << "prefix " << n << " record " << i;
    ASSERT_LE(r.stop.offset, qint64(n));
    if (!r.stop.isClean()) {
        ASSERT_NE(r.stop.kind, ReadStop::Kind::NotThisFormat) << n;
        ASSERT_TRUE(r.stop.reason.contains(QLatin1String("byte"))) << n << ": " << r.stop.reason.toStdString();
    }
}

void checkEveryPrefix(const std::string &full, std::size_t stride, std::size_t denseTail)
{
    const auto whole = readAll(full);
    const auto ends = forkscope::test::wandbRecordEnds(full);
    ASSERT_EQ(ends.size(), whole.records.size());
    for (std::size_t n = 0; n <= full.size(); n += (n + denseTail >= full.size() || n < 64) ? 1 : stride)
        ASSERT_NO_FATAL_FAILURE(checkPrefix(full, whole, ends, n));
    // Around every record end too: the lengths where a reader is most
    // tempted to give one record too many or too few.
    for (const std::size_t end : ends)
        for (std::size_t n = end - 2; n <= std::min(end + 2, full.size()); ++n)
            ASSERT_NO_FATAL_FAILURE(checkPrefix(full, whole, ends, n));
}

} // namespace

TEST(LevelDbLogReader, EveryPrefixOfAGeneratedFile)
{
    const std::string file = forkscope::test::wandbLog({sized(100, 'a'), sized(70000, 'b'), sized(30, 'c')});
    // Dense near the block edges and the end, strided in between.
    checkEveryPrefix(file, 97, 200);
    for (std::size_t edge : {std::size_t(32768), std::size_t(65536)})
        for (std::size_t n = edge - 20; n <= edge + 20; ++n) {
            const auto r = readAll(std::string_view(file).substr(0, n));
            EXPECT_EQ(r.records.size(), 1u) << n;
            EXPECT_EQ(r.stop.kind, ReadStop::Kind::Truncated) << n;
        }
}

TEST(LevelDbLogReader, EveryPrefixOfARealFile)
{
    const std::string file = forkscope::test::readFile(
        forkscope::test::fixturePath(QStringLiteral("wandb/run-20241201_230053-5zwrn21g/run-5zwrn21g.wandb")));
    checkEveryPrefix(file, 1, 0); // all 38688+1 lengths
}

TEST(LevelDbLogReader, CutRealFileReportsTheMissingPayload)
{
    const std::string file = forkscope::test::readFile(
        forkscope::test::fixturePath(QStringLiteral("wandb/run-20220429_201936-3ojed7lz/run-3ojed7lz.wandb")));
    const auto r = readAll(file);
    EXPECT_EQ(r.records.size(), 1106u); // + the cut one = PROVENANCE's 1107
    EXPECT_EQ(r.stop.kind, ReadStop::Kind::Truncated);
    EXPECT_EQ(r.stop.offset, qint64(file.size() - 7)); // the last 7 bytes are a header without payload
    EXPECT_TRUE(r.stop.reason.contains(QStringLiteral("byte %1").arg(file.size()))) << r.stop.reason.toStdString();
    EXPECT_TRUE(r.stop.reason.contains(QLatin1String("mid-record")));
    checkEveryPrefix(file, 1009, 300);
}
