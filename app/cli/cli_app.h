#pragma once

#include <QStringList>

namespace forkscope {

// Runs one forkscope-cli invocation (arguments without the program name)
// and returns its exit status: 0 success, 2 bad input, 1 other failures.
int runCli(const QStringList &args);
// The same from main()'s argv: an argument that is not UTF-8 is refused
// (exit 2) before anything runs, as Qt would turn its bytes into U+FFFD.
int runCli(int argc, char **argv);

} // namespace forkscope
