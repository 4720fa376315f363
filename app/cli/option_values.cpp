#include "cli/option_values.h"

#include "cli/cli_tr.h"
#include "core/error.h"
#include "core/json_limits.h"

namespace forkscope {

Json parseJsonObjectOption(const QString &option, const QString &text)
{
    const Json value = parseJson(text.toStdString(), QStringLiteral("--") + option);
    if (!value.is_object())
        throw Error(Error::Kind::BadInput,
                    Cli::tr("--%1 must be a JSON object such as '{\"lr\": 0.001}', got '%2'").arg(option, text));
    return value;
}

Json parseAssignments(const QString &option, const QStringList &pairs)
{
    Json out = Json::object();
    for (const QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0)
            throw Error(Error::Kind::BadInput,
                        Cli::tr("--%1 '%2' is not KEY=JSON; expected e.g. --%1 lr=0.001 or --%1 'optimizer=\"adam\"'")
                            .arg(option, pair));
        const QString key = pair.left(eq);
        const std::string value = pair.mid(eq + 1).toStdString();
        if (const QString problem = jsonTextProblem(value); !problem.isEmpty())
            throw Error(Error::Kind::BadInput,
                        Cli::tr("--%1 %2=...: the value is refused (%3)").arg(option, key, problem));
        try {
            out[toStd(key)] = parseJson(value, key);
        } catch (const Error &) {
            throw Error(Error::Kind::BadInput,
                        Cli::tr("--%1 '%2': the value is not JSON; expected e.g. %3=0.001, %3=true or "
                                "%3='\"text\"' (strings in double quotes)")
                            .arg(option, pair, key));
        }
    }
    return out;
}

int parseIntOption(const QString &option, const QString &text)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok)
        throw Error(Error::Kind::BadInput,
                    Cli::tr("--%1 '%2' is not a whole number; expected e.g. --%1 0").arg(option, text));
    return value;
}

QStringList parseListOption(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

} // namespace forkscope
