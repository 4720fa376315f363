// Issue 6: translations, runtime language switching, Help → About and
// --version of both executables.
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QXmlStreamReader>
#include <gtest/gtest.h>

#include "shared/translations_loader.h"
#include "store/store.h"
#include "support/temp_store.h"
#include "view_fixtures.h"
#include "views/about_dialog.h"
#include "views/overview/overview_tab.h"
#include "views/runs/runs_panel.h"

#ifndef FORKSCOPE_TS_FILES
#error "FORKSCOPE_TS_FILES must list the .ts files"
#endif

namespace forkscope {
namespace {

const QString kCopyImmutableJa = QStringLiteral("イミュータブルな Run ID をコピー");

// Every problem of one .ts file, one line each; empty when complete.
QStringList tsProblems(const QString &path)
{
    QStringList problems;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {QStringLiteral("cannot open %1").arg(path)};
    QXmlStreamReader xml(&file);
    QString context, source, type, translation;
    bool numerus = false;
    int forms = 0, emptyForms = 0, messages = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                if (xml.attributes().value(QLatin1String("language")).isEmpty())
                    problems << QStringLiteral("the TS element has no language");
            } else if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                source.clear();
                type.clear();
                translation.clear();
                forms = emptyForms = 0;
                ++messages;
            } else if (name == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                type = xml.attributes().value(QLatin1String("type")).toString();
                if (!numerus)
                    translation = xml.readElementText();
            } else if (name == QLatin1String("numerusform")) {
                ++forms;
                if (xml.readElementText().trimmed().isEmpty())
                    ++emptyForms;
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            const QString where = context + QStringLiteral(": \"") + source + QLatin1Char('"');
            if (type == QLatin1String("unfinished"))
                problems << where + QStringLiteral(" is unfinished");
            else if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                problems << where + QStringLiteral(" is ") + type +
                                QStringLiteral(" (run the update_translations target)");
            if (numerus) {
                // Japanese has one plural form.
                if (forms < 1 || emptyForms > 0)
                    problems << where + QStringLiteral(" lacks its plural form");
                if (!source.contains(QLatin1String("%n")))
                    problems << where + QStringLiteral(" is numerus without %n");
            } else if (translation.trimmed().isEmpty() && type.isEmpty()) {
                problems << where + QStringLiteral(" has an empty translation");
            } else if (source.contains(QLatin1String("%n"))) {
                problems << where + QStringLiteral(" uses %n but is not numerus (use tr(text, nullptr, n))");
            }
            // Placeholders must survive translation.
            for (int i = 1; i <= 9; ++i) {
                const QString arg = QLatin1Char('%') + QString::number(i);
                const bool inSource = source.contains(arg);
                if (!numerus && inSource && !translation.isEmpty() && !translation.contains(arg))
                    problems << where + QStringLiteral(" drops ") + arg;
            }
        }
    }
    if (xml.hasError())
        problems
            << QStringLiteral("%1: XML error at line %2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    if (messages == 0)
        problems << QStringLiteral("%1 has no messages").arg(path);
    return problems;
}

class LanguageGuard {
public:
    ~LanguageGuard() { applyLanguage(QStringLiteral("en")); }
};

TEST(Translations, TsFilesAreComplete)
{
    const QStringList files = QString::fromUtf8(FORKSCOPE_TS_FILES).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    ASSERT_FALSE(files.isEmpty());
    for (const QString &file : files) {
        const QStringList problems = tsProblems(file);
        EXPECT_TRUE(problems.isEmpty()) << problems.size() << " problem(s) in " << qPrintable(file) << ":\n"
                                        << qPrintable(problems.join(QLatin1Char('\n')));
    }
}

TEST(Translations, CheckerCatchesUnfinishedVanishedEmptyAndMissingPlurals)
{
    test::TempStore temp;
    const QString path = temp.dir() + QStringLiteral("/bad.ts");
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="ja_JP"><context><name>C</name>
<message><source>a</source><translation type="unfinished"></translation></message>
<message><source>b</source><translation type="vanished">b</translation></message>
<message><source>c</source><translation></translation></message>
<message numerus="yes"><source>%n d</source><translation><numerusform></numerusform></translation></message>
<message><source>e %1</source><translation>e</translation></message>
<message><source>ok %1</source><translation>よし %1</translation></message>
</context></TS>)");
    f.close();
    EXPECT_EQ(tsProblems(path).size(), 5) << qPrintable(tsProblems(path).join(QLatin1Char('\n')));
}

TEST(Translations, LanguageCodesAndTheSystemLocale)
{
    EXPECT_EQ(normalizeLanguage(QStringLiteral("ja_JP.UTF-8")), QStringLiteral("ja"));
    EXPECT_EQ(normalizeLanguage(QStringLiteral("JA")), QStringLiteral("ja"));
    EXPECT_EQ(normalizeLanguage(QStringLiteral("en-GB")), QStringLiteral("en"));
    EXPECT_EQ(normalizeLanguage(QStringLiteral("system")), QString());
    bool ok = true;
    EXPECT_EQ(normalizeLanguage(QStringLiteral("fr"), &ok), QString());
    EXPECT_FALSE(ok);

    LanguageGuard guard;
    EXPECT_EQ(applyLanguage(QStringLiteral("ja")), QStringLiteral("ja"));
    EXPECT_EQ(QLocale().language(), QLocale::Japanese); // dates and numbers follow
    EXPECT_EQ(QCoreApplication::translate("forkscope::OverviewTab", "Copy immutable Run ID"), kCopyImmutableJa);
    // Strings of the models and of the CLI are in the same catalog.
    EXPECT_NE(QCoreApplication::translate("forkscope::Store", "no run with key %1 in the store"),
              QStringLiteral("no run with key %1 in the store"));
    EXPECT_NE(QCoreApplication::translate("forkscope::Cli", "error: %1"), QStringLiteral("error: %1"));
    EXPECT_EQ(applyLanguage(QStringLiteral("en")), QStringLiteral("en"));
    EXPECT_EQ(QCoreApplication::translate("forkscope::OverviewTab", "Copy immutable Run ID"),
              QStringLiteral("Copy immutable Run ID"));
}

RunInfo makeOneRun(const QString &path)
{
    Store store(path);
    return test::makeRun(store, QStringLiteral("proj"), QStringLiteral("first"), 50);
}

QString firstMenuText(MainWindow &window)
{
    QMenu *menu = window.runPage()->overview()->actionsMenu();
    for (QAction *a : menu->actions()) {
        if (!a->isSeparator())
            return a->text();
    }
    return {};
}

TEST(Translations, WindowStartedInJapaneseShowsTheSeedTerms)
{
    LanguageGuard guard;
    applyLanguage(QStringLiteral("ja")); // what main() does for --lang ja
    test::TempStore temp;
    const RunInfo run = makeOneRun(temp.path());
    auto window = test::openWindow(temp.path(), run.runId, RunPage::OverviewIndex);
    ASSERT_TRUE(test::waitFor([&] { return window->runPage()->overview()->details().run.key == run.key; }));

    EXPECT_EQ(firstMenuText(*window), kCopyImmutableJa);
    QTabWidget *tabs = window->runPage()->tabs();
    EXPECT_EQ(tabs->tabText(RunPage::OverviewIndex), QStringLiteral("Overview"));
    EXPECT_EQ(tabs->tabText(RunPage::ChartsIndex), QStringLiteral("チャート"));
    EXPECT_EQ(tabs->tabText(RunPage::LineageIndex), QStringLiteral("系譜"));
    EXPECT_EQ(window->runPage()->overview()->actionsButton()->accessibleName(), QStringLiteral("run の操作"));
}

TEST(Translations, LanguageSwitchesWithoutRestart)
{
    LanguageGuard guard;
    applyLanguage(QStringLiteral("en"));
    test::TempStore temp;
    const RunInfo run = makeOneRun(temp.path());
    auto window = test::openWindow(temp.path(), run.runId, RunPage::OverviewIndex);
    ASSERT_TRUE(test::waitFor([&] { return window->runPage()->overview()->details().run.key == run.key; }));
    EXPECT_EQ(firstMenuText(*window), QStringLiteral("Copy immutable Run ID"));
    auto *fileMenu = window->findChild<QMenu *>(QStringLiteral("fileMenu"));
    ASSERT_NE(fileMenu, nullptr);
    EXPECT_EQ(fileMenu->title(), QStringLiteral("&File"));

    // Settings → Language → 日本語, as the person would choose it.
    QString chosen = QStringLiteral("unset");
    QObject::connect(window.get(), &MainWindow::languageChosen, window.get(), [&chosen](const QString &code) {
        chosen = code;
        applyLanguage(code);
    });
    auto *japanese = window->findChild<QAction *>(QStringLiteral("language_ja"));
    ASSERT_NE(japanese, nullptr);
    japanese->trigger();
    EXPECT_EQ(chosen, QStringLiteral("ja"));
    ASSERT_TRUE(test::waitFor([&] { return firstMenuText(*window) == kCopyImmutableJa; }));
    EXPECT_EQ(fileMenu->title(), QStringLiteral("ファイル(&F)"));
    EXPECT_EQ(window->runPage()->tabs()->tabText(RunPage::OverviewIndex), QStringLiteral("Overview"));
    EXPECT_EQ(window->runPage()->tabs()->tabText(RunPage::ChartsIndex), QStringLiteral("チャート"));
    EXPECT_EQ(window->runsPanel()->view()->accessibleName(), QStringLiteral("run の一覧"));
    auto *logBox = window->findChild<QCheckBox *>(QStringLiteral("logScaleBox"));
    ASSERT_NE(logBox, nullptr);
    EXPECT_EQ(logBox->text(), QCoreApplication::translate("forkscope::ChartsTab", "Log scale"));
    EXPECT_NE(logBox->text(), QStringLiteral("Log scale"));
    EXPECT_TRUE(japanese->isChecked());

    // And back.
    auto *english = window->findChild<QAction *>(QStringLiteral("language_en"));
    ASSERT_NE(english, nullptr);
    english->trigger();
    ASSERT_TRUE(test::waitFor([&] { return firstMenuText(*window) == QStringLiteral("Copy immutable Run ID"); }));
    EXPECT_EQ(fileMenu->title(), QStringLiteral("&File"));
    EXPECT_EQ(window->runPage()->tabs()->tabText(RunPage::ChartsIndex), QStringLiteral("Charts"));
    EXPECT_EQ(logBox->text(), QStringLiteral("Log scale"));
}

TEST(Keyboard, EveryMenuActionHasAShortcutAndTheMainControlsAreNamed)
{
    test::TempStore temp;
    const RunInfo run = makeOneRun(temp.path());
    auto window = test::openWindow(temp.path(), run.runId);
    QStringList missing;
    QList<QKeySequence> seen;
    std::function<void(QMenu *)> walk = [&](QMenu *menu) {
        for (QAction *a : menu->actions()) {
            if (a->isSeparator())
                continue;
            if (a->menu()) {
                walk(a->menu());
                continue;
            }
            if (a->shortcut().isEmpty())
                missing << a->text();
            else if (seen.contains(a->shortcut()))
                missing << a->text() + QStringLiteral(" (shortcut used twice)");
            seen << a->shortcut();
        }
    };
    for (QAction *top : window->menuBar()->actions()) {
        if (top->menu())
            walk(top->menu());
    }
    EXPECT_GE(seen.size(), 14);
    EXPECT_TRUE(missing.isEmpty()) << qPrintable(missing.join(QStringLiteral(", ")));

    EXPECT_FALSE(window->runsPanel()->view()->accessibleName().isEmpty());
    EXPECT_FALSE(window->runPage()->overview()->actionsButton()->accessibleName().isEmpty());
    EXPECT_FALSE(window->runPage()->tabs()->accessibleName().isEmpty());
}

TEST(About, ShowsTheVersionTheStoreAndItsSize)
{
    QCoreApplication::setApplicationVersion(QStringLiteral(FORKSCOPE_VERSION));
    test::TempStore temp;
    makeOneRun(temp.path());
    const qint64 size = AboutDialog::storeSizeOnDisk(temp.path());
    EXPECT_GT(size, 0);
    AboutDialog about(temp.path());
    EXPECT_TRUE(about.versionText().contains(QStringLiteral(FORKSCOPE_VERSION))) << qPrintable(about.versionText());
    EXPECT_TRUE(about.storeText().contains(temp.path())) << qPrintable(about.storeText());
    EXPECT_TRUE(about.storeText().contains(QLocale().toString(size))) << qPrintable(about.storeText());

    auto window = test::openWindow(temp.path());
    QAction *action = window->findChild<QAction *>(QStringLiteral("aboutAction"));
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->shortcut(), QKeySequence(QKeySequence::HelpContents));
}

QString runVersion(const QString &program)
{
    QProcess p;
    p.start(program, {QStringLiteral("--version")});
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("failed: ") + QString::fromLocal8Bit(p.readAllStandardError());
    return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
}

TEST(Version, BothExecutablesPrintTheProjectVersion)
{
    EXPECT_EQ(runVersion(QStringLiteral(FORKSCOPE_CLI_PATH)), QStringLiteral("forkscope-cli " FORKSCOPE_VERSION));
    EXPECT_EQ(runVersion(QStringLiteral(FORKSCOPE_APP_PATH)), QStringLiteral("forkscope " FORKSCOPE_VERSION));
}

TEST(Version, TheCliSpeaksJapaneseUnderAJapaneseLocale)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("ja_JP.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("ja_JP.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FORKSCOPE_CLI_PATH), {QStringLiteral("no-such-command")});
    ASSERT_TRUE(p.waitForFinished(30000));
    EXPECT_EQ(p.exitCode(), 2);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    // "forkscope-cli: " stays, the message is Japanese, the command name is not translated.
    EXPECT_TRUE(err.contains(QStringLiteral("forkscope-cli: "))) << qPrintable(err);
    EXPECT_TRUE(err.contains(QStringLiteral("no-such-command"))) << qPrintable(err);
    bool hasJapanese = false;
    for (QChar c : err)
        hasJapanese = hasJapanese || (c.unicode() >= 0x3040 && c.unicode() <= 0x9fff);
    EXPECT_TRUE(hasJapanese) << qPrintable(err);
}

} // namespace
} // namespace forkscope
