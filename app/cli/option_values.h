#pragma once

#include <QString>
#include <QStringList>

#include "core/json_qt.h"

namespace forkscope {

// Converting option values; each throws forkscope::Error(BadInput) naming the
// option and what is expected.
Json parseJsonObjectOption(const QString &option, const QString &text);
// KEY=JSON pairs (--set) merged into one object.
Json parseAssignments(const QString &option, const QStringList &pairs);
int parseIntOption(const QString &option, const QString &text);
// "a,b,c" -> {"a","b","c"}, empty parts dropped.
QStringList parseListOption(const QString &text);

} // namespace forkscope
