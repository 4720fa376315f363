#pragma once

#include <QString>
#include <QStringList>

namespace forkscope {

// The app's and the CLI's translations (the .qm files built into
// forkscope_i18n from translations/*.ts, and Qt's own qtbase catalog).
//
// Language codes are short: "en" (the source texts) or "ja". An empty code,
// or "system", means: follow the system locale (LANGUAGE, LC_ALL,
// LC_MESSAGES, LANG), falling back to English.

// The languages shipped, English first.
QStringList shippedLanguages();

// "ja", "ja_JP", "ja-JP", "ja_JP.UTF-8", "JA" -> "ja"; "en_US" -> "en";
// "" or "system" -> ""; anything not shipped -> "" (and *ok = false).
QString normalizeLanguage(const QString &code, bool *ok = nullptr);

// The shipped language the system locale asks for ("en" when none matches).
QString systemLanguage();

// The name of a language in that language ("English", "日本語").
QString nativeLanguageName(const QString &language);

// Installs the translators for `language` on the running application,
// replacing the ones installed before (every widget then receives
// QEvent::LanguageChange). With `setDefaultLocale`, QLocale's default
// follows too, so dates and numbers formatted with QLocale() match the
// language. Returns the language now in effect ("en" or "ja").
QString applyLanguage(const QString &language, bool setDefaultLocale = true);

// The language applied last ("en" before any call).
QString currentLanguage();

} // namespace forkscope
