#pragma once

#include <QSet>
#include <QString>
#include <QVariant>

#include "core/json_qt.h"

namespace forkscope {

// A JSON value as one line of plain text: strings unquoted, numbers short,
// containers as compact JSON.
QString formatJsonValue(const Json &value);
// A value for sorting: numbers as double, everything else as text.
QVariant jsonSortKey(const Json &value);
// "3h 05m", "4m 12s", "9s".
QString formatDuration(double seconds);
// Every second shown: "2 h 03 min 12 s", "41.2 s" (units translated).
QString formatDurationExact(double seconds);
// Seconds since 1970 as local "yyyy-MM-dd HH:mm:ss" (empty past year 9999).
QString formatEpochSeconds(double seconds);

// What W&B means by a key it writes itself: `_timestamp` and the config's
// `_wandb.start_time` are wall-clock seconds, `_runtime` and the summary's
// `_wandb.runtime` are seconds the run has run.
enum class KeyMeaning { Plain, WallClockSeconds, DurationSeconds };
KeyMeaning keyMeaning(const QString &dottedPath);
// The value at `dottedPath` as a person reads it: a date-time or a duration
// where the key says so, else formatJsonValue(). `raw`, when given, gets the
// value as stored where the two differ (for a tool tip), else stays empty.
QString formatValueAtKey(const QString &dottedPath, const Json &value, QString *raw = nullptr);
// The value at a dotted path ("optimizer.lr"); nullptr when absent.
const Json *jsonAtPath(const Json &root, const QString &dottedPath);
// The dotted paths of `j`'s leaves (three levels deep at most) that a runs
// table can show as columns; W&B's own `_`-keys are left out.
void collectColumnKeys(const Json &j, QSet<QString> &out);

} // namespace forkscope
