#include "itemmodels/command_text.h"

#include <algorithm>

#include "itemmodels/value_format.h"

namespace forkscope {

namespace {

bool needsQuotes(const QString &word)
{
    if (word.isEmpty())
        return true;
    return !std::all_of(word.begin(), word.end(), [](QChar c) {
        return (c.unicode() < 128 && c.isLetterOrNumber()) || QStringLiteral("_@%+=:,./-").contains(c);
    });
}

QString quoted(const QString &word)
{
    if (!needsQuotes(word))
        return word;
    QString inner = word;
    inner.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + inner + QLatin1Char('\'');
}

QString textAt(const Json &metadata, const char *key)
{
    auto it = metadata.find(key);
    return it == metadata.end() || it->is_null() ? QString() : formatJsonValue(*it);
}

} // namespace

QString commandLineText(const QStringList &words)
{
    QStringList out;
    for (const QString &w : words)
        out << quoted(w);
    return out.join(QLatin1Char(' '));
}

QString runCommandText(const Json &metadata)
{
    if (!metadata.is_object())
        return {};
    if (const QString command = textAt(metadata, "command"); !command.isEmpty())
        return command;
    const QString program = textAt(metadata, "program");
    auto args = metadata.find("args");
    if (args == metadata.end() || args->is_null())
        return program;
    if (!args->is_array()) {
        const QString text = formatJsonValue(*args);
        return program.isEmpty() || text.isEmpty() ? program + text : program + QLatin1Char(' ') + text;
    }
    QStringList words;
    if (!program.isEmpty())
        words << program;
    for (const Json &a : *args)
        words << (a.is_string() ? QString::fromStdString(a.get<std::string>()) : formatJsonValue(a));
    return commandLineText(words);
}

} // namespace forkscope
