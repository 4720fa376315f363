#include "launch/launch_command.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "core/error.h"
#include "launch/command_split.h"
#include "launch/launch_text.h"

namespace forkscope {

namespace {

QString textAt(const Json &metadata, const char *key)
{
    const auto it = metadata.find(key);
    return it != metadata.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

} // namespace

std::optional<LaunchCommand> recordedCommand(const Json &metadata)
{
    if (!metadata.is_object())
        return std::nullopt;
    const QString program = textAt(metadata, "program");
    if (program.isEmpty())
        return std::nullopt;
    LaunchCommand command;
    command.workingFolder = textAt(metadata, "root");
    const QString executable = textAt(metadata, "executable");
    // A binary records itself as both; a script names its interpreter.
    const bool sameFile = executable == program || QFileInfo(executable).fileName() == program ||
                          (QFileInfo(program).isAbsolute() && QFileInfo(program) == QFileInfo(executable));
    if (!executable.isEmpty() && !sameFile)
        command.arguments << executable;
    command.arguments << program;
    if (const auto args = metadata.find("args"); args != metadata.end()) {
        if (args->is_array()) {
            for (const Json &a : *args)
                command.arguments << (a.is_string() ? QString::fromStdString(a.get<std::string>())
                                                    : QString::fromStdString(a.dump()));
        } else if (args->is_string() && !QString::fromStdString(args->get<std::string>()).trimmed().isEmpty()) {
            try {
                command.arguments << splitCommand(QString::fromStdString(args->get<std::string>()));
            } catch (const Error &) {
                // Text that does not split (an unclosed quote) is one argument.
                command.arguments << QString::fromStdString(args->get<std::string>());
            }
        }
    }
    return command;
}

QString launchCommandProblem(const LaunchCommand &command)
{
    if (command.arguments.isEmpty() || command.arguments.first().isEmpty())
        return LaunchText::tr("there is no program to start; expected a command such as \"python3 train.py\"");
    const QString program = command.arguments.first();
    if (!command.workingFolder.isEmpty() && !QFileInfo(command.workingFolder).isDir())
        return LaunchText::tr("the working folder '%1' is not a folder; expected the folder to start '%2' in")
            .arg(command.workingFolder, program);
    if (!program.contains(QLatin1Char('/'))) {
        if (QStandardPaths::findExecutable(program).isEmpty())
            return LaunchText::tr("there is no program '%1' on PATH; expected an installed program or a path to one")
                .arg(program);
        return {};
    }
    const QDir base(command.workingFolder.isEmpty() ? QDir::currentPath() : command.workingFolder);
    const QFileInfo file(base.absoluteFilePath(program));
    if (!file.exists())
        return LaunchText::tr("there is no program '%1' (looked for %2)").arg(program, file.absoluteFilePath());
    if (!file.isFile() || !file.isExecutable())
        return LaunchText::tr("'%1' cannot be started: it is not an executable file; expected a program, or its "
                              "interpreter before it (e.g. python3 %1)")
            .arg(program);
    return {};
}

} // namespace forkscope
