#include "identity/run_path.h"

#include <QStringList>

namespace forkscope {

std::optional<RunPath> RunPath::parse(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    if (parts.size() != 3)
        return std::nullopt;
    for (const auto &p : parts) {
        if (p.isEmpty())
            return std::nullopt;
    }
    return RunPath{parts[0], parts[1], parts[2]};
}

QString defaultEntity()
{
    return QStringLiteral("local");
}

} // namespace forkscope
