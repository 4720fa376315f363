#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>
#include <cstdio>
#include <memory>
#include <string_view>

#include "core/error.h"
#include "shared/translations_loader.h"
#include "store/store.h"
#include "store/store_location.h"
#include "views/main_window.h"
#include "views/store_window_host.h"

namespace {

// --screenshot: wait until everything shown has loaded, then save the window.
void scheduleScreenshot(forkscope::MainWindow &window, const QString &file)
{
    auto *timer = new QTimer(&window);
    timer->setInterval(150);
    auto settledTicks = std::make_shared<int>(0);
    auto elapsed = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, &window, [&window, timer, file, settledTicks, elapsed] {
        *elapsed += timer->interval();
        *settledTicks = window.isSettled() ? *settledTicks + 1 : 0;
        const bool timedOut = *elapsed > 60000;
        if (*settledTicks < 4 && !timedOut)
            return;
        timer->stop();
        const bool saved = window.grab().save(file, "PNG");
        if (!saved)
            std::fprintf(stderr, "forkscope: cannot write the screenshot to %s\n", qPrintable(file));
        if (timedOut)
            std::fprintf(stderr, "forkscope: the data did not finish loading within 60 s\n");
        QCoreApplication::exit(saved && !timedOut ? 0 : 1);
    });
    timer->start();
}

// --lang is needed before the other options' descriptions are translated,
// so it is read ahead of QCommandLineParser (which checks it again).
QString languageArgument(const QStringList &args, bool *given)
{
    *given = false;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--"))
            break;
        if (a == QLatin1String("--lang") || a == QLatin1String("-lang")) {
            *given = true;
            return i + 1 < args.size() ? args[i + 1] : QString();
        }
        if (a.startsWith(QLatin1String("--lang="))) {
            *given = true;
            return a.mid(7);
        }
    }
    return {};
}

const char kLanguageKey[] = "ui/language";

// --version and --help print and exit: no display needed for them.
bool wantsTextOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view a(argv[i]);
        if (a == "--")
            break;
        if (a == "--version" || a == "-v" || a == "--help" || a == "-h" || a == "--help-all" || a == "-?")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    std::unique_ptr<QCoreApplication> application;
    if (wantsTextOnly(argc, argv))
        application = std::make_unique<QCoreApplication>(argc, argv);
    else
        application = std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Forkscope"));
    QCoreApplication::setApplicationName(QStringLiteral("forkscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    if (qobject_cast<QApplication *>(&app)) {
        QGuiApplication::setApplicationDisplayName(QStringLiteral("Forkscope"));
        QGuiApplication::setDesktopFileName(QStringLiteral("io.github.forkscope.Forkscope"));
    }

    // The language: --lang, else Settings → Language, else the system's.
    bool langGiven = false;
    const QString langArg = languageArgument(QCoreApplication::arguments(), &langGiven);
    bool langOk = true;
    const QString lang = forkscope::normalizeLanguage(langArg, &langOk);
    if (langGiven && (!langOk || lang.isEmpty())) {
        forkscope::applyLanguage(QString());
        std::fprintf(
            stderr, "%s\n",
            qPrintable(
                QCoreApplication::translate("main", "forkscope: --lang takes 'en' or 'ja', not '%1'").arg(langArg)));
        return 2;
    }
    const bool screenshotMode = QCoreApplication::arguments().contains(QStringLiteral("--screenshot")) ||
                                !QCoreApplication::arguments().filter(QStringLiteral("--screenshot=")).isEmpty();
    const QString savedChoice = forkscope::normalizeLanguage(QSettings().value(QLatin1String(kLanguageKey)).toString());
    forkscope::applyLanguage(langGiven ? lang : screenshotMode ? QString() : savedChoice);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Browse training runs and fork them."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption storeOption(
        QStringLiteral("store"),
        QCoreApplication::translate("main", "The store file (default: $FORKSCOPE_STORE, else %1).")
            .arg(forkscope::defaultStorePath()),
        QStringLiteral("PATH"));
    const QCommandLineOption selectOption(
        QStringLiteral("select"),
        QCoreApplication::translate("main",
                                    "Open this run: a run ID, a run path entity/project/id, or an immutable ID."),
        QStringLiteral("RUN"));
    const QCommandLineOption tabOption(
        QStringLiteral("tab"), QCoreApplication::translate("main", "The tab to show: overview, charts or lineage."),
        QStringLiteral("TAB"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("main", "The language of the interface: en or ja (default: the language chosen "
                                            "in Settings, else the system's)."),
        QStringLiteral("LANG"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save the window as a PNG once the data has loaded, then exit."),
        QStringLiteral("FILE"));
    parser.addOptions({storeOption, selectOption, tabOption, langOption, screenshotOption});
    parser.process(app);

    forkscope::MainWindow::Options options;
    options.storePath = parser.isSet(storeOption) ? parser.value(storeOption) : forkscope::defaultStorePath();
    try {
        forkscope::requireStoreFile(options.storePath);
    } catch (const forkscope::Error &e) {
        std::fprintf(stderr, "forkscope: %s\n", e.what());
        return 2;
    }
    options.select = parser.value(selectOption);
    if (parser.isSet(tabOption)) {
        if (const auto tab = forkscope::RunPage::tabNamed(parser.value(tabOption))) {
            options.tab = *tab;
        } else {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate(
                                        "main", "forkscope: --tab takes 'overview', 'charts' or 'lineage', not '%1'")
                                        .arg(parser.value(tabOption))));
            return 2;
        }
    }
    const QString screenshot = parser.value(screenshotOption);
    // A screenshot shows a fresh window, not the last session's layout.
    options.useSettings = screenshot.isEmpty();

    forkscope::StoreWindowHost host(options);
    forkscope::MainWindow &window = *host.window();
    window.setLanguageChoice(langGiven ? lang : savedChoice);
    QObject::connect(&host, &forkscope::StoreWindowHost::languageChosen, &host, [&options](const QString &code) {
        forkscope::applyLanguage(code);
        if (options.useSettings)
            QSettings().setValue(QLatin1String(kLanguageKey), code);
    });
    if (!screenshot.isEmpty())
        window.resize(1600, 1000);
    window.show();
    if (!screenshot.isEmpty())
        scheduleScreenshot(window, screenshot);
    return QApplication::exec();
}
