#pragma once

#include <QString>
#include <QVariant>

#include "core/json_qt.h"

namespace fs {

// A JSON value as one line of plain text: strings unquoted, numbers short,
// containers as compact JSON.
QString formatJsonValue(const Json &value);
// A value for sorting: numbers as double, everything else as text.
QVariant jsonSortKey(const Json &value);
// "3h 05m", "4m 12s", "9s".
QString formatDuration(double seconds);
// The value at a dotted path ("optimizer.lr"); nullptr when absent.
const Json *jsonAtPath(const Json &root, const QString &dottedPath);

} // namespace fs
