#include <cmath>

#include <gtest/gtest.h>

#include "importers/protobuf_wire.h"
#include "importers/test_writers.h"

using forkscope::test::ProtoWriter;
using namespace forkscope::wire;

TEST(ProtobufWire, ReadsEveryWireType)
{
    ProtoWriter w;
    w.varint(1, 150).bytes(2, "hello").fixed32(3, 0xdeadbeef).doubleField(4, 2.5).varint(5, std::uint64_t(-7));
    Reader r(w.data());
    Field f;
    ASSERT_TRUE(r.next(f));
    EXPECT_EQ(f.number, 1u);
    EXPECT_TRUE(f.isVarint());
    EXPECT_EQ(f.asInt64(), 150);
    ASSERT_TRUE(r.next(f));
    EXPECT_EQ(f.number, 2u);
    EXPECT_EQ(f.bytes, "hello");
    ASSERT_TRUE(r.next(f));
    EXPECT_TRUE(f.isFixed32());
    EXPECT_EQ(f.scalar, 0xdeadbeefu);
    ASSERT_TRUE(r.next(f));
    EXPECT_TRUE(f.isFixed64());
    EXPECT_DOUBLE_EQ(f.asDouble(), 2.5);
    ASSERT_TRUE(r.next(f));
    EXPECT_EQ(f.asInt32(), -7);
    EXPECT_EQ(f.asInt64(), -7);
    EXPECT_FALSE(r.next(f));
    EXPECT_FALSE(r.failed());
}

TEST(ProtobufWire, VarintLimits)
{
    const char max[] = "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01";
    const char *p = max;
    std::uint64_t v = 0;
    ASSERT_TRUE(readVarint(p, max + 10, v));
    EXPECT_EQ(v, ~std::uint64_t(0));
    EXPECT_EQ(p, max + 10);

    const char tooBig[] = "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02";
    p = tooBig;
    EXPECT_FALSE(readVarint(p, tooBig + 10, v));
    const char eleven[] = "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01";
    p = eleven;
    EXPECT_FALSE(readVarint(p, eleven + 11, v));
    const char cut[] = "\x80\x80";
    p = cut;
    EXPECT_FALSE(readVarint(p, cut + 2, v));
    EXPECT_EQ(p, cut); // not advanced on failure
}

TEST(ProtobufWire, LengthPastEndIsAnErrorWithOffset)
{
    std::string data = ProtoWriter().varint(1, 1).data();
    data += "\x12\x05"
            "abc"; // field 2, length 5, only 3 bytes
    Reader r(data);
    Field f;
    ASSERT_TRUE(r.next(f));
    EXPECT_FALSE(r.next(f));
    ASSERT_TRUE(r.failed());
    EXPECT_EQ(r.error(), Reader::Error::Truncated);
    EXPECT_EQ(r.errorOffset(), 2u);
    EXPECT_TRUE(r.errorText().contains(QLatin1String("byte 2"))) << r.errorText().toStdString();
}

TEST(ProtobufWire, GroupsFieldZeroAndBadWireTypesAreErrors)
{
    for (const std::string &bad : {std::string("\x0b", 1), std::string("\x0c", 1), std::string("\x00\x01", 2),
                                   std::string("\x0e\x00", 2), std::string("\x0f", 1)}) {
        Reader r(bad);
        Field f;
        EXPECT_FALSE(r.next(f));
        EXPECT_TRUE(r.failed());
        EXPECT_FALSE(r.errorText().isEmpty());
    }
}

TEST(ProtobufWire, TruncatedFixedFields)
{
    for (const std::string &bad :
         {std::string("\x0d\x01\x02", 3), std::string("\x09\x01\x02\x03\x04\x05\x06\x07", 8)}) {
        Reader r(bad);
        Field f;
        EXPECT_FALSE(r.next(f));
        EXPECT_EQ(r.error(), Reader::Error::Truncated);
    }
}

TEST(ProtobufWire, PackedAndUnpackedRepeatedFloats)
{
    const float vals[] = {1.5f, -2.0f};
    ProtoWriter w;
    w.bytes(5, std::string_view(reinterpret_cast<const char *>(vals), 8)).floatField(5, 3.0f);
    Reader r(w.data());
    Field f;
    std::vector<float> got;
    while (r.next(f))
        EXPECT_TRUE(forEachFloat(f, [&](float v) { got.push_back(v); }));
    EXPECT_EQ(got, (std::vector<float>{1.5f, -2.0f, 3.0f}));

    Field odd;
    odd.type = WireType::Bytes;
    odd.bytes = "abc";
    EXPECT_FALSE(forEachFloat(odd, [](float) {}));
    EXPECT_FALSE(forEachDouble(odd, [](double) {}));
}

TEST(ProtobufWire, NeverReadsPastAnyPrefix)
{
    ProtoWriter inner;
    inner.varint(1, 300).bytes(2, "nested");
    ProtoWriter w;
    w.message(3, inner).doubleField(4, 1.0).fixed32(5, 7).varint(6, 1ull << 60);
    const std::string &full = w.data();
    for (std::size_t n = 0; n <= full.size(); ++n) {
        // A heap copy of exactly n bytes so ASAN catches any over-read.
        std::unique_ptr<char[]> copy(new char[n ? n : 1]);
        std::memcpy(copy.get(), full.data(), n);
        Reader r(std::string_view(copy.get(), n));
        Field f;
        int fields = 0;
        while (r.next(f))
            ++fields;
        if (n == full.size()) {
            EXPECT_EQ(fields, 4);
            EXPECT_FALSE(r.failed());
        }
    }
}
