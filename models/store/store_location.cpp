#include "store/store_location.h"

#include <QRegularExpression>

#include "core/error.h"
#include "store/store_text.h"

namespace forkscope {
namespace {

// RFC 3986 scheme, then "://". A Windows path ("C:\runs") has no "//".
const QRegularExpression &urlPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
    return pattern;
}

// libpq also takes the password as a query parameter: "?password=...".
QString maskQueryPassword(QString location)
{
    static const QRegularExpression parameter(QStringLiteral("([?&]password=)[^&#]*"),
                                              QRegularExpression::CaseInsensitiveOption);
    return location.replace(parameter, QStringLiteral("\\1***"));
}

} // namespace

StoreLocationKind storeLocationKind(const QString &location)
{
    const QRegularExpressionMatch url = urlPattern().match(location);
    if (!url.hasMatch())
        return StoreLocationKind::File;
    const QString scheme = url.captured(1).toLower();
    if (scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres"))
        return StoreLocationKind::PostgreSql;
    throw Error(Error::Kind::BadInput,
                StoreText::tr("the store '%1' is a '%2://' URL; expected the path of a store file, or a "
                              "postgresql://[user[:password]@]host[:port]/database URL")
                    .arg(displayedStoreLocation(location), url.captured(1)));
}

void requireStoreFile(const QString &location)
{
    if (storeLocationKind(location) == StoreLocationKind::PostgreSql)
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("the store '%1' is a PostgreSQL server, which this version of Forkscope cannot "
                                  "open yet; expected the path of a store file")
                        .arg(displayedStoreLocation(location)));
}

QString displayedStoreLocation(const QString &location)
{
    const QRegularExpressionMatch url = urlPattern().match(location);
    if (!url.hasMatch())
        return location;
    // The authority ends at the first '/', '?' or '#'; its userinfo at the
    // last '@' before that (a password may itself hold '@' or ':').
    const qsizetype start = url.capturedEnd(0);
    qsizetype end = location.size();
    for (const QChar stop : {QLatin1Char('/'), QLatin1Char('?'), QLatin1Char('#')}) {
        const qsizetype at = location.indexOf(stop, start);
        if (at >= 0 && at < end)
            end = at;
    }
    const qsizetype at = location.lastIndexOf(QLatin1Char('@'), end - 1);
    if (at < start)
        return maskQueryPassword(location);
    const qsizetype colon = location.indexOf(QLatin1Char(':'), start);
    if (colon < 0 || colon > at)
        return maskQueryPassword(location);
    return maskQueryPassword(location.left(colon + 1) + QLatin1String("***") + location.mid(at));
}

} // namespace forkscope
