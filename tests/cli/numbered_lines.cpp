#include "cli/numbered_lines.h"

#include <gtest/gtest.h>

namespace forkscope::test {

const char *const kNumberedExtraKeys[6] = {"a", "b", "c", "d", "e", "f"};

void appendNumberedLine(QByteArray &out, int i, double scale)
{
    out += "{\"x\": " + QByteArray::number(i) + ", \"y\": " + QByteArray::number(i * scale, 'g', 17);
    for (const char *key : kNumberedExtraKeys)
        out += ", \"" + QByteArray(key) + "\": " + QByteArray::number(i % 97 * scale, 'g', 17);
    out += "}\n";
}

QByteArray numberedLines(int count, double scale, int first)
{
    QByteArray out;
    out.reserve(count * 64);
    for (int i = first; i < first + count; ++i)
        appendNumberedLine(out, i, scale);
    return out;
}

void expectNumberedRows(const std::vector<Json> &rows, size_t begin, size_t end, double scale,
                        const std::vector<const char *> &extraKeys)
{
    ASSERT_LE(end, rows.size());
    for (size_t i = begin; i < end; ++i) {
        const Json &r = rows[i];
        ASSERT_EQ(r.at("_step").get<qint64>(), qint64(i)) << "gap before row " << i;
        ASSERT_EQ(r.at("x").get<double>(), double(i));
        ASSERT_EQ(r.at("y").get<double>(), double(i) * scale) << "row " << i;
        for (const char *key : extraKeys)
            ASSERT_EQ(r.at(key).get<double>(), double(i % 97) * scale) << "row " << i << " key " << key;
    }
}

} // namespace forkscope::test
