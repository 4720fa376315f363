#include "cli/text_table.h"

#include <algorithm>

namespace fs {

QString TextTable::toString() const
{
    std::vector<qsizetype> widths(size_t(header_.size()), 0);
    const auto measure = [&](const QStringList &cells) {
        for (qsizetype c = 0; c < cells.size() && c < header_.size(); ++c)
            widths[size_t(c)] = std::max(widths[size_t(c)], cells[c].size());
    };
    measure(header_);
    for (const auto &r : rows_)
        measure(r);
    const auto line = [&](const QStringList &cells) {
        QString out;
        for (qsizetype c = 0; c < header_.size(); ++c) {
            const QString cell = cells.value(c);
            const bool last = c + 1 == header_.size();
            const bool right = std::find(right_.begin(), right_.end(), int(c)) != right_.end();
            if (right)
                out += cell.rightJustified(widths[size_t(c)]);
            else
                out += last ? cell : cell.leftJustified(widths[size_t(c)]);
            if (!last)
                out += QStringLiteral("  ");
        }
        while (out.endsWith(QLatin1Char(' ')))
            out.chop(1);
        return out + QLatin1Char('\n');
    };
    QString out = line(header_);
    for (const auto &r : rows_)
        out += line(r);
    return out;
}

} // namespace fs
