#include <memory>
#include <random>

#include <gtest/gtest.h>

#include "importers/crc32c.h"
#include "importers/record_ends.h"
#include "importers/test_writers.h"
#include "importers/tfrecord_reader.h"
#include "support/temp_store.h"

using forkscope::ReadStop;
using forkscope::TfRecordReader;

namespace {

std::pair<std::vector<std::string>, ReadStop> readAll(std::string_view data)
{
    std::unique_ptr<char[]> copy(new char[data.size() ? data.size() : 1]);
    std::memcpy(copy.get(), data.data(), data.size());
    TfRecordReader reader(std::string_view(copy.get(), data.size()));
    std::vector<std::string> records;
    std::string_view r;
    while (reader.next(r))
        records.emplace_back(r);
    return {records, reader.stop()};
}

} // namespace

TEST(TfRecordReader, RoundTrip)
{
    const std::string file = forkscope::test::tfRecord("alpha") + forkscope::test::tfRecord("") +
                             forkscope::test::tfRecord(std::string(5000, 'z'));
    const auto [records, stop] = readAll(file);
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[0], "alpha");
    EXPECT_EQ(records[1], "");
    EXPECT_EQ(records[2].size(), 5000u);
    EXPECT_EQ(stop.kind, ReadStop::Kind::End);
    EXPECT_TRUE(readAll("").second.isClean());
}

TEST(TfRecordReader, BadLengthChecksum)
{
    std::string file = forkscope::test::tfRecord("one") + forkscope::test::tfRecord("two");
    const std::size_t second = 12 + 3 + 4;
    file[second + 8] ^= 1;
    const auto [records, stop] = readAll(file);
    EXPECT_EQ(records.size(), 1u);
    EXPECT_EQ(stop.kind, ReadStop::Kind::Corrupt);
    EXPECT_EQ(stop.offset, qint64(second));
    EXPECT_TRUE(stop.reason.contains(QLatin1String("length checksum")));
    EXPECT_TRUE(stop.reason.contains(QStringLiteral("byte %1").arg(second)));
}

TEST(TfRecordReader, BadDataChecksum)
{
    std::string file = forkscope::test::tfRecord("one") + forkscope::test::tfRecord("two");
    file[12 + 1] ^= 1;
    const auto [records, stop] = readAll(file);
    EXPECT_TRUE(records.empty());
    EXPECT_EQ(stop.kind, ReadStop::Kind::Corrupt);
    EXPECT_EQ(stop.offset, 0);
    EXPECT_TRUE(stop.reason.contains(QLatin1String("data checksum"))) << stop.reason.toStdString();
}

TEST(TfRecordReader, HugeDeclaredLengthIsTruncationNotACrash)
{
    // A valid length CRC over a length far beyond the file.
    std::string file = forkscope::test::tfRecord(std::string(10, 'a'));
    const std::uint64_t huge = ~std::uint64_t(0) - 3;
    std::memcpy(file.data(), &huge, 8);
    const std::uint32_t crc = forkscope::maskCrc32c(forkscope::crc32c(&huge, 8));
    std::memcpy(file.data() + 8, &crc, 4);
    const auto [records, stop] = readAll(file);
    EXPECT_TRUE(records.empty());
    EXPECT_EQ(stop.kind, ReadStop::Kind::Truncated);
    EXPECT_TRUE(stop.reason.contains(QLatin1String("mid-record")));
}

TEST(TfRecordReader, EveryPrefixOfTheRealFile)
{
    const std::string real = forkscope::test::readFile(
        forkscope::test::fixturePath(QStringLiteral("tensorboard/keras-cvp/events.out.tfevents.1585769947.cvp")));
    const auto whole = readAll(real);
    ASSERT_EQ(whole.first.size(), 105u);
    ASSERT_TRUE(whole.second.isClean());
    // The real events minus the ~160 KB graph, so every length can be tried quickly.
    std::string file;
    for (const std::string &r : whole.first)
        if (r.size() < 4096)
            file += forkscope::test::tfRecord(r);
    const auto events = readAll(file).first;
    ASSERT_GE(events.size(), 100u);
    // Exactly the records whose footer lies inside the prefix: not one fewer, not one more.
    const auto check = [](const std::string &full, const std::vector<std::string> &all,
                          const std::vector<std::size_t> &ends, std::size_t n) {
        const auto [records, stop] = readAll(std::string_view(full).substr(0, n));
        ASSERT_EQ(records.size(), forkscope::test::wholeRecordsIn(ends, n)) << "prefix " << n;
        for (std::size_t i = 0; i < records.size(); ++i)
            ASSERT_EQ(records[i], all[i]);
        if (!stop.isClean()) {
            ASSERT_EQ(stop.kind, ReadStop::Kind::Truncated) << n;
            ASSERT_TRUE(stop.reason.contains(QLatin1String("byte"))) << stop.reason.toStdString();
        }
    };
    const auto ends = forkscope::test::tfRecordEnds(file);
    ASSERT_EQ(ends.size(), events.size());
    for (std::size_t n = 0; n <= file.size(); ++n)
        ASSERT_NO_FATAL_FAILURE(check(file, events, ends, n));
    // The real file with its graph: every record end +-2.
    const auto realEnds = forkscope::test::tfRecordEnds(real);
    ASSERT_EQ(realEnds.size(), whole.first.size());
    for (const std::size_t end : realEnds)
        for (std::size_t n = end - 2; n <= std::min(end + 2, real.size()); ++n)
            ASSERT_NO_FATAL_FAILURE(check(real, whole.first, realEnds, n));
}

TEST(TfRecordReader, RandomBytesNeverCrash)
{
    std::mt19937 rng(99);
    for (int i = 0; i < 500; ++i) {
        std::string s(size_t(rng() % 300), '\0');
        for (char &c : s)
            c = char(rng());
        const auto [records, stop] = readAll(s);
        EXPECT_TRUE(stop.isStopped());
        if (!stop.isClean()) {
            EXPECT_FALSE(stop.reason.isEmpty());
        }
    }
}
