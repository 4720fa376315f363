#pragma once

#include <QStringList>

namespace fs {

// Runs one forkscope-cli invocation (arguments without the program name)
// and returns its exit status: 0 success, 2 bad input, 1 other failures.
int runCli(const QStringList &args);

} // namespace fs
