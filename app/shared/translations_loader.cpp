#include "translations_loader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTranslator>
#include <memory>

namespace forkscope {

namespace {

struct Installed {
    std::unique_ptr<QTranslator> app;
    std::unique_ptr<QTranslator> qt;
    QString language = QStringLiteral("en");
};

Installed &installed()
{
    static Installed state;
    return state;
}

QLocale localeFor(const QString &language)
{
    const QLocale system = QLocale::system();
    if (language == QLatin1String("ja"))
        return system.language() == QLocale::Japanese ? system : QLocale(QLocale::Japanese, QLocale::Japan);
    // English: keep the system's formats when it is an English locale
    // (en_GB dates stay British), else the US ones.
    return system.language() == QLocale::English ? system : QLocale(QLocale::English, QLocale::UnitedStates);
}

std::unique_ptr<QTranslator> loadTranslator(const QLocale &locale, const QString &name, const QString &dir)
{
    auto t = std::make_unique<QTranslator>();
    if (!t->load(locale, name, QStringLiteral("_"), dir))
        return nullptr;
    return t;
}

} // namespace

QStringList shippedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("ja")};
}

QString normalizeLanguage(const QString &code, bool *ok)
{
    QString c = code.trimmed().toLower();
    if (ok)
        *ok = true;
    if (c.isEmpty() || c == QLatin1String("system"))
        return {};
    // "ja_JP.UTF-8@euro" -> "ja"
    const qsizetype cut = c.indexOf(QRegularExpression(QStringLiteral("[_.@-]")));
    if (cut > 0)
        c.truncate(cut);
    if (shippedLanguages().contains(c))
        return c;
    if (ok)
        *ok = false;
    return {};
}

QString systemLanguage()
{
    // uiLanguages() honours LANGUAGE's preference list as well as LANG.
    for (const QString &ui : QLocale::system().uiLanguages()) {
        bool ok = false;
        const QString lang = normalizeLanguage(ui, &ok);
        if (ok && !lang.isEmpty())
            return lang;
    }
    return QStringLiteral("en");
}

QString nativeLanguageName(const QString &language)
{
    if (language == QLatin1String("ja"))
        return QStringLiteral("日本語");
    return QStringLiteral("English");
}

QString applyLanguage(const QString &language, bool setDefaultLocale)
{
    QString lang = normalizeLanguage(language);
    if (lang.isEmpty())
        lang = systemLanguage();
    Installed &state = installed();

    if (state.app)
        QCoreApplication::removeTranslator(state.app.get());
    if (state.qt)
        QCoreApplication::removeTranslator(state.qt.get());
    state.app.reset();
    state.qt.reset();

    const QLocale locale = localeFor(lang);
    if (lang != QLatin1String("en")) {
        state.app = loadTranslator(locale, QStringLiteral("forkscope"), QStringLiteral(":/i18n"));
        state.qt = loadTranslator(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        if (state.qt)
            QCoreApplication::installTranslator(state.qt.get());
        if (state.app)
            QCoreApplication::installTranslator(state.app.get());
        else
            lang = QStringLiteral("en"); // not built with translations
    }
    if (setDefaultLocale)
        QLocale::setDefault(localeFor(lang));
    state.language = lang;
    return lang;
}

QString currentLanguage()
{
    return installed().language;
}

} // namespace forkscope
