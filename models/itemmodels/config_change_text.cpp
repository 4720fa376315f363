#include "itemmodels/config_change_text.h"

#include <QCoreApplication>
#include <QStringList>

#include "core/plain_text.h"
#include "itemmodels/value_format.h"

namespace forkscope {

namespace {

struct LineageText {
    Q_DECLARE_TR_FUNCTIONS(forkscope::Lineage)
};

QString shown(const Json &value)
{
    return escapeControls(formatJsonValue(value));
}

} // namespace

QString configChangeText(const ConfigChange &change)
{
    const QString key = escapeControls(change.key);
    if (change.added())
        return LineageText::tr("%1: added %2").arg(key, shown(*change.to));
    if (change.removed())
        return LineageText::tr("%1: removed (was %2)").arg(key, shown(*change.from));
    return LineageText::tr("%1: %2 → %3").arg(key, shown(*change.from), shown(*change.to));
}

QString configChangesSummary(const std::vector<ConfigChange> &changes, int shownCount)
{
    if (changes.empty())
        return LineageText::tr("same config");
    QStringList parts;
    for (int i = 0; i < int(changes.size()) && i < shownCount; ++i)
        parts << configChangeText(changes[size_t(i)]);
    const int more = int(changes.size()) - int(parts.size());
    const QString joined = parts.join(QStringLiteral(", "));
    if (more <= 0)
        return joined;
    return LineageText::tr("%1, and %n more", nullptr, more).arg(joined);
}

QString configChangesList(const std::vector<ConfigChange> &changes)
{
    if (changes.empty())
        return LineageText::tr("same config");
    QStringList lines;
    for (const auto &change : changes)
        lines << configChangeText(change);
    return lines.join(QLatin1Char('\n'));
}

} // namespace forkscope
