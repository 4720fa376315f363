#pragma once

#include <QPointF>
#include <functional>
#include <optional>
#include <vector>

#include "series/series_types.h"

namespace forkscope {

// Where a drawn point is: index into the curves given, then into its points.
struct PointRef {
    size_t curve = 0;
    size_t index = 0;
};

// The point a person points at on a chart. A person points at a step, so
// each curve offers its point nearest the cursor in x (points hold x: the
// step, or the time on a time axis; NaN gaps are passed over); of the curves
// whose offer lies within `slackPx` of the nearest one in x, the one nearest
// the cursor in y wins. The hover readout and the fork pick both use it, so
// what the crosshair says is what a click picks.
// `x` is the cursor's x in the points' units, `cursor` its place in the
// view, and `toView` maps a point to the view.
std::optional<PointRef> pointAtCursor(const std::vector<const PointVector *> &curves, double x, QPointF cursor,
                                      const std::function<QPointF(const Point &)> &toView, double slackPx = 3.0);

} // namespace forkscope
