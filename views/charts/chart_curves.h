#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QPolygonF>
#include <QRectF>
#include <optional>
#include <vector>

#include "history/chart_data.h"
#include "history/pixel_mapping.h"

class QPainter;

namespace forkscope {

// What the curves are drawn against: the visible steps and values, and the
// plot rectangle in the painter's coordinates.
struct CurveView {
    StepRange x{0, 1};
    double yLo = 0.0;
    double yHi = 1.0;
    bool logY = false;
    QRectF plot;
};

// Steps and values to pixels, with x snapped to the same pixel columns the
// reducer used (so the drawn M4 points set the pixels all points would).
class PlotMapper {
public:
    explicit PlotMapper(const CurveView &view);
    double x(qint64 step) const { return plot_.left() + columns_.pixelX(step) + 0.5; }
    // No row for NaN (and, on a log scale, for values <= 0): the pen lifts.
    std::optional<double> y(double value) const;
    const ColumnMapping &columns() const { return columns_; }

private:
    QRectF plot_;
    ColumnMapping columns_;
    RowMapping rows_;
    bool log_ = false;
};

struct DrawnCurve {
    QColor color;
    RunSeries series;
};

enum class Stroke { Solid, Dashed };

// Where curves go: a QPainter (screen, PNG) or an SVG document.
class CurveSink {
public:
    virtual ~CurveSink() = default;
    virtual void polyline(const QPolygonF &points, const QColor &color, double width, Stroke stroke) = 0;
    virtual void rects(const std::vector<QRectF> &rects, const QColor &fill) = 0;
};

// Draws envelopes (faint), raw lines (faint when smoothed), smoothed lines,
// dashed inherited parts and fork markers, clipped to view.plot by the sink.
void drawCurves(CurveSink &sink, const CurveView &view, const std::vector<DrawnCurve> &curves, double smoothing);

class PainterSink : public CurveSink {
public:
    explicit PainterSink(QPainter &painter) : painter_(painter) {}
    void polyline(const QPolygonF &points, const QColor &color, double width, Stroke stroke) override;
    void rects(const std::vector<QRectF> &rects, const QColor &fill) override;

private:
    QPainter &painter_;
};

// The curves as an item in a QChart's scene, over its plot area. Qt Charts
// draws axes and grid; this draws the data (Qt Charts' line series cannot
// leave gaps for NaN and would join across them).
class ChartCurvesItem : public QGraphicsItem {
public:
    ChartCurvesItem() = default;
    void setCurves(std::vector<DrawnCurve> curves, double smoothing);
    void setView(const CurveView &view);
    const CurveView &view() const { return view_; }
    const std::vector<DrawnCurve> &curves() const { return curves_; }
    double smoothing() const { return smoothing_; }

    QRectF boundingRect() const override { return view_.plot; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    CurveView view_;
    std::vector<DrawnCurve> curves_;
    double smoothing_ = 0.0;
};

} // namespace forkscope
