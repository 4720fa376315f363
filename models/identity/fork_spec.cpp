#include "identity/fork_spec.h"

#include <QCoreApplication>

#include "core/error.h"
#include "core/step_rule.h"

namespace forkscope {

namespace {

[[noreturn]] void refuse(const QString &what)
{
    throw Error(Error::Kind::BadInput,
                QCoreApplication::translate("forkscope::ForkSpec",
                                            "invalid fork spec: %1; expected '<run>?_step=<N>' with a run ID, run "
                                            "path or immutable ID and a whole step N >= 0, e.g. 'ans3bsax?_step=123'")
                    .arg(what));
}

// The translation context of this file's messages (lupdate reads it here).
struct ForkSpecText {
    Q_DECLARE_TR_FUNCTIONS(forkscope::ForkSpec)
};

} // namespace

ForkSpec ForkSpec::parse(const QString &text)
{
    const qsizetype q = text.indexOf(QLatin1Char('?'));
    if (q < 0)
        refuse(ForkSpecText::tr("'%1' has no '?_step=<N>' part").arg(text));
    const QString run = text.left(q);
    const QString query = text.mid(q + 1);
    if (run.isEmpty())
        refuse(ForkSpecText::tr("'%1' names no run before '?'").arg(text));
    if (query.contains(QLatin1Char('&')))
        refuse(ForkSpecText::tr("'%1' has more than one parameter; only _step is allowed").arg(text));
    const qsizetype eq = query.indexOf(QLatin1Char('='));
    const QString metric = eq < 0 ? query : query.left(eq);
    if (metric != QLatin1String("_step"))
        refuse(ForkSpecText::tr("'%1' forks on '%2'; only the metric _step is supported").arg(text, metric));
    const QString value = eq < 0 ? QString() : query.mid(eq + 1);
    if (value.isEmpty())
        refuse(ForkSpecText::tr("'%1' has no step after '_step='").arg(text));
    if (value.startsWith(QLatin1Char('-')))
        refuse(ForkSpecText::tr("step '%1' is negative").arg(value));
    bool ok = false;
    const qint64 step = value.toLongLong(&ok);
    bool digitsOnly = true;
    for (const QChar c : value)
        digitsOnly = digitsOnly && c.isDigit() && c.unicode() < 128;
    if (!ok || !digitsOnly)
        refuse(ForkSpecText::tr("step '%1' is not a whole number").arg(value));
    if (!isValidStep(step))
        refuse(badStepText(QLatin1Char('\'') + value + QLatin1Char('\'')));
    return ForkSpec{RunRef::parse(run), step};
}

QString ForkSpec::toString() const
{
    return formatForkSpec(run.toString(), step);
}

QString formatForkSpec(const QString &run, qint64 step)
{
    return run + QStringLiteral("?_step=") + QString::number(step);
}

} // namespace forkscope
