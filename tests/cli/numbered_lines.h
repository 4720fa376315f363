#pragma once

#include <QByteArray>
#include <iterator>
#include <vector>

#include "core/json_qt.h"

namespace forkscope::test {

// Log input whose every value says where it belongs: line i holds x = i,
// y = i * scale and six more keys (a..f = i % 97 * scale), so there is more
// to write per flush and a torn, shifted or foreign row shows.
extern const char *const kNumberedExtraKeys[6];
void appendNumberedLine(QByteArray &out, int i, double scale);
// Lines first .. first + count - 1.
QByteArray numberedLines(int count, double scale, int first = 0);

// Checks that rows[begin, end) of a history (JSON lines) are steps begin..
// end-1 of numbered lines with `scale`: x, y and every one of `extraKeys`
// present with its value.
void expectNumberedRows(const std::vector<Json> &rows, size_t begin, size_t end, double scale,
                        const std::vector<const char *> &extraKeys = {std::begin(kNumberedExtraKeys),
                                                                      std::end(kNumberedExtraKeys)});
// All rows: a gap-free prefix with the right values, no torn row.
inline void expectNumberedPrefix(const std::vector<Json> &rows, double scale)
{
    expectNumberedRows(rows, 0, rows.size(), scale);
}

} // namespace forkscope::test
