#include "identity/run_id.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include "core/error.h"
#include "core/plain_text.h"

namespace forkscope {

QString generateRunId()
{
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString id(8, QChar());
    for (auto &c : id)
        c = QLatin1Char(alphabet[QRandomGenerator::system()->bounded(36)]);
    return id;
}

QString runIdProblem(const QString &id)
{
    if (id.isEmpty())
        return QCoreApplication::translate("forkscope::Identity",
                                           "run ID is empty; expected a non-empty ID such as 'ans3bsax'");
    if (const QString bad = invalidTextProblem(QCoreApplication::translate("forkscope::Identity", "run ID"), id);
        !bad.isEmpty())
        return bad;
    if (id.trimmed() != id)
        return QCoreApplication::translate("forkscope::Identity",
                                           "run ID '%1' has leading or trailing white space; expected none")
            .arg(id);
    static const QString forbidden = QStringLiteral(":;,#?/'");
    for (const QChar c : forbidden) {
        if (id.contains(c))
            return QCoreApplication::translate(
                       "forkscope::Identity", "run ID '%1' contains '%2'; run IDs may not contain any of : ; , # ? / '")
                .arg(id, c);
    }
    return {};
}

void requireValidRunId(const QString &id)
{
    const QString problem = runIdProblem(id);
    if (!problem.isEmpty())
        throw Error(Error::Kind::BadInput, problem);
}

} // namespace forkscope
