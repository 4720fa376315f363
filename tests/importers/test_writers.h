#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <QString>

// Writers for the formats the importers read, built from the spec so tests
// can generate edge cases the real fixtures do not have.
namespace forkscope::test {

class ProtoWriter {
public:
    ProtoWriter &varint(std::uint32_t field, std::uint64_t value);
    ProtoWriter &bytes(std::uint32_t field, std::string_view value);
    ProtoWriter &message(std::uint32_t field, const ProtoWriter &value) { return bytes(field, value.data()); }
    ProtoWriter &fixed32(std::uint32_t field, std::uint32_t value);
    ProtoWriter &fixed64(std::uint32_t field, std::uint64_t value);
    ProtoWriter &floatField(std::uint32_t field, float value);
    ProtoWriter &doubleField(std::uint32_t field, double value);
    ProtoWriter &raw(std::string_view bytes)
    {
        data_.append(bytes);
        return *this;
    }
    const std::string &data() const { return data_; }

private:
    void tag(std::uint32_t field, int wireType);
    void putVarint(std::uint64_t v);
    std::string data_;
};

// A .wandb file: header, then records cut into chunks over 32 KiB blocks the
// way the SDK writes them.
std::string wandbLog(const std::vector<std::string> &records);

struct Item {
    std::string key; // joined with '.' for nested keys
    std::string valueJson;
};
// wandb_internal.Record wrappers.
std::string historyRecord(const std::vector<Item> &items, std::int64_t stepNum = -1, bool nestedKeys = false);
std::string summaryRecord(const std::vector<Item> &items, bool nestedKeys = false);
std::string configRecord(const std::vector<Item> &items);
std::string runRecord(const std::string &runId, const std::string &project, const std::string &name,
                      const std::string &branchRun = {}, double branchValue = 0, const std::string &branchMetric = {});
std::string exitRecord(int code, int runtime);

// TFRecord framing around one record.
std::string tfRecord(std::string_view data);
// tensorflow.Event with a summary of one value.
std::string scalarEvent(double wallTime, std::int64_t step, const std::string &tag, float simpleValue);
enum class TensorForm { FloatContent, DoubleContent, FloatVal, DoubleVal, FloatValUnpacked };
std::string tensorEvent(double wallTime, std::int64_t step, const std::string &tag, double value, TensorForm form,
                        bool withScalarsMetadata, int rank = 0);
std::string imageEvent(double wallTime, std::int64_t step, const std::string &tag);
std::string fileVersionEvent(double wallTime);

void writeFile(const QString &path, std::string_view bytes);
std::string readFile(const QString &path);

} // namespace forkscope::test
