#pragma once

#include <QString>
#include <QStringList>

namespace forkscope {

// Splits a command typed as one line into its arguments the way a POSIX
// shell reads words, without running one: blanks separate arguments, '...'
// keeps everything inside literally, "..." keeps everything but \" \\ \$ \`
// (which lose their backslash), and a backslash outside quotes keeps the next
// character. Nothing else is special: $HOME, ;, |, >, * and ~ stay as typed,
// since no shell ever sees them. Throws BadInput for an unclosed quote, a
// trailing backslash, or a command with no arguments.
QStringList splitCommand(const QString &text);

// The arguments as one line that splitCommand() reads back to the same
// list: plain arguments as they are, others in single quotes.
QString joinCommand(const QStringList &arguments);

} // namespace forkscope
