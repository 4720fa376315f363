#include "views/charts/time_axis_labels.h"

#include <QCoreApplication>
#include <QDateTime>
#include <array>
#include <cmath>

namespace forkscope {

namespace {

// The translation context of this file's messages (lupdate reads it here).
struct TimeAxisText {
    Q_DECLARE_TR_FUNCTIONS(forkscope::TimeAxis)
};

} // namespace

double niceTimeIntervalMs(double spanMs, int ticks)
{
    constexpr double s = 1000, m = 60 * s, h = 60 * m, d = 24 * h;
    static constexpr std::array<double, 17> steps{1 * s,  2 * s,  5 * s,  10 * s, 15 * s, 30 * s, 1 * m, 2 * m, 5 * m,
                                                  10 * m, 15 * m, 30 * m, 1 * h,  2 * h,  3 * h,  6 * h, 12 * h};
    if (!(spanMs > 0) || !std::isfinite(spanMs))
        return s;
    const double raw = spanMs / std::max(ticks, 1);
    for (double step : steps) {
        if (step >= raw)
            return step;
    }
    return std::ceil(raw / d) * d;
}

QString timeTickLabel(double ms, XAxis axis, double intervalMs)
{
    if (axis == XAxis::WallTime) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(std::llround(ms))).toLocalTime();
        if (intervalMs >= 24 * 3600 * 1000.0)
            return at.toString(QStringLiteral("yyyy-MM-dd"));
        return at.toString(intervalMs < 60 * 1000.0 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    }
    const qint64 total = qint64(std::llround(std::abs(ms) / 1000.0));
    const qint64 days = total / 86400, hours = total / 3600 % 24, minutes = total / 60 % 60, seconds = total % 60;
    QString out;
    auto part = [&out](qint64 n, const char *unit) {
        if (!out.isEmpty())
            out += QLatin1Char(' ');
        out += TimeAxisText::tr(unit).arg(n);
    };
    if (days > 0)
        part(days, QT_TRANSLATE_NOOP("forkscope::TimeAxis", "%1d"));
    if (hours > 0)
        part(hours, QT_TRANSLATE_NOOP("forkscope::TimeAxis", "%1h"));
    if (minutes > 0 && days == 0)
        part(minutes, QT_TRANSLATE_NOOP("forkscope::TimeAxis", "%1m"));
    if ((seconds > 0 && total < 3600) || total == 0)
        part(seconds, QT_TRANSLATE_NOOP("forkscope::TimeAxis", "%1s"));
    return ms < 0 ? QLatin1Char('-') + out : out;
}

double niceInterval(double span, int ticks)
{
    if (!(span > 0) || !std::isfinite(span))
        return 1.0;
    const double raw = span / ticks;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / mag;
    const double nice = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
    return nice * mag;
}

} // namespace forkscope
