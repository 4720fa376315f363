#include <QCoreApplication>

#include "cli/cli_app.h"

int main(int argc, char **argv)
{
    // Needed for translations and the application name/version.
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("forkscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FORKSCOPE_VERSION));
    return fs::runCli(QCoreApplication::arguments().mid(1));
}
