// The envelope's own pixel path (views/chart_curves: PainterSink::rects)
// against QPainter::drawRects, which it replaces for speed.
#include <QImage>
#include <QPainter>
#include <functional>
#include <gtest/gtest.h>

#include "views/charts/chart_curves.h"

namespace forkscope {
namespace {

std::vector<QRectF> columns(int count, double left, double top)
{
    std::vector<QRectF> out;
    for (int c = 0; c < count; ++c) {
        const double lo = top + (c * 37) % 90, hi = lo + 5 + (c * 53) % 120;
        out.emplace_back(QPointF(left + c, lo), QPointF(left + c + 1, hi));
    }
    // Touching and overlapping columns, one off the image, one inverted.
    out.emplace_back(QPointF(left + 3, top), QPointF(left + 5, top + 40));
    out.emplace_back(QPointF(-100, -50), QPointF(-90, 400));
    out.emplace_back(QPointF(left + 20, top + 60), QPointF(left + 19, top + 10));
    return out;
}

QImage paint(const std::function<void(QPainter &)> &draw, QPoint translate)
{
    QImage img(320, 240, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::white);
    QPainter p(&img);
    p.translate(translate);
    draw(p);
    return img;
}

TEST(ChartEnvelope, OwnPixelPathMatchesDrawRects)
{
    const QColor fill(30, 120, 220, 56);
    for (const QPoint translate : {QPoint(0, 0), QPoint(7, -3)}) {
        const std::vector<QRectF> rects = columns(200, 40, 20);
        const QImage ours = paint(
            [&](QPainter &p) {
                PainterSink sink(p);
                sink.rects(rects, fill);
            },
            translate);
        const QImage qt = paint(
            [&](QPainter &p) {
                p.setPen(Qt::NoPen);
                p.setBrush(fill);
                for (const QRectF &r : rects)
                    p.drawRect(r.normalized()); // each once: the union has no doubled overlaps
            },
            translate);
        // drawRects blends overlaps twice; ours sets a pixel once. Compare
        // coverage, and colour where only one rectangle covers a pixel.
        int differing = 0;
        for (int y = 0; y < ours.height(); ++y) {
            for (int x = 0; x < ours.width(); ++x) {
                const bool coveredOurs = ours.pixel(x, y) != qRgb(255, 255, 255);
                const bool coveredQt = qt.pixel(x, y) != qRgb(255, 255, 255);
                differing += coveredOurs != coveredQt;
            }
        }
        EXPECT_EQ(differing, 0) << "translate " << translate.x() << "," << translate.y();
        EXPECT_EQ(ours.pixel(40 + 100 + translate.x(), 20 + (100 * 37) % 90 + 2 + translate.y()),
                  qt.pixel(40 + 100 + translate.x(), 20 + (100 * 37) % 90 + 2 + translate.y()));
    }
}

} // namespace
} // namespace forkscope
