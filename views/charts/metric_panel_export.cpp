// MetricPanel: what it draws as an image, an SVG drawing or a CSV file.
#include "views/charts/metric_panel.h"

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPainter>
#include <QRegularExpression>
#include <QSaveFile>
#include <cmath>

#include "views/charts/chart_curves.h"
#include "views/charts/chart_export.h"
#include "views/charts/metric_chart_view.h"
#include "views/charts/time_axis_labels.h"

namespace forkscope {

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(bytes);
    return file.commit();
}

} // namespace

QImage MetricPanel::renderImage() const
{
    QImage image(view_->size() * view_->devicePixelRatio(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(view_->devicePixelRatio());
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    view_->render(&painter);
    return image;
}

ChartPicture MetricPanel::picture() const
{
    ChartPicture pic;
    const CurveView v = curvesItem_->view();
    const QRectF plot = v.plot;
    const double left = 64, top = 28;
    pic.size = QSizeF(plot.width() + left + 16, plot.height() + top + 28);
    pic.title = metric_;
    pic.view = v;
    pic.view.plot = QRectF(left, top, plot.width(), plot.height());
    pic.curves = curvesItem_->curves();
    pic.smoothing = curvesItem_->smoothing();
    const PlotMapper map(pic.view);
    const double xSpan = double(v.x.hi - v.x.lo);
    const double xStep = xAxis_ == XAxis::Step ? std::max(1.0, niceInterval(xSpan, 5)) : niceTimeIntervalMs(xSpan, 5);
    for (double x = std::ceil(double(v.x.lo) / xStep) * xStep; x <= double(v.x.hi); x += xStep)
        pic.xTicks.push_back(
            {map.x(qint64(x)), xAxis_ == XAxis::Step ? QString::number(qint64(x)) : timeTickLabel(x, xAxis_, xStep)});
    if (v.logY) {
        for (double e = std::ceil(std::log10(v.yLo)); e <= std::floor(std::log10(v.yHi)); ++e) {
            if (const auto y = map.y(std::pow(10.0, e)))
                pic.yTicks.push_back({*y, QString::number(std::pow(10.0, e), 'g', 3)});
        }
    } else {
        const double yStep = niceInterval(v.yHi - v.yLo, 4);
        for (double y = std::ceil(v.yLo / yStep) * yStep; y <= v.yHi; y += yStep) {
            if (const auto row = map.y(y))
                pic.yTicks.push_back({*row, QString::number(std::abs(y) < yStep * 1e-9 ? 0.0 : y, 'g', 4)});
        }
    }
    return pic;
}

bool MetricPanel::exportPng(const QString &path) const
{
    return renderImage().save(path, "PNG");
}

bool MetricPanel::exportSvg(const QString &path) const
{
    return writeFile(path, chartToSvg(picture()));
}

bool MetricPanel::exportCsv(const QString &path) const
{
    std::vector<PanelRun> runs;
    for (const Curve &c : curves_)
        runs.push_back(c.run);
    return writeFile(path, chartToCsv(metric_, runs, data_));
}

void MetricPanel::exportDialog()
{
    QString safe = metric_;
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export chart"), safe + QStringLiteral(".png"),
        tr("PNG image (*.png);;SVG drawing (*.svg);;CSV of the drawn points (*.csv)"), &filter);
    if (path.isEmpty())
        return;
    bool ok = false;
    if (path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive))
        ok = exportSvg(path);
    else if (path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive))
        ok = exportCsv(path);
    else
        ok = exportPng(path);
    if (!ok)
        QMessageBox::warning(this, tr("Export chart"), tr("Could not write %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace forkscope
