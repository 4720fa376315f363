#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include <QString>

namespace forkscope::wire {

// Protobuf wire format, just enough to read the few messages the importers
// need without generated code. Every read is bounds-checked against the
// buffer; nothing is copied (bytes fields are views into the buffer).

enum class WireType : std::uint8_t {
    Varint = 0,
    Fixed64 = 1,
    Bytes = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
};

struct Field {
    std::uint32_t number = 0;
    WireType type = WireType::Varint;
    std::uint64_t scalar = 0; // the value of a Varint, Fixed32 or Fixed64 field
    std::string_view bytes;   // the payload of a Bytes field

    bool isVarint() const { return type == WireType::Varint; }
    bool isBytes() const { return type == WireType::Bytes; }
    bool isFixed32() const { return type == WireType::Fixed32; }
    bool isFixed64() const { return type == WireType::Fixed64; }

    std::int64_t asInt64() const { return static_cast<std::int64_t>(scalar); }
    // int32 fields carry negative numbers as 10-byte varints: keep the low 32 bits.
    std::int32_t asInt32() const { return static_cast<std::int32_t>(static_cast<std::uint32_t>(scalar)); }
    bool asBool() const { return scalar != 0; }
    double asDouble() const
    {
        double d;
        std::memcpy(&d, &scalar, sizeof d);
        return d;
    }
    float asFloat() const
    {
        const auto bits = static_cast<std::uint32_t>(scalar);
        float f;
        std::memcpy(&f, &bits, sizeof f);
        return f;
    }
};

// Reads a base-128 varint at `p`, at most 10 bytes, never past `end`.
// On success advances `p` and returns true.
bool readVarint(const char *&p, const char *end, std::uint64_t &out);

// Walks the fields of one message, in wire order.
//   wire::Reader r(bytes); wire::Field f;
//   while (r.next(f)) { switch (f.number) { ... } }
//   if (r.failed()) ... r.errorText()
// Unknown fields are simply not looked at by the caller. Groups (wire types
// 3/4, deprecated and never used by the formats we read) are an error.
class Reader {
public:
    enum class Error { None, BadTag, FieldNumberZero, BadVarint, BadLength, Truncated, Group, BadWireType };

    explicit Reader(std::string_view data) : begin_(data.data()), p_(data.data()), end_(data.data() + data.size()) {}

    // Reads the next field; false at the end of the buffer or on a malformed field.
    bool next(Field &field);

    bool failed() const { return error_ != Error::None; }
    Error error() const { return error_; }
    // Offset into the buffer of the field that could not be read.
    std::size_t errorOffset() const { return errorOffset_; }
    // "byte N: what was wrong; what was expected", translatable.
    QString errorText() const;

private:
    bool fail(Error e, const char *at);

    const char *begin_;
    const char *p_;
    const char *end_;
    Error error_ = Error::None;
    std::size_t errorOffset_ = 0;
};

// Calls fn(value) for each element of a repeated fixed-width field, whether it
// was written packed (one Bytes field) or one field per element. Returns false
// when a packed payload is not a whole number of elements.
template <typename Fn> bool forEachFloat(const Field &f, Fn &&fn)
{
    if (f.isFixed32()) {
        fn(f.asFloat());
        return true;
    }
    if (!f.isBytes() || f.bytes.size() % 4 != 0)
        return false;
    for (std::size_t i = 0; i < f.bytes.size(); i += 4) {
        float v;
        std::memcpy(&v, f.bytes.data() + i, 4); // little-endian hosts only (x86-64, arm64)
        fn(v);
    }
    return true;
}

template <typename Fn> bool forEachDouble(const Field &f, Fn &&fn)
{
    if (f.isFixed64()) {
        fn(f.asDouble());
        return true;
    }
    if (!f.isBytes() || f.bytes.size() % 8 != 0)
        return false;
    for (std::size_t i = 0; i < f.bytes.size(); i += 8) {
        double v;
        std::memcpy(&v, f.bytes.data() + i, 8);
        fn(v);
    }
    return true;
}

} // namespace forkscope::wire
