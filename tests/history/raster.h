#pragma once

#include "history/pixel_mapping.h"
#include "series/series_types.h"

#include <QImage>
#include <span>

namespace forkscope::test {

// Test-only reference renderer: black 1px aliased lines between consecutive
// non-NaN points on white, x snapped by ColumnMapping, y by RowMapping.
QImage renderPolyline(std::span<const Point> points, const Viewport &viewport);

} // namespace forkscope::test
