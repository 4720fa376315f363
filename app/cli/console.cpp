#include "cli/console.h"

#include <cstdio>
#include <unistd.h>

namespace forkscope {

void writeOut(std::string_view bytes)
{
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
}

void printOut(const QString &text)
{
    writeOut(text.toUtf8().toStdString());
}

void printErr(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stderr);
    std::fflush(stderr);
}

void printJson(const Json &object)
{
    writeOut(dumpJson(object));
    writeOut("\n");
}

bool stderrIsTerminal()
{
    return isatty(STDERR_FILENO) != 0;
}

} // namespace forkscope
