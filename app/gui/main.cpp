#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>
#include <cstdio>

#include "store/store.h"
#include "views/main_window.h"

namespace {

// --screenshot: wait until everything shown has loaded, then save the window.
void scheduleScreenshot(fs::MainWindow &window, const QString &file)
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

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Forkscope"));
    QApplication::setApplicationName(QStringLiteral("forkscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("Forkscope"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.forkscope.Forkscope"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("forkscope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Browse training runs and fork them."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption storeOption(QStringLiteral("store"),
        QCoreApplication::translate("main", "The store file (default: $FORKSCOPE_STORE, else %1).").arg(fs::defaultStorePath()),
        QStringLiteral("PATH"));
    const QCommandLineOption selectOption(QStringLiteral("select"),
        QCoreApplication::translate("main", "Open this run: a run ID, a run path entity/project/id, or an immutable ID."),
        QStringLiteral("RUN"));
    const QCommandLineOption tabOption(QStringLiteral("tab"),
        QCoreApplication::translate("main", "The tab to show: overview or charts."), QStringLiteral("TAB"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save the window as a PNG once the data has loaded, then exit."),
        QStringLiteral("FILE"));
    parser.addOptions({storeOption, selectOption, tabOption, screenshotOption});
    parser.process(app);

    fs::MainWindow::Options options;
    options.storePath = parser.isSet(storeOption) ? parser.value(storeOption) : fs::defaultStorePath();
    options.select = parser.value(selectOption);
    if (parser.isSet(tabOption)) {
        const QString tab = parser.value(tabOption).toLower();
        if (tab == QLatin1String("overview")) {
            options.tab = fs::RunPage::OverviewIndex;
        } else if (tab == QLatin1String("charts")) {
            options.tab = fs::RunPage::ChartsIndex;
        } else {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate("main", "forkscope: --tab takes 'overview' or 'charts', not '%1'")
                                        .arg(parser.value(tabOption))));
            return 2;
        }
    }
    const QString screenshot = parser.value(screenshotOption);
    // A screenshot shows a fresh window, not the last session's layout.
    options.useSettings = screenshot.isEmpty();

    fs::MainWindow window(options);
    if (!screenshot.isEmpty())
        window.resize(1600, 1000);
    window.show();
    if (!screenshot.isEmpty())
        scheduleScreenshot(window, screenshot);
    return QApplication::exec();
}
