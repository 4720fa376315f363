#pragma once

#include <QString>

namespace forkscope {

// A run's permanent, globally unique ID: "fsr:" followed by 26 characters of
// Crockford base32 (128 random bits). The colon can never appear in a run ID,
// so the two are never confused.
QString generateImmutableId();
bool isImmutableId(const QString &text);

} // namespace forkscope
