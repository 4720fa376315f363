#include "importers/test_writers.h"

#include <cstring>
#include <stdexcept>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <zlib.h>

#include "importers/crc32c.h"

namespace forkscope::test {

void ProtoWriter::putVarint(std::uint64_t v)
{
    while (v >= 0x80) {
        data_ += char((v & 0x7f) | 0x80);
        v >>= 7;
    }
    data_ += char(v);
}

void ProtoWriter::tag(std::uint32_t field, int wireType)
{
    putVarint((std::uint64_t(field) << 3) | std::uint64_t(wireType));
}

ProtoWriter &ProtoWriter::varint(std::uint32_t field, std::uint64_t value)
{
    tag(field, 0);
    putVarint(value);
    return *this;
}

ProtoWriter &ProtoWriter::bytes(std::uint32_t field, std::string_view value)
{
    tag(field, 2);
    putVarint(value.size());
    data_.append(value);
    return *this;
}

ProtoWriter &ProtoWriter::fixed32(std::uint32_t field, std::uint32_t value)
{
    tag(field, 5);
    data_.append(reinterpret_cast<const char *>(&value), 4);
    return *this;
}

ProtoWriter &ProtoWriter::fixed64(std::uint32_t field, std::uint64_t value)
{
    tag(field, 1);
    data_.append(reinterpret_cast<const char *>(&value), 8);
    return *this;
}

ProtoWriter &ProtoWriter::floatField(std::uint32_t field, float value)
{
    std::uint32_t bits;
    std::memcpy(&bits, &value, 4);
    return fixed32(field, bits);
}

ProtoWriter &ProtoWriter::doubleField(std::uint32_t field, double value)
{
    std::uint64_t bits;
    std::memcpy(&bits, &value, 8);
    return fixed64(field, bits);
}

std::string wandbLog(const std::vector<std::string> &records)
{
    constexpr std::size_t kBlock = 32768, kHeader = 7;
    std::string out(":W&B\xe1\xbe\x00", 7);
    std::size_t blockOffset = 7;
    for (const std::string &r : records) {
        std::size_t left = r.size(), at = 0;
        bool begin = true;
        do {
            const std::size_t leftover = kBlock - blockOffset;
            if (leftover < kHeader) {
                out.append(leftover, '\0');
                blockOffset = 0;
            }
            const std::size_t avail = kBlock - blockOffset - kHeader;
            const std::size_t frag = std::min(left, avail);
            const bool end = frag == left;
            const unsigned char type = begin && end ? 1 : begin ? 2 : end ? 4 : 3;
            uLong crc = crc32(0, &type, 1);
            crc = crc32(crc, reinterpret_cast<const Bytef *>(r.data() + at), uInt(frag));
            const std::uint32_t c = std::uint32_t(crc);
            out.append(reinterpret_cast<const char *>(&c), 4);
            out += char(frag & 0xff);
            out += char(frag >> 8);
            out += char(type);
            out.append(r, at, frag);
            at += frag;
            left -= frag;
            blockOffset += kHeader + frag;
            begin = false;
        } while (left > 0);
    }
    return out;
}

namespace {

ProtoWriter item(const Item &i, bool nested)
{
    ProtoWriter w;
    if (nested) {
        std::size_t start = 0;
        for (;;) {
            const auto dot = i.key.find('.', start);
            w.bytes(2, i.key.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
            if (dot == std::string::npos)
                break;
            start = dot + 1;
        }
    } else {
        w.bytes(1, i.key);
    }
    w.bytes(16, i.valueJson);
    return w;
}

} // namespace

std::string historyRecord(const std::vector<Item> &items, std::int64_t stepNum, bool nestedKeys)
{
    ProtoWriter h;
    for (const Item &i : items)
        h.message(1, item(i, nestedKeys));
    if (stepNum >= 0)
        h.message(2, ProtoWriter().varint(1, std::uint64_t(stepNum)));
    return ProtoWriter().message(2, h).data();
}

std::string summaryRecord(const std::vector<Item> &items, bool nestedKeys)
{
    ProtoWriter s;
    for (const Item &i : items)
        s.message(1, item(i, nestedKeys));
    return ProtoWriter().message(3, s).data();
}

std::string configRecord(const std::vector<Item> &items)
{
    ProtoWriter s;
    for (const Item &i : items)
        s.message(1, item(i, false));
    return ProtoWriter().message(5, s).data();
}

std::string runRecord(const std::string &runId, const std::string &project, const std::string &name,
                      const std::string &branchRun, double branchValue, const std::string &branchMetric)
{
    ProtoWriter r;
    r.bytes(1, runId).bytes(3, project).bytes(8, name);
    r.message(17, ProtoWriter().varint(1, 1700000000).varint(2, 500000000));
    if (!branchRun.empty())
        r.message(23, ProtoWriter().bytes(1, branchRun).doubleField(2, branchValue).bytes(3, branchMetric));
    return ProtoWriter().message(17, r).data();
}

std::string exitRecord(int code, int runtime)
{
    ProtoWriter e;
    e.varint(1, std::uint64_t(std::int64_t(code))).varint(2, std::uint64_t(runtime));
    return ProtoWriter().message(18, e).data();
}

std::string tfRecord(std::string_view data)
{
    std::string out;
    const std::uint64_t len = data.size();
    out.append(reinterpret_cast<const char *>(&len), 8);
    const std::uint32_t lenCrc = maskCrc32c(crc32c(&len, 8));
    out.append(reinterpret_cast<const char *>(&lenCrc), 4);
    out.append(data);
    const std::uint32_t dataCrc = maskCrc32c(crc32c(data.data(), data.size()));
    out.append(reinterpret_cast<const char *>(&dataCrc), 4);
    return out;
}

std::string scalarEvent(double wallTime, std::int64_t step, const std::string &tag, float simpleValue)
{
    ProtoWriter value;
    value.bytes(1, tag).floatField(2, simpleValue);
    ProtoWriter event;
    event.doubleField(1, wallTime).varint(2, std::uint64_t(step)).message(5, ProtoWriter().message(1, value));
    return event.data();
}

std::string tensorEvent(double wallTime, std::int64_t step, const std::string &tag, double v, TensorForm form,
                        bool withScalarsMetadata, int rank)
{
    ProtoWriter tensor;
    const bool isDouble = form == TensorForm::DoubleContent || form == TensorForm::DoubleVal;
    tensor.varint(1, isDouble ? 2 : 1);
    ProtoWriter shape;
    for (int i = 0; i < rank; ++i)
        shape.message(2, ProtoWriter().varint(1, 1));
    tensor.message(2, shape);
    const float f = float(v);
    switch (form) {
    case TensorForm::FloatContent: tensor.bytes(4, std::string_view(reinterpret_cast<const char *>(&f), 4)); break;
    case TensorForm::DoubleContent: tensor.bytes(4, std::string_view(reinterpret_cast<const char *>(&v), 8)); break;
    case TensorForm::FloatVal: // packed
        tensor.bytes(5, std::string_view(reinterpret_cast<const char *>(&f), 4));
        break;
    case TensorForm::FloatValUnpacked: tensor.floatField(5, f); break;
    case TensorForm::DoubleVal: tensor.bytes(6, std::string_view(reinterpret_cast<const char *>(&v), 8)); break;
    }
    ProtoWriter value;
    value.bytes(1, tag).message(8, tensor);
    if (withScalarsMetadata)
        value.message(9, ProtoWriter().message(1, ProtoWriter().bytes(1, "scalars")));
    ProtoWriter event;
    event.doubleField(1, wallTime).varint(2, std::uint64_t(step)).message(5, ProtoWriter().message(1, value));
    return event.data();
}

std::string imageEvent(double wallTime, std::int64_t step, const std::string &tag)
{
    ProtoWriter image;
    image.varint(1, 1).varint(2, 1).bytes(4, "\x89PNG");
    ProtoWriter value;
    value.bytes(1, tag).message(4, image);
    ProtoWriter event;
    event.doubleField(1, wallTime).varint(2, std::uint64_t(step)).message(5, ProtoWriter().message(1, value));
    return event.data();
}

std::string fileVersionEvent(double wallTime)
{
    return ProtoWriter().doubleField(1, wallTime).bytes(3, "brain.Event:2").data();
}

void writeFile(const QString &path, std::string_view bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw std::runtime_error("cannot write " + path.toStdString());
    f.write(bytes.data(), qint64(bytes.size()));
}

std::string readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.toStdString());
    const QByteArray b = f.readAll();
    return std::string(b.constData(), size_t(b.size()));
}

} // namespace forkscope::test
