#pragma once

#include <QColor>

namespace forkscope {

// The colour of palette slot `index` (see forkscope::runColorIndex).
QColor runColor(int index);
// The same hue, paler: inherited history.
QColor inheritedColor(const QColor &color);

} // namespace forkscope
