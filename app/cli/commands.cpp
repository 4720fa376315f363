#include "cli/commands.h"

#include "cli/cli_tr.h"

namespace forkscope {

const std::vector<CommandSpec> &allCommands()
{
    static const std::vector<CommandSpec> commands = {
        projectsCommand(),   runsCommand(),        showCommand(),   initCommand(),    logCommand(),
        finishCommand(),     forkCommand(),        rewindCommand(), lineageCommand(), historyCommand(),
        renameCommand(),     deleteCommand(),      importCommand(), demoCommand(),    checkCommand(),
        checkpointCommand(), checkpointsCommand(), logsCommand(),   launchCommand(),  compactCommand(),
    };
    return commands;
}

OptionSpec projectOption(const QString &description)
{
    return {QStringLiteral("project"), QStringLiteral("P"), description};
}

OptionSpec entityOption()
{
    return {QStringLiteral("entity"), QStringLiteral("E"),
            Cli::tr("the project's entity (new runs: default 'local'; look-ups: the one entity that has the project)")};
}

OptionSpec jsonOption(const QString &description)
{
    return {QStringLiteral("json"), QString(), description};
}

QString runArgumentHelp()
{
    return Cli::tr("RUN is a run path entity/project/run_id, an immutable ID (fsr:...), or a run ID with --project.");
}

} // namespace forkscope
