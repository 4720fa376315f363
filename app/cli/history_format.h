#pragma once

#include <QStringList>
#include <string>

#include "core/json_qt.h"

namespace forkscope {

// {"_step": s, key: value, ...} with non-finite numbers as NaN/Infinity.
std::string historyJsonLine(qint64 step, const Json &row);

// RFC 4180 CSV: `_step,key1,key2...` then one line per row; a key without a
// value at that step is an empty cell.
std::string csvHeader(const QStringList &keys);
std::string csvLine(qint64 step, const Json &row, const std::vector<std::string> &keys);
// One cell: strings as text, numbers as JSON writes them (NaN, Infinity,
// -Infinity included), anything else as JSON; quoted when needed.
std::string csvField(const Json &value);
std::string csvQuote(const std::string &text);

} // namespace forkscope
