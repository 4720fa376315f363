#include "views/charts/chart_export.h"

#include <cmath>

namespace forkscope {

namespace {

QString num(double v)
{
    return QString::number(v, 'f', 2);
}

QString xml(const QString &text)
{
    return text.toHtmlEscaped();
}

class SvgSink : public CurveSink {
public:
    explicit SvgSink(QString &out) : out_(out) {}
    void polyline(const QPolygonF &points, const QColor &color, double width, Stroke stroke) override
    {
        if (points.isEmpty())
            return;
        QString d;
        d.reserve(points.size() * 16);
        for (const QPointF &p : points)
            d += num(p.x()) + QLatin1Char(',') + num(p.y()) + QLatin1Char(' ');
        if (points.size() == 1)
            d += num(points.front().x() + 0.01) + QLatin1Char(',') + num(points.front().y());
        out_ += QStringLiteral("<polyline fill=\"none\" stroke=\"%1\" stroke-opacity=\"%2\" stroke-width=\"%3\"%4 "
                               "points=\"%5\"/>\n")
                    .arg(color.name(QColor::HexRgb), num(color.alphaF()), num(width),
                         stroke == Stroke::Dashed ? QStringLiteral(" stroke-dasharray=\"5,3\"") : QString(), d);
    }
    void rects(const std::vector<QRectF> &rects, const QColor &fill) override
    {
        if (rects.empty())
            return;
        QString d;
        for (const QRectF &r : rects)
            d += QStringLiteral("M%1 %2h%3v%4h-%3z").arg(num(r.left()), num(r.top()), num(r.width()), num(r.height()));
        out_ += QStringLiteral("<path fill=\"%1\" fill-opacity=\"%2\" d=\"%3\"/>\n")
                    .arg(fill.name(QColor::HexRgb), num(fill.alphaF()), d);
    }

private:
    QString &out_;
};

QString csvField(QString text)
{
    // Spreadsheets run cells that start like a formula; run names are untrusted.
    if (!text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.front()))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n')) ||
        text.contains(QLatin1Char('\r')))
        return QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return text;
}

QString csvNumber(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return QString::number(v, 'g', 17);
}

} // namespace

QByteArray chartToSvg(const ChartPicture &pic)
{
    QString out;
    const QRectF plot = pic.view.plot;
    out += QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%1\" height=\"%2\" "
                          "viewBox=\"0 0 %1 %2\" font-family=\"sans-serif\" font-size=\"11\">\n")
               .arg(num(pic.size.width()), num(pic.size.height()));
    out += QStringLiteral("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    out += QStringLiteral("<text x=\"%1\" y=\"16\" font-weight=\"bold\" font-size=\"13\" fill=\"#202124\">%2</text>\n")
               .arg(num(plot.left()), xml(pic.title));
    for (const ChartTick &t : pic.xTicks) {
        out += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#e8eaed\"/>\n")
                   .arg(num(t.pos), num(plot.top()), num(plot.bottom()));
        out += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" fill=\"#5f6368\">%3</text>\n")
                   .arg(num(t.pos), num(plot.bottom() + 14), xml(t.label));
    }
    for (const ChartTick &t : pic.yTicks) {
        out += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#e8eaed\"/>\n")
                   .arg(num(plot.left()), num(t.pos), num(plot.right()));
        out += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\" fill=\"#5f6368\">%3</text>\n")
                   .arg(num(plot.left() - 4), num(t.pos + 4), xml(t.label));
    }
    out += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"none\" stroke=\"#dadce0\"/>\n")
               .arg(num(plot.left()), num(plot.top()), num(plot.width()), num(plot.height()));
    out += QStringLiteral(
               "<defs><clipPath id=\"plot\"><rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\"/></clipPath></defs>\n"
               "<g clip-path=\"url(#plot)\">\n")
               .arg(num(plot.left()), num(plot.top()), num(plot.width()), num(plot.height()));
    SvgSink sink(out);
    drawCurves(sink, pic.view, pic.curves, pic.smoothing);
    out += QStringLiteral("</g>\n</svg>\n");
    return out.toUtf8();
}

QByteArray chartToCsv(const QString &metric, const std::vector<PanelRun> &runs, const PanelData &data)
{
    // Time axes add each point's time (seconds: _runtime, or Unix time).
    const bool timed = data.xAxis != XAxis::Step;
    QString out = timed ? QStringLiteral("run_id,run_name,metric,part,line,step,%1,value\n").arg(timeKeyOf(data.xAxis))
                        : QStringLiteral("run_id,run_name,metric,part,line,step,value\n");
    const QString key = csvField(metric);
    for (const RunSeries &s : data.series) {
        const auto run = std::find_if(runs.begin(), runs.end(), [&](const PanelRun &r) { return r.key == s.runKey; });
        if (run == runs.end())
            continue;
        const QString prefix = csvField(run->runId) + QLatin1Char(',') + csvField(run->name) + QLatin1Char(',') + key;
        auto at = [&](qint64 step) {
            return QString::number(step) + QLatin1Char(',') +
                   (timed ? csvNumber(s.time.secondsAt(step)) + QLatin1Char(',') : QString());
        };
        auto put = [&](const PointVector &points, const QString &part, const QString &line, size_t from) {
            for (size_t i = from; i < points.size(); ++i)
                out += prefix + QLatin1Char(',') + part + QLatin1Char(',') + line + QLatin1Char(',') +
                       at(points[i].step) + csvNumber(points[i].value) + QLatin1Char('\n');
        };
        // The own line repeats the last inherited point to join the lines;
        // the CSV lists each drawn point once.
        put(s.inherited, QStringLiteral("inherited"), QStringLiteral("raw"), 0);
        put(s.own, QStringLiteral("own"), QStringLiteral("raw"), s.inherited.empty() ? 0 : 1);
        put(s.smoothedInherited, QStringLiteral("inherited"), QStringLiteral("smoothed"), 0);
        put(s.smoothedOwn, QStringLiteral("own"), QStringLiteral("smoothed"), s.smoothedInherited.empty() ? 0 : 1);
        for (const EnvelopeColumn &e : s.envelope) {
            const QString part =
                s.forkPoint && e.lastStep <= s.forkPoint->step ? QStringLiteral("inherited") : QStringLiteral("own");
            out += prefix + QLatin1Char(',') + part + QStringLiteral(",envelope_min,") + at(e.firstStep) +
                   csvNumber(e.lo) + QLatin1Char('\n');
            out += prefix + QLatin1Char(',') + part + QStringLiteral(",envelope_max,") + at(e.firstStep) +
                   csvNumber(e.hi) + QLatin1Char('\n');
        }
    }
    return out.toUtf8();
}

} // namespace forkscope
