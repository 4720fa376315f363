#pragma once

#include <QString>
#include <QStringList>

#include "importers/imported_run.h"

namespace forkscope {

// The free text of an imported run, as the store may keep it: text that is
// not valid UTF-8 (raw bytes of a damaged or foreign file; in a QString, the
// U+FFFD it was decoded to) is never stored. A bad name is replaced by a
// generated one, bad notes, tags and config/summary/metadata entries are
// left out; each with a warning that says what and where.
struct ImportedTexts {
    QString name, notes;
    QStringList tags;
    Json config, summary, metadata;
    QStringList warnings;
};
ImportedTexts validImportedTexts(const ImportedRun &run);

// Identity is refused, never repaired: empty when the run's ID, project and
// entity are valid text, else why not.
QString importedIdentityProblem(const QString &runId, const QString &project, const QString &entity);

} // namespace forkscope
