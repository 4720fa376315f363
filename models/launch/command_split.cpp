#include "launch/command_split.h"

#include <algorithm>

#include "core/error.h"
#include "launch/launch_text.h"

namespace forkscope {

namespace {

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

// Characters that never need quoting in joinCommand().
bool isPlain(QChar c)
{
    return c.isLetterOrNumber() || QStringLiteral("-_./=:,+@%").contains(c);
}

} // namespace

QStringList splitCommand(const QString &text)
{
    QStringList arguments;
    QString word;
    bool inWord = false;
    enum class Quote { None, Single, Double } quote = Quote::None;
    qsizetype quoteStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (quote) {
        case Quote::Single:
            if (c == QLatin1Char('\''))
                quote = Quote::None;
            else
                word += c;
            continue;
        case Quote::Double:
            if (c == QLatin1Char('"')) {
                quote = Quote::None;
            } else if (c == QLatin1Char('\\') && i + 1 < text.size() &&
                       QStringLiteral("\"\\$`").contains(text.at(i + 1))) {
                word += text.at(++i);
            } else {
                word += c;
            }
            continue;
        case Quote::None: break;
        }
        if (isBlank(c)) {
            if (inWord)
                arguments << word;
            word.clear();
            inWord = false;
            continue;
        }
        inWord = true;
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c == QLatin1Char('\'') ? Quote::Single : Quote::Double;
            quoteStart = i;
        } else if (c == QLatin1Char('\\')) {
            if (i + 1 == text.size())
                throw Error(Error::Kind::BadInput,
                            LaunchText::tr("the command '%1' ends in a backslash; expected a character after it, or "
                                           "quote the backslash ('\\')")
                                .arg(text));
            word += text.at(++i);
        } else {
            word += c;
        }
    }
    if (quote != Quote::None)
        throw Error(Error::Kind::BadInput,
                    LaunchText::tr("the command '%1' has a quote at character %2 that is never closed; expected a "
                                   "matching %3")
                        .arg(text)
                        .arg(quoteStart + 1)
                        .arg(quote == Quote::Single ? QStringLiteral("'") : QStringLiteral("\"")));
    if (inWord)
        arguments << word;
    if (arguments.isEmpty())
        throw Error(Error::Kind::BadInput,
                    LaunchText::tr("the command is empty; expected a program and its arguments, e.g. "
                                   "\"python3 train.py --epochs 3\""));
    return arguments;
}

QString joinCommand(const QStringList &arguments)
{
    QStringList quoted;
    for (const QString &a : arguments) {
        if (!a.isEmpty() && std::all_of(a.begin(), a.end(), isPlain)) {
            quoted << a;
        } else {
            QString q = a;
            q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
            quoted << QLatin1Char('\'') + q + QLatin1Char('\'');
        }
    }
    return quoted.join(QLatin1Char(' '));
}

} // namespace forkscope
