#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <vector>

#include "views/charts/chart_curves.h"

namespace forkscope {

// An axis tick: where (in the document) and what it says.
struct ChartTick {
    double pos = 0.0;
    QString label;
};

// Everything an exported panel shows, in document coordinates.
struct ChartPicture {
    QSizeF size;
    QString title;
    CurveView view; // view.plot in document coordinates
    std::vector<ChartTick> xTicks;
    std::vector<ChartTick> yTicks;
    std::vector<DrawnCurve> curves;
    double smoothing = 0.0;
};

// A standalone SVG 1.1 document of the panel (text escaped, never markup).
QByteArray chartToSvg(const ChartPicture &picture);

// CSV of exactly what is drawn: one row per drawn point, per run, with the
// part (inherited / own), the line (raw / smoothed / envelope_min /
// envelope_max), the step and the value. `names` pairs with `runs`.
QByteArray chartToCsv(const QString &metric, const std::vector<PanelRun> &runs, const PanelData &data);

} // namespace forkscope
