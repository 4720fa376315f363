#include "views/charts/chart_curves.h"

#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <limits>

#include "itemmodels/run_color.h"
#include "views/run_palette.h"

namespace forkscope {

namespace {

StepRange safeRange(StepRange r)
{
    if (r.hi < r.lo)
        std::swap(r.lo, r.hi);
    return r;
}

double logOf(double v)
{
    return v > 0 ? std::log10(v) : std::numeric_limits<double>::quiet_NaN();
}

// Clips segment a-b to r (Liang-Barsky); false when it misses r.
bool clipSegment(QPointF &a, QPointF &b, const QRectF &r)
{
    double t0 = 0, t1 = 1;
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x() - r.left(), r.right() - a.x(), a.y() - r.top(), r.bottom() - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    const QPointF a0 = a;
    a = QPointF(a0.x() + t0 * dx, a0.y() + t0 * dy);
    b = QPointF(a0.x() + t1 * dx, a0.y() + t1 * dy);
    return true;
}

// Polylines split wherever the pen lifts, clipped to the plot (plus a
// margin for the pen): lines to far off-screen neighbours would otherwise
// make the stroker walk tens of thousands of pixels.
std::vector<QPolygonF> pieces(const PlotMapper &map, const PointVector &points, const QRectF &plot)
{
    const QRectF clip = plot.adjusted(-4, -4, 4, 4);
    std::vector<QPolygonF> out;
    QPolygonF cur;
    auto flush = [&] {
        if (!cur.isEmpty())
            out.push_back(std::move(cur));
        cur = QPolygonF();
    };
    bool havePrev = false;
    QPointF prev;
    for (const Point &p : points) {
        const std::optional<double> y = map.y(p.value);
        if (!y) {
            flush();
            havePrev = false;
            continue;
        }
        const QPointF at(map.x(p.step), *y);
        if (!havePrev) {
            prev = at;
            havePrev = true;
            if (clip.contains(at))
                cur.append(at);
            continue;
        }
        QPointF a = prev, b = at;
        prev = at;
        if (!clipSegment(a, b, clip)) {
            flush();
            continue;
        }
        if (cur.isEmpty() || cur.back() != a) {
            flush();
            cur.append(a);
        }
        if (cur.back() != b)
            cur.append(b);
    }
    flush();
    return out;
}

QColor withAlpha(QColor c, double alpha)
{
    c.setAlphaF(float(alpha));
    return c;
}

// Damaged data: a faint red span over the plot's height, hatched with
// diagonal lines, where a damaged chunk's steps lie.
void drawDamaged(CurveSink &sink, const PlotMapper &map, const CurveView &view, const std::vector<DrawnCurve> &curves)
{
    constexpr double kHatchGap = 8.0;
    const QColor red(0xd9, 0x30, 0x25);
    const QRectF &plot = view.plot;
    for (const DrawnCurve &c : curves) {
        for (const StepRange &d : c.series.damaged) {
            const double x0 = std::max(plot.left(), map.x(d.lo) - 0.5);
            const double x1 = std::min(plot.right(), map.x(d.hi) + 0.5);
            if (x1 <= x0)
                continue;
            const QRectF span(QPointF(x0, plot.top()), QPointF(x1, plot.bottom()));
            sink.rects({span}, withAlpha(red, 0.08));
            for (double t = x0 - plot.height(); t < x1; t += kHatchGap) {
                QPointF a(t, plot.bottom()), b(t + plot.height(), plot.top());
                if (clipSegment(a, b, span))
                    sink.polyline(QPolygonF{a, b}, withAlpha(red, 0.45), 1.0, Stroke::Solid);
            }
        }
    }
}

QColor sourceColor(const InheritedSource &source)
{
    return runColor(runColorIndex(source.immutableId));
}

// The inherited points cut where the ancestor they came from changes, each
// piece with its ancestor's colour (`own` where the sources are not known)
// and ending on the next piece's first point, so the line stays joined.
std::vector<std::pair<PointVector, QColor>> bySource(const PointVector &points,
                                                     const std::vector<InheritedSource> &sources, const QColor &own)
{
    std::vector<std::pair<PointVector, QColor>> out;
    const InheritedSource *current = nullptr;
    for (const Point &p : points) {
        const InheritedSource *source = sourceAt(sources, p.step);
        if (out.empty() || source != current) {
            if (!out.empty())
                out.back().first.push_back(p);
            out.push_back({{}, source ? sourceColor(*source) : own});
            current = source;
        }
        out.back().first.push_back(p);
    }
    return out;
}

void drawInherited(CurveSink &sink, const PlotMapper &map, const CurveView &view, const DrawnCurve &c,
                   const PointVector &points, double alpha, double width)
{
    for (const auto &[piece, color] : bySource(points, c.series.sources, c.color)) {
        QColor pale = inheritedColor(color);
        if (alpha < 1.0)
            pale.setAlphaF(float(alpha));
        for (const QPolygonF &p : pieces(map, piece, view.plot))
            sink.polyline(p, pale, width, Stroke::Dashed);
    }
}

// Where each ancestor in the chain was forked: the last inherited point at
// or before the fork step, marked in the colour of the run forked there.
void drawChainForkPoints(CurveSink &sink, const PlotMapper &map, const DrawnCurve &c)
{
    const auto &sources = c.series.sources;
    const PointVector &points = c.series.inherited;
    for (size_t i = 1; i < sources.size(); ++i) {
        const qint64 at = sources[i - 1].steps.hi;
        auto it = std::upper_bound(points.begin(), points.end(), at,
                                   [](qint64 step, const Point &p) { return step < p.step; });
        if (it == points.begin())
            continue;
        const Point &p = *(it - 1);
        const auto y = map.y(p.value);
        if (!y)
            continue;
        const QPointF xy(map.x(p.step), *y);
        sink.rects({QRectF(xy - QPointF(4, 4), QSizeF(8, 8))}, QColor(Qt::white));
        sink.rects({QRectF(xy - QPointF(3, 3), QSizeF(6, 6))}, sourceColor(sources[i]));
    }
}

} // namespace

PlotMapper::PlotMapper(const CurveView &view)
    : plot_(view.plot), columns_(safeRange(view.x), std::max(1, int(std::lround(view.plot.width())))), log_(view.logY)
{
    const int height = std::max(1, int(std::lround(view.plot.height())));
    rows_ = log_ ? RowMapping(logOf(view.yLo), logOf(view.yHi), height) : RowMapping(view.yLo, view.yHi, height);
}

std::optional<double> PlotMapper::y(double value) const
{
    if (log_)
        value = logOf(value);
    if (std::isnan(value))
        return std::nullopt;
    return plot_.top() + rows_.row(value) + 0.5;
}

void drawCurves(CurveSink &sink, const CurveView &view, const std::vector<DrawnCurve> &curves, double smoothing)
{
    const PlotMapper map(view);
    const bool smoothed = smoothing > 0;
    drawDamaged(sink, map, view, curves);
    // Envelopes first, under every line.
    for (const DrawnCurve &c : curves) {
        if (c.series.envelope.empty())
            continue;
        std::vector<QRectF> rects;
        rects.reserve(c.series.envelope.size());
        for (const EnvelopeColumn &e : c.series.envelope) {
            const auto top = map.y(e.hi), bottom = map.y(e.lo);
            if (!top || !bottom)
                continue;
            const double x0 = map.x(e.firstStep) - 0.5, x1 = map.x(e.lastStep) + 0.5;
            rects.emplace_back(QPointF(x0, *top - 0.5), QPointF(x1, *bottom + 0.5));
        }
        sink.rects(rects, withAlpha(c.color, smoothed ? 0.16 : 0.22));
    }
    for (const DrawnCurve &c : curves) {
        const QColor own = smoothed ? withAlpha(c.color, 0.3) : c.color;
        // Raw M4 lines zig-zag over whole columns: 1 px pens take Qt's fast
        // cosmetic stroker (wider pens stroke a self-overlapping polygon,
        // measured 10-40x slower) and look the same where columns are full.
        drawInherited(sink, map, view, c, c.series.inherited, smoothed ? 0.35 : 1.0, 1.0);
        for (const QPolygonF &p : pieces(map, c.series.own, view.plot))
            sink.polyline(p, own, 1.0, Stroke::Solid);
    }
    if (smoothed) {
        for (const DrawnCurve &c : curves) {
            drawInherited(sink, map, view, c, c.series.smoothedInherited, 1.0, 1.8);
            for (const QPolygonF &p : pieces(map, c.series.smoothedOwn, view.plot))
                sink.polyline(p, c.color, 2.0, Stroke::Solid);
        }
    }
    for (const DrawnCurve &c : curves) {
        drawChainForkPoints(sink, map, c);
        if (!c.series.forkPoint)
            continue;
        const auto y = map.y(c.series.forkPoint->value);
        if (!y)
            continue;
        const QPointF at(map.x(c.series.forkPoint->step), *y);
        sink.rects({QRectF(at - QPointF(5, 5), QSizeF(10, 10))}, QColor(Qt::white));
        sink.rects({QRectF(at - QPointF(4, 4), QSizeF(8, 8))}, c.color);
    }
}

void PainterSink::polyline(const QPolygonF &points, const QColor &color, double width, Stroke stroke)
{
    QPen pen(color, width, stroke == Stroke::Dashed ? Qt::DashLine : Qt::SolidLine);
    pen.setCosmetic(true);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::BevelJoin);
    painter_.setPen(pen);
    painter_.setBrush(Qt::NoBrush);
    if (points.size() == 1)
        painter_.drawPoint(points.front());
    else
        painter_.drawPolyline(points);
}

void PainterSink::rects(const std::vector<QRectF> &rects, const QColor &fill)
{
    if (rects.empty())
        return;
    const QTransform &t = painter_.deviceTransform();
    if (rects.size() < 16 || t.type() > QTransform::TxTranslate) {
        painter_.setPen(Qt::NoPen);
        painter_.setBrush(fill);
        painter_.drawRects(rects.data(), int(rects.size()));
        return;
    }
    // Envelope columns: set the pixels here and blend them in one go. Qt 6's
    // raster engine hands every fill taller than ~96 scanlines to its thread
    // pool, so hundreds of envelope columns cost hundreds of thread round
    // trips (measured: two thirds of a zoomed repaint). Pixels whose centre
    // lies inside a rectangle are set, once even where rectangles touch.
    QRect bounds;
    for (const QRectF &r : rects)
        bounds |= r.normalized().toAlignedRect();
    bounds &= t.inverted()
                  .mapRect(QRectF(QPointF(0, 0), QSizeF(painter_.device()->width(), painter_.device()->height())))
                  .toAlignedRect();
    if (bounds.isEmpty())
        return;
    QImage layer(bounds.size(), QImage::Format_ARGB32_Premultiplied);
    layer.fill(Qt::transparent);
    const QRgb pixel = qPremultiply(fill.rgba());
    for (const QRectF &rect : rects) {
        const QRectF r = rect.normalized();
        const int x0 = std::max(int(std::lround(r.left())), bounds.left());
        const int x1 = std::min(int(std::lround(r.right())), bounds.right() + 1);
        const int y0 = std::max(int(std::lround(r.top())), bounds.top());
        const int y1 = std::min(int(std::lround(r.bottom())), bounds.bottom() + 1);
        if (x0 >= x1 || y0 >= y1)
            continue;
        for (int y = y0; y < y1; ++y) {
            auto *line = reinterpret_cast<QRgb *>(layer.scanLine(y - bounds.top()));
            std::fill(line + (x0 - bounds.left()), line + (x1 - bounds.left()), pixel);
        }
    }
    painter_.drawImage(bounds.topLeft(), layer);
}

void ChartCurvesItem::setCurves(std::vector<DrawnCurve> curves, double smoothing)
{
    curves_ = std::move(curves);
    smoothing_ = smoothing;
    update();
}

void ChartCurvesItem::setView(const CurveView &view)
{
    if (view.plot != view_.plot)
        prepareGeometryChange();
    view_ = view;
    update();
}

void ChartCurvesItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (view_.plot.width() < 1 || view_.plot.height() < 1)
        return;
    painter->save();
    painter->setClipRect(view_.plot);
    PainterSink sink(*painter);
    drawCurves(sink, view_, curves_, smoothing_);
    painter->restore();
}

} // namespace forkscope
