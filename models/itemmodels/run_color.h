#pragma once

#include <QString>

namespace forkscope {

inline constexpr int kRunColorCount = 12;

// A palette slot derived from the immutable ID, so a run keeps its colour
// across sessions, projects and renames. The views map slots to colours.
int runColorIndex(const QString &immutableId);

} // namespace forkscope
