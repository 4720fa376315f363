#pragma once

#include <vector>

#include "cli/command_line.h"

namespace forkscope {

// Every sub-command, in the order `--help` lists them.
const std::vector<CommandSpec> &allCommands();

// One factory per command; each command group lives in its own file.
CommandSpec projectsCommand();
CommandSpec runsCommand();
CommandSpec showCommand();
CommandSpec initCommand();
CommandSpec logCommand();
CommandSpec finishCommand();
CommandSpec forkCommand();
CommandSpec lineageCommand();
CommandSpec rewindCommand();
CommandSpec launchCommand();
CommandSpec historyCommand();
CommandSpec renameCommand();
CommandSpec deleteCommand();
CommandSpec importCommand();
CommandSpec demoCommand();
CommandSpec checkCommand();
CommandSpec compactCommand();
CommandSpec logsCommand();
CommandSpec checkpointCommand();
CommandSpec checkpointsCommand();

// Options several commands share.
OptionSpec projectOption(const QString &description);
OptionSpec entityOption();
OptionSpec jsonOption(const QString &description);
// The paragraph explaining how RUN may be written.
QString runArgumentHelp();

} // namespace forkscope
