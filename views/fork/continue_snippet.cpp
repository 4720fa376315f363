#include "views/fork/continue_snippet.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

#include "views/retranslate.h"

namespace forkscope {

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

// A double-quoted string literal, the same in Python and C++.
QString quotedString(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString pythonCode(const QString &initArguments, const QString &storePath)
{
    return QStringLiteral("import forkscope\n"
                          "run = forkscope.init(%1,\n"
                          "                     store=%2)\n"
                          "run.log({\"loss\": loss})")
        .arg(initArguments, quotedString(storePath));
}

// `field`: the designated initializer after .storePath (InitOptions order).
QString cppCode(const QString &storePath, const QString &field)
{
    return QStringLiteral("auto run = forkscope::Run::init(forkscope::InitOptions{\n"
                          "    .storePath = %1,\n"
                          "    %2});\n"
                          "run->log({{\"loss\", loss}});")
        .arg(quotedString(storePath), field);
}

} // namespace

ContinueSnippet::ContinueSnippet(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("continueSnippet"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    title_ = new QLabel(this);
    QFont f = title_->font();
    f.setBold(true);
    title_->setFont(f);
    layout->addWidget(title_);
    const auto addHint = [this, layout] {
        auto *hint = new QLabel(this);
        hint->setWordWrap(true);
        layout->addWidget(hint);
        return hint;
    };
    pythonHint_ = addHint();
    pythonLabel_ = new QLabel(this);
    layout->addWidget(codeRow(pythonLabel_, QT_TR_NOOP("the Python code"), [this] { return python_; }));
    cliHint_ = addHint();
    cliLabel_ = new QLabel(this);
    layout->addWidget(codeRow(cliLabel_, QT_TR_NOOP("the forkscope-cli command"), [this] { return cli_; }));
    cppHint_ = addHint();
    cppLabel_ = new QLabel(this);
    layout->addWidget(codeRow(cppLabel_, QT_TR_NOOP("the C++ init call"), [this] { return cpp_; }));
    retranslateOnLanguageChange(this, [this] { applyTexts(); });
}

void ContinueSnippet::applyTexts()
{
    if (mode_ == Mode::Continue) {
        title_->setText(tr("Continue this run from a training script"));
        pythonHint_->setText(tr("Rows go to the run's next step. From Python (resumes by immutable ID, so a "
                                "rename or move does not break it; `import forkscope as wandb` works too):"));
        cliHint_->setText(tr("From a shell, pipe JSON rows (one per line):"));
    } else {
        title_->setText(tr("Or fork from a training script"));
        pythonHint_->setText(tr("The fork inherits steps 0 – N and logs from N + 1. From Python "
                                "(`import forkscope as wandb` works too):"));
        cliHint_->setText(tr("From a shell, pipe JSON rows (one per line) into a new fork:"));
    }
    cppHint_->setText(tr("From C++:"));
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
    mode_ = Mode::Continue;
    python_ = pythonCode(QStringLiteral("id=%1, resume=\"must\"").arg(quotedString(immutableId)), storePath);
    cli_ =
        QStringLiteral("forkscope-cli --store %1 log %2 < rows.jsonl").arg(shellQuote(storePath), shellQuote(runPath));
    cpp_ = cppCode(storePath, QStringLiteral(".resume = %1").arg(quotedString(immutableId)));
    showCode();
}

void ContinueSnippet::setFork(const QString &forkSpec, const QString &storePath)
{
    mode_ = Mode::Fork;
    python_ = pythonCode(QStringLiteral("fork_from=%1").arg(quotedString(forkSpec)), storePath);
    cli_ = QStringLiteral("forkscope-cli --store %1 log --fork-from %2 < rows.jsonl")
               .arg(shellQuote(storePath), shellQuote(forkSpec));
    cpp_ = cppCode(storePath, QStringLiteral(".forkFrom = %1").arg(quotedString(forkSpec)));
    showCode();
}

void ContinueSnippet::showCode()
{
    applyTexts();
    pythonLabel_->setText(python_);
    cliLabel_->setText(cli_);
    cppLabel_->setText(cpp_);
}

} // namespace forkscope
