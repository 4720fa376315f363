#include <QCoreApplication>

#include "cli/cli_app.h"
#include "shared/translations_loader.h"

int main(int argc, char **argv)
{
    // Needed for translations and the application name/version.
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("forkscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FORKSCOPE_VERSION));
    // Messages in the system's language (LANG=ja_JP.UTF-8: Japanese); the
    // output's numbers and dates are not localized.
    forkscope::applyLanguage(QString(), /*setDefaultLocale=*/false);
    return forkscope::runCli(argc, argv);
}
