#pragma once

#include "cli/command_line.h"
#include "launch/launch_command.h"
#include "store/run_info.h"

namespace forkscope {

class CliContext;

// What `fork --launch` starts: --command split into arguments (no shell),
// else the command the source recorded. Throws BadInput when there is none.
LaunchCommand forkLaunchCommand(const ParsedCommand &args, const RunInfo &source);

// Starts `command` attached to `run`, mirrors its output to ours while it is
// kept in the run's console, passes SIGINT and SIGTERM on to it, and waits.
// Returns the process's exit code (128 + N for a signal N, 127 when it could
// not be started); with --json prints the run's identity last. `intro` is
// said first (on stderr), followed by the command; `fork --launch` and
// `launch` share this.
int runAttached(CliContext &ctx, const RunInfo &run, const LaunchCommand &command, const QString &intro);

} // namespace forkscope
