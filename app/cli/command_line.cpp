#include "cli/command_line.h"

#include "cli/cli_tr.h"
#include "core/error.h"

namespace forkscope {

namespace {

[[noreturn]] void usageError(const QString &message)
{
    throw Error(Error::Kind::BadInput, message);
}

QString optionList(const std::vector<OptionSpec> &a, const std::vector<OptionSpec> &b)
{
    QStringList names;
    for (const auto *list : {&a, &b}) {
        for (const auto &o : *list)
            names << QStringLiteral("--") + o.name;
    }
    return names.join(QStringLiteral(", "));
}

QString commandList(const std::vector<CommandSpec> &commands)
{
    QStringList names;
    for (const auto &c : commands)
        names << c.name;
    return names.join(QStringLiteral(", "));
}

const OptionSpec *findOption(const std::vector<OptionSpec> &list, const QString &name)
{
    for (const auto &o : list) {
        if (o.name == name)
            return &o;
    }
    return nullptr;
}

bool isOptionWord(const QString &word)
{
    return word.startsWith(QLatin1String("--")) || (word.startsWith(QLatin1Char('-')) && word.size() > 1);
}

QString formatOptions(const std::vector<OptionSpec> &options)
{
    std::vector<std::pair<QString, QString>> rows;
    qsizetype width = 0;
    for (const auto &o : options) {
        QString left = o.name == QLatin1String("help") ? QStringLiteral("-h, --help") : QStringLiteral("--") + o.name;
        if (!o.valueName.isEmpty())
            left += QLatin1Char(' ') + o.valueName;
        if (o.repeatable)
            left += QStringLiteral("...");
        width = std::max(width, left.size());
        rows.emplace_back(left, o.description);
    }
    QString out;
    for (const auto &[left, text] : rows)
        out += QStringLiteral("  ") + left.leftJustified(width + 2) + text + QLatin1Char('\n');
    return out;
}

} // namespace

const std::vector<OptionSpec> &globalOptions()
{
    static const std::vector<OptionSpec> options = {
        {QStringLiteral("store"), QStringLiteral("PATH"),
         Cli::tr("the store file (default: $FORKSCOPE_STORE, else the per-user data folder)")},
        {QStringLiteral("help"), QString(), Cli::tr("show this help")},
    };
    return options;
}

const OptionSpec *CommandSpec::option(const QString &optionName) const
{
    return findOption(options, optionName);
}

QString CommandSpec::usage() const
{
    QString u = QStringLiteral("forkscope-cli ") + name;
    for (const auto &p : positionals)
        u += QLatin1Char(' ') + p;
    for (const auto &o : options) {
        u += QStringLiteral(" [--") + o.name;
        if (!o.valueName.isEmpty())
            u += QLatin1Char(' ') + o.valueName;
        u += QLatin1Char(']');
        if (o.repeatable)
            u += QStringLiteral("...");
    }
    return u;
}

QString CommandSpec::help() const
{
    QString out = Cli::tr("Usage: %1").arg(usage()) + QStringLiteral("\n\n") + summary + QLatin1Char('\n');
    if (!details.isEmpty())
        out += QLatin1Char('\n') + details + QLatin1Char('\n');
    std::vector<OptionSpec> all = options;
    all.insert(all.end(), globalOptions().begin(), globalOptions().end());
    out += QLatin1Char('\n') + Cli::tr("Options:") + QLatin1Char('\n') + formatOptions(all);
    return out;
}

QString generalHelp(const std::vector<CommandSpec> &commands)
{
    QString out = Cli::tr("Usage: forkscope-cli [--store PATH] COMMAND [options]") + QStringLiteral("\n\n") +
                  Cli::tr("Browse, import, log and fork ML training runs in a Forkscope store.") +
                  QStringLiteral("\n\n") + Cli::tr("Commands:") + QLatin1Char('\n');
    qsizetype width = 0;
    for (const auto &c : commands)
        width = std::max(width, c.name.size());
    for (const auto &c : commands)
        out += QStringLiteral("  ") + c.name.leftJustified(width + 2) + c.summary + QLatin1Char('\n');
    std::vector<OptionSpec> global = globalOptions();
    global.push_back({QStringLiteral("version"), QString(), Cli::tr("show the version")});
    out += QLatin1Char('\n') + Cli::tr("Global options:") + QLatin1Char('\n') + formatOptions(global);
    out += QLatin1Char('\n') +
           Cli::tr("RUN is a run path entity/project/run_id, an immutable ID (fsr:...), or a run ID with "
                   "--project.\nExit status: 0 on success, 2 on bad input, 1 on other failures.\n"
                   "'forkscope-cli COMMAND --help' describes one command.") +
           QLatin1Char('\n');
    return out;
}

ParsedCommand parseCommandLine(const QStringList &args, const std::vector<CommandSpec> &commands)
{
    ParsedCommand parsed;
    QStringList words;
    bool optionsEnded = false;

    const auto take = [&](const OptionSpec &spec, const QString &word, qsizetype &i, const QString &inlineValue,
                          bool hasInline) {
        QString value;
        if (spec.valueName.isEmpty()) {
            if (hasInline)
                usageError(Cli::tr("option '--%1' takes no value, but got '%2'").arg(spec.name, inlineValue));
        } else if (hasInline) {
            value = inlineValue;
        } else if (i + 1 < args.size() && !args[i + 1].startsWith(QLatin1String("--"))) {
            value = args[++i];
        } else {
            usageError(Cli::tr("option '%1' needs a value: %2").arg(word, spec.valueName));
        }
        if (spec.name == QLatin1String("help")) {
            parsed.help = true;
            return;
        }
        if (spec.name == QLatin1String("version")) {
            parsed.version = true;
            return;
        }
        if (parsed.values.contains(spec.name) && !spec.repeatable)
            usageError(Cli::tr("option '--%1' is given twice; expected it once").arg(spec.name));
        parsed.values[spec.name] << value;
    };

    static const OptionSpec versionSpec{QStringLiteral("version"), QString(), QString()};
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &word = args[i];
        if (optionsEnded || !isOptionWord(word)) {
            if (!parsed.command) {
                for (const auto &c : commands) {
                    if (c.name == word)
                        parsed.command = &c;
                }
                if (!parsed.command)
                    usageError(Cli::tr("unknown command '%1'; expected one of: %2").arg(word, commandList(commands)));
            } else {
                parsed.positionals << word;
            }
            continue;
        }
        if (word == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        if (word == QLatin1String("-h")) {
            parsed.help = true;
            continue;
        }
        const qsizetype eq = word.indexOf(QLatin1Char('='));
        const QString name = word.mid(2, eq < 0 ? -1 : eq - 2);
        const QString inlineValue = eq < 0 ? QString() : word.mid(eq + 1);
        const OptionSpec *spec = word.startsWith(QLatin1String("--")) ? findOption(globalOptions(), name) : nullptr;
        if (!spec && parsed.command && word.startsWith(QLatin1String("--")))
            spec = parsed.command->option(name);
        if (!spec && !parsed.command && name == QLatin1String("version"))
            spec = &versionSpec;
        if (!spec) {
            const QString shown = eq < 0 ? word : word.left(eq);
            if (parsed.command)
                usageError(Cli::tr("unknown option '%1' for '%2'; expected one of: %3")
                               .arg(shown, parsed.command->name, optionList(parsed.command->options, globalOptions())));
            usageError(Cli::tr("unknown option '%1' before the command; expected a command (%2) or one of: "
                               "--store, --help, --version")
                           .arg(shown, commandList(commands)));
        }
        take(*spec, word, i, inlineValue, eq >= 0);
    }

    if (parsed.help || parsed.version || !parsed.command)
        return parsed;
    qsizetype required = 0;
    for (const auto &p : parsed.command->positionals)
        required += p.startsWith(QLatin1Char('[')) ? 0 : 1;
    const auto &names = parsed.command->positionals;
    if (parsed.positionals.size() < required)
        usageError(Cli::tr("'%1' needs %2; usage: %3")
                       .arg(parsed.command->name, names.value(parsed.positionals.size()), parsed.command->usage()));
    // A last positional named "[...]" with "..." takes every word left
    // (launch RUN -- PROGRAM [ARGS...]).
    const bool variadic = !names.isEmpty() && names.last().endsWith(QLatin1String("...]"));
    if (!variadic && parsed.positionals.size() > names.size())
        usageError(Cli::tr("unexpected argument '%1' for '%2'; usage: %3")
                       .arg(parsed.positionals.value(names.size()), parsed.command->name, parsed.command->usage()));
    return parsed;
}

} // namespace forkscope
