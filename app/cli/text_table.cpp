#include "cli/text_table.h"

#include "core/plain_text.h"

#include <QStringView>
#include <algorithm>

namespace forkscope {

namespace {

// Terminal columns a code point takes: East Asian wide and fullwidth
// characters take two, combining marks none (Unicode's EastAsianWidth W/F
// ranges, as wcwidth() has them).
int columnsOf(char32_t c)
{
    if (QChar::category(c) == QChar::Mark_NonSpacing || QChar::category(c) == QChar::Mark_Enclosing)
        return 0;
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) ||
                      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
                      (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
                      (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
    return wide ? 2 : 1;
}

} // namespace

qsizetype displayWidth(const QString &text)
{
    qsizetype width = 0;
    for (const char32_t c : text.toUcs4())
        width += columnsOf(c);
    return width;
}

QString padToColumns(const QString &text, qsizetype columns, bool alignRight)
{
    const QString fill(std::max<qsizetype>(0, columns - displayWidth(text)), QLatin1Char(' '));
    return alignRight ? fill + text : text + fill;
}

void TextTable::addRow(QStringList cells)
{
    for (QString &cell : cells)
        cell = escapeControls(cell);
    rows_.push_back(std::move(cells));
}

QString TextTable::toString() const
{
    std::vector<qsizetype> widths(size_t(header_.size()), 0);
    const auto measure = [&](const QStringList &cells) {
        for (qsizetype c = 0; c < cells.size() && c < header_.size(); ++c)
            widths[size_t(c)] = std::max(widths[size_t(c)], displayWidth(cells[c]));
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
            out += last && !right ? cell : padToColumns(cell, widths[size_t(c)], right);
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

} // namespace forkscope
