#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

namespace forkscope {

class CliContext;

struct OptionSpec {
    QString name;      // without "--"
    QString valueName; // empty for a flag
    QString description;
    bool repeatable = false;
};

// One sub-command: its grammar, its help text and what it does.
struct CommandSpec {
    QString name;
    QString summary;                 // one line for the command list
    QStringList positionals;         // e.g. {"RUN", "NAME"}; "[RUN]" is optional, "[ARGS...]" takes the rest
    std::vector<OptionSpec> options; // besides the global ones
    QString details;                 // extra help paragraphs
    std::function<int(CliContext &)> run;

    QString usage() const;
    QString help() const;
    const OptionSpec *option(const QString &name) const;
};

// What the user asked for, after checking it against the CommandSpec.
struct ParsedCommand {
    const CommandSpec *command = nullptr;
    QStringList positionals;
    QMap<QString, QStringList> values; // option -> values (flags hold one empty string)
    bool help = false;
    bool version = false;

    bool isSet(const QString &option) const { return values.contains(option); }
    QString value(const QString &option) const { return values.value(option).value(0); }
    QStringList all(const QString &option) const { return values.value(option); }
};

// Options every command takes.
const std::vector<OptionSpec> &globalOptions();

// Parses argv (without the program name). Throws forkscope::Error(BadInput) naming
// the offending word and what is expected.
ParsedCommand parseCommandLine(const QStringList &args, const std::vector<CommandSpec> &commands);

// The general help: usage and the list of commands.
QString generalHelp(const std::vector<CommandSpec> &commands);

} // namespace forkscope
