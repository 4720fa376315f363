#include "importers/protobuf_wire.h"

#include <QCoreApplication>

namespace forkscope::wire {

bool readVarint(const char *&p, const char *end, std::uint64_t &out)
{
    std::uint64_t value = 0;
    const char *q = p;
    for (int shift = 0; shift < 64; shift += 7) {
        if (q == end)
            return false;
        const auto byte = static_cast<std::uint8_t>(*q++);
        // The 10th byte may only hold the top bit of a 64-bit value.
        if (shift == 63 && byte > 1)
            return false;
        value |= std::uint64_t(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            out = value;
            p = q;
            return true;
        }
    }
    return false;
}

bool Reader::fail(Error e, const char *at)
{
    error_ = e;
    errorOffset_ = static_cast<std::size_t>(at - begin_);
    p_ = end_;
    return false;
}

bool Reader::next(Field &field)
{
    if (p_ >= end_)
        return false;
    const char *start = p_;
    std::uint64_t tag;
    if (!readVarint(p_, end_, tag))
        return fail(Error::BadTag, start);
    if (tag > 0xffffffffu)
        return fail(Error::BadTag, start);
    field.number = static_cast<std::uint32_t>(tag >> 3);
    if (field.number == 0)
        return fail(Error::FieldNumberZero, start);
    const auto wt = static_cast<std::uint8_t>(tag & 7);
    field.bytes = {};
    field.scalar = 0;
    switch (wt) {
    case 0:
        field.type = WireType::Varint;
        if (!readVarint(p_, end_, field.scalar))
            return fail(Error::BadVarint, start);
        return true;
    case 1:
        field.type = WireType::Fixed64;
        if (end_ - p_ < 8)
            return fail(Error::Truncated, start);
        std::memcpy(&field.scalar, p_, 8);
        p_ += 8;
        return true;
    case 2: {
        field.type = WireType::Bytes;
        std::uint64_t len;
        if (!readVarint(p_, end_, len))
            return fail(Error::BadLength, start);
        if (len > static_cast<std::uint64_t>(end_ - p_))
            return fail(Error::Truncated, start);
        field.bytes = std::string_view(p_, static_cast<std::size_t>(len));
        p_ += len;
        return true;
    }
    case 5: {
        field.type = WireType::Fixed32;
        if (end_ - p_ < 4)
            return fail(Error::Truncated, start);
        std::uint32_t v;
        std::memcpy(&v, p_, 4);
        field.scalar = v;
        p_ += 4;
        return true;
    }
    case 3:
    case 4: return fail(Error::Group, start);
    default: return fail(Error::BadWireType, start);
    }
}

QString Reader::errorText() const
{
    const auto at = qulonglong(errorOffset_);
    switch (error_) {
    case Error::None: return {};
    case Error::BadTag:
        return QCoreApplication::translate("forkscope::Importers",
                                           "byte %1: malformed field tag; expected a varint of at most 5 bytes")
            .arg(at);
    case Error::FieldNumberZero:
        return QCoreApplication::translate("forkscope::Importers",
                                           "byte %1: field number 0; expected a field number of 1 or more")
            .arg(at);
    case Error::BadVarint:
        return QCoreApplication::translate(
                   "forkscope::Importers",
                   "byte %1: malformed varint value; expected at most 10 bytes ending inside the message")
            .arg(at);
    case Error::BadLength:
        return QCoreApplication::translate("forkscope::Importers",
                                           "byte %1: malformed length prefix; expected a varint length")
            .arg(at);
    case Error::Truncated:
        return QCoreApplication::translate("forkscope::Importers",
                                           "byte %1: field runs past the end of the message (%2 bytes)")
            .arg(at)
            .arg(qulonglong(end_ - begin_));
    case Error::Group:
        return QCoreApplication::translate(
                   "forkscope::Importers",
                   "byte %1: protobuf group (wire type 3/4) found; expected no groups in this message")
            .arg(at);
    case Error::BadWireType:
        return QCoreApplication::translate("forkscope::Importers", "byte %1: unknown wire type; expected 0, 1, 2 or 5")
            .arg(at);
    }
    return {};
}

} // namespace forkscope::wire
