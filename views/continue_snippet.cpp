#include "views/continue_snippet.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

#include "views/retranslate.h"

namespace fs {

namespace {

QString shellQuote(const QString &s)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./:@=+-]+$"));
    if (safe.match(s).hasMatch())
        return s;
    QString q = s;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QString cppString(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

} // namespace

ContinueSnippet::ContinueSnippet(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("continueSnippet"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    auto *title = new QLabel(this);
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);
    layout->addWidget(title);
    auto *hint = new QLabel(this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    cliLabel_ = new QLabel(this);
    layout->addWidget(codeRow(cliLabel_, QT_TR_NOOP("the forkscope-cli command"), [this] { return cli_; }));
    auto *cppHint = new QLabel(this);
    layout->addWidget(cppHint);
    cppLabel_ = new QLabel(this);
    layout->addWidget(codeRow(cppLabel_, QT_TR_NOOP("the C++ init call"), [this] { return cpp_; }));
    retranslateOnLanguageChange(this, [title, hint, cppHint] {
        title->setText(tr("Continue this run from a training script"));
        hint->setText(tr("Rows go to the run's next step. From a shell, pipe JSON rows (one per line):"));
        cppHint->setText(tr("From C++ (resumes by immutable ID, so a rename or move does not break it):"));
    });
}

QWidget *ContinueSnippet::codeRow(QLabel *code, const char *what, const std::function<QString()> &text)
{
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    code->setTextFormat(Qt::PlainText);
    code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    code->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    code->setWordWrap(true);
    code->setObjectName(QStringLiteral("code"));
    auto *copy = new QToolButton(row);
    copy->setIcon(QIcon(QStringLiteral(":/icons/copy.svg")));
    retranslateOnLanguageChange(copy, [copy, what] {
        copy->setToolTip(tr("Copy %1").arg(tr(what)));
        copy->setAccessibleName(tr("Copy %1").arg(tr(what)));
    });
    connect(copy, &QToolButton::clicked, this, [this, what, text] {
        QApplication::clipboard()->setText(text());
        emit copied(tr(what));
    });
    h->addWidget(code, 1);
    h->addWidget(copy, 0, Qt::AlignTop);
    return row;
}

void ContinueSnippet::setRun(const QString &runPath, const QString &immutableId, const QString &storePath)
{
    cli_ = QStringLiteral("forkscope-cli --store %1 log %2 < rows.jsonl").arg(shellQuote(storePath), shellQuote(runPath));
    cpp_ = QStringLiteral("auto run = fs::Run::init(fs::InitOptions{\n"
                          "    .storePath = %1,\n"
                          "    .resume = %2});\n"
                          "run->log({{\"loss\", loss}});")
               .arg(cppString(storePath), cppString(immutableId));
    cliLabel_->setText(cli_);
    cppLabel_->setText(cpp_);
}

} // namespace fs
