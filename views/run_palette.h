#pragma once

#include <QColor>

namespace fs {

// The colour of palette slot `index` (see fs::runColorIndex).
QColor runColor(int index);
// The same hue, paler: inherited history.
QColor inheritedColor(const QColor &color);

} // namespace fs
