#include "itemmodels/value_format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QStringList>
#include <cmath>

namespace forkscope {

QString formatJsonValue(const Json &value)
{
    if (value.is_string())
        return toQ(value.get<std::string>());
    if (value.is_number_integer())
        return QString::number(value.get<qint64>());
    if (value.is_number_unsigned())
        return QString::number(value.get<quint64>());
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (std::isnan(d))
            return QStringLiteral("NaN");
        if (std::isinf(d))
            return d > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
        return QString::number(d, 'g', 6);
    }
    if (value.is_boolean())
        return value.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.is_null())
        return QStringLiteral("null");
    return toQ(dumpJson(value));
}

QVariant jsonSortKey(const Json &value)
{
    if (const auto n = jsonNumber(value))
        return *n;
    return formatJsonValue(value);
}

QString formatDuration(double seconds)
{
    if (!(seconds > 0))
        return QStringLiteral("0s");
    const qint64 s = qint64(seconds + 0.5);
    if (s >= 86400)
        return QCoreApplication::translate("forkscope::Format", "%1d %2h").arg(s / 86400).arg((s % 86400) / 3600);
    if (s >= 3600)
        return QCoreApplication::translate("forkscope::Format", "%1h %2m")
            .arg(s / 3600)
            .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    if (s >= 60)
        return QCoreApplication::translate("forkscope::Format", "%1m %2s")
            .arg(s / 60)
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("forkscope::Format", "%1s").arg(s);
}

QString formatDurationExact(double seconds)
{
    if (seconds < 59.95) // below a minute the tenths are worth showing
        return QCoreApplication::translate("forkscope::Format", "%1 s")
            .arg(QLocale().toString(seconds, 'f', seconds == std::floor(seconds) ? 0 : 1));
    const qint64 s = qint64(std::llround(seconds));
    const auto two = [](qint64 n) { return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0')); };
    if (s < 3600)
        return QCoreApplication::translate("forkscope::Format", "%1 min %2 s").arg(s / 60).arg(two(s % 60));
    if (s < 86400)
        return QCoreApplication::translate("forkscope::Format", "%1 h %2 min %3 s")
            .arg(s / 3600)
            .arg(two(s % 3600 / 60), two(s % 60));
    return QCoreApplication::translate("forkscope::Format", "%1 d %2 h %3 min %4 s")
        .arg(s / 86400)
        .arg(two(s % 86400 / 3600), two(s % 3600 / 60), two(s % 60));
}

QString formatEpochSeconds(double seconds)
{
    constexpr double kYear10000 = 253402300800.0;
    if (!(seconds >= 0 && seconds < kYear10000))
        return {};
    return QDateTime::fromMSecsSinceEpoch(std::llround(seconds * 1000.0))
        .toLocalTime()
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

KeyMeaning keyMeaning(const QString &dottedPath)
{
    if (dottedPath == QLatin1String("_timestamp") || dottedPath == QLatin1String("_wandb.start_time"))
        return KeyMeaning::WallClockSeconds;
    if (dottedPath == QLatin1String("_runtime") || dottedPath == QLatin1String("_wandb.runtime"))
        return KeyMeaning::DurationSeconds;
    return KeyMeaning::Plain;
}

QString formatValueAtKey(const QString &dottedPath, const Json &value, QString *raw)
{
    const KeyMeaning meaning = keyMeaning(dottedPath);
    const auto seconds = meaning == KeyMeaning::Plain ? std::nullopt : jsonNumber(value);
    QString shown;
    if (seconds && std::isfinite(*seconds)) {
        if (meaning == KeyMeaning::WallClockSeconds)
            shown = formatEpochSeconds(*seconds);
        else if (*seconds >= 0)
            shown = formatDurationExact(*seconds);
    }
    if (shown.isEmpty())
        return formatJsonValue(value);
    if (raw)
        *raw = toQ(dumpJson(value));
    return shown;
}

const Json *jsonAtPath(const Json &root, const QString &dottedPath)
{
    const Json *cur = &root;
    // A key may itself contain dots ("train.loss" logged flat), so try the
    // whole path first.
    if (root.is_object()) {
        auto it = root.find(toStd(dottedPath));
        if (it != root.end())
            return &*it;
    }
    for (const QString &part : dottedPath.split(QLatin1Char('.'))) {
        if (!cur->is_object())
            return nullptr;
        auto it = cur->find(toStd(part));
        if (it == cur->end())
            return nullptr;
        cur = &*it;
    }
    return cur;
}

namespace {

void collectKeysUnder(const Json &j, const QString &prefix, int depth, QSet<QString> &out)
{
    if (!j.is_object())
        return;
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (it.key().starts_with('_'))
            continue; // _runtime, _timestamp, _step: bookkeeping, not results
        const QString key = prefix.isEmpty() ? toQ(it.key()) : prefix + QLatin1Char('.') + toQ(it.key());
        if (it.value().is_object() && depth < 2)
            collectKeysUnder(it.value(), key, depth + 1, out);
        else
            out.insert(key);
    }
}

} // namespace

void collectColumnKeys(const Json &j, QSet<QString> &out)
{
    collectKeysUnder(j, {}, 0, out);
}

} // namespace forkscope
