#include "raster.h"

#include <QLine>
#include <QPainter>
#include <QPen>
#include <cmath>
#include <vector>

namespace forkscope::test {

QImage renderPolyline(std::span<const Point> points, const Viewport &viewport)
{
    const int width = viewport.x.width();
    const int height = viewport.y.height();
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, false);
    QPen pen(Qt::black);
    pen.setWidth(0); // cosmetic 1px; the default square cap draws both ends
    painter.setPen(pen);

    std::vector<QLine> lines;
    bool havePrev = false;
    QPoint prev;
    for (const Point &p : points) {
        if (std::isnan(p.value)) {
            havePrev = false;
            continue;
        }
        const QPoint cur(viewport.x.pixelX(p.step), viewport.y.row(p.value));
        // Segments wholly beyond one image edge cannot touch a pixel; skipping
        // them keeps million-point references fast and changes nothing.
        const bool offImage = havePrev && ((prev.x() < 0 && cur.x() < 0) || (prev.x() >= width && cur.x() >= width) ||
                                           (prev.y() < 0 && cur.y() < 0) || (prev.y() >= height && cur.y() >= height));
        if (havePrev && !offImage)
            lines.emplace_back(prev, cur);
        prev = cur;
        havePrev = true;
        if (lines.size() >= 4096) {
            painter.drawLines(lines.data(), int(lines.size()));
            lines.clear();
        }
    }
    if (!lines.empty())
        painter.drawLines(lines.data(), int(lines.size()));
    painter.end();
    return image;
}

} // namespace forkscope::test
