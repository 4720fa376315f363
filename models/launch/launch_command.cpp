#include "launch/launch_command.h"

#include <QFileInfo>

#include "core/error.h"
#include "launch/command_split.h"

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

} // namespace forkscope
