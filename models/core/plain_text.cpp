#include "core/plain_text.h"

#include <QCoreApplication>

namespace forkscope {

namespace {

bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

} // namespace

QString escapeControls(const QString &text, bool keepNewlines)
{
    QString out;
    out.reserve(text.size());
    for (const char32_t c : text.toUcs4()) {
        const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
        if (!control && !isBidiControl(c)) {
            out += QString::fromUcs4(&c, 1);
            continue;
        }
        switch (c) {
        case U'\n': out += keepNewlines ? QStringLiteral("\n") : QStringLiteral("\\n"); break;
        case U'\t': out += QStringLiteral("\\t"); break;
        case U'\r': out += QStringLiteral("\\r"); break;
        default:
            out += c <= 0xFF ? QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'))
                             : QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
        }
    }
    return out;
}

std::optional<std::size_t> invalidUtf8Offset(std::string_view bytes)
{
    std::size_t i = 0;
    const std::size_t n = bytes.size();
    while (i < n) {
        const unsigned char b = static_cast<unsigned char>(bytes[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        char32_t c = 0, min = 0;
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2, c = b & 0x1F, min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3, c = b & 0x0F, min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4, c = b & 0x07, min = 0x10000;
        } else {
            return i;
        }
        if (n - i < length)
            return i;
        for (std::size_t k = 1; k < length; ++k) {
            const unsigned char cont = static_cast<unsigned char>(bytes[i + k]);
            if ((cont & 0xC0) != 0x80)
                return i;
            c = (c << 6) | (cont & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return i;
        i += length;
    }
    return std::nullopt;
}

QString invalidTextProblem(const QString &what, const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate())
            return QCoreApplication::translate("forkscope::Text",
                                               "%1 '%2' holds a lone UTF-16 surrogate at character %3; expected "
                                               "valid Unicode text")
                .arg(what, escapeControls(text.left(i)))
                .arg(i + 1);
        if (c == QChar::ReplacementCharacter)
            return QCoreApplication::translate("forkscope::Text",
                                               "%1 '%2' holds U+FFFD at character %3, the mark of bytes that are not "
                                               "valid UTF-8; expected UTF-8 text")
                .arg(what, escapeControls(text))
                .arg(i + 1);
    }
    return {};
}

} // namespace forkscope
