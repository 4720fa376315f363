#pragma once

#include <QString>
#include <QStringList>
#include <optional>

#include "core/json_qt.h"

namespace forkscope {

// What to start for a run: the program and its arguments (never given to a
// shell) and the folder to start it in.
struct LaunchCommand {
    QStringList arguments; // program first
    QString workingFolder; // empty: the starter's current folder
};

// The command a run recorded in its metadata, as the clients and the W&B
// importer keep it: "program" (the script or binary as started), "args" (a
// list, or one line of text), "executable" (the interpreter, e.g.
// /usr/bin/python3, for a script) and "root" (the folder it ran in). A
// Python run gives [executable, program, args...], a binary [program,
// args...]. Empty when the run recorded no program.
std::optional<LaunchCommand> recordedCommand(const Json &metadata);

// Why `command` cannot be started here, or empty: no program, a working
// folder that is not a folder, a program that is not on PATH or not an
// executable file (a relative path counts from the working folder). For
// checking before a run is created for it; the start itself may still fail.
QString launchCommandProblem(const LaunchCommand &command);

} // namespace forkscope
