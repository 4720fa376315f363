#pragma once

#include <QString>

#include "history/chart_data.h"

namespace forkscope {

// Tick spacing for a value axis: 1, 2 or 5 times a power of ten, so that
// about `ticks` ticks fit the span.
double niceInterval(double span, int ticks);

// Tick spacing for a time axis in milliseconds: 1, 2, 5, 10, 15, 30 s,
// 1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h, then whole days, so that about
// `ticks` ticks fit the span.
double niceTimeIntervalMs(double spanMs, int ticks);

// A tick's text: a duration ("1h 30m") on the relative axis, a local clock
// time (with the date when ticks are a day or more apart) on the wall axis.
QString timeTickLabel(double ms, XAxis axis, double intervalMs);

} // namespace forkscope
