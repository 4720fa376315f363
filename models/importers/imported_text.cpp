#include "importers/imported_text.h"

#include <QCoreApplication>

#include "core/plain_text.h"
#include "importers/importer_text.h"

namespace forkscope {

namespace {

bool validUtf8(const std::string &s)
{
    return !invalidUtf8Offset(s).has_value();
}

QString shown(const std::string &s)
{
    return escapeControls(QString::fromUtf8(s.data(), qsizetype(s.size())));
}

// Removes strings and keys that are not UTF-8 from `j`, saying where.
void dropInvalid(Json &j, const QString &where, QStringList &warnings)
{
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end();) {
            const QString path = where + QLatin1Char('.') + shown(it.key());
            const bool badKey = !validUtf8(it.key());
            const bool badValue = it->is_string() && !validUtf8(it->get_ref<const std::string &>());
            if (badKey || badValue) {
                warnings << ImporterText::tr("%1 is not valid UTF-8 text; left out").arg(path);
                it = j.erase(it);
                continue;
            }
            dropInvalid(*it, path, warnings);
            ++it;
        }
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) {
            const QString path = QStringLiteral("%1[%2]").arg(where).arg(i);
            if (j[i].is_string() && !validUtf8(j[i].get_ref<const std::string &>())) {
                warnings << ImporterText::tr("%1 is not valid UTF-8 text; replaced by null").arg(path);
                j[i] = nullptr;
            } else {
                dropInvalid(j[i], path, warnings);
            }
        }
    }
}

} // namespace

ImportedTexts validImportedTexts(const ImportedRun &run)
{
    ImportedTexts t;
    t.name = run.name;
    if (const QString problem = invalidTextProblem(ImporterText::tr("run name"), run.name); !problem.isEmpty()) {
        t.warnings << ImporterText::tr("%1; a generated name is used instead").arg(problem);
        t.name.clear();
    }
    t.notes = run.notes;
    if (const QString problem = invalidTextProblem(ImporterText::tr("notes"), run.notes); !problem.isEmpty()) {
        t.warnings << ImporterText::tr("%1; the notes are left out").arg(problem);
        t.notes.clear();
    }
    for (const QString &tag : run.tags) {
        if (const QString problem = invalidTextProblem(ImporterText::tr("tag"), tag); !problem.isEmpty())
            t.warnings << ImporterText::tr("%1; the tag is left out").arg(problem);
        else
            t.tags << tag;
    }
    t.config = run.config;
    t.summary = run.summary;
    t.metadata = run.metadata;
    dropInvalid(t.config, QStringLiteral("config"), t.warnings);
    dropInvalid(t.summary, QStringLiteral("summary"), t.warnings);
    dropInvalid(t.metadata, QStringLiteral("metadata"), t.warnings);
    return t;
}

QString importedIdentityProblem(const QString &runId, const QString &project, const QString &entity)
{
    for (const auto &[what, text] :
         {std::pair{ImporterText::tr("run ID"), runId}, std::pair{ImporterText::tr("project name"), project},
          std::pair{ImporterText::tr("entity"), entity}}) {
        const QString problem = invalidTextProblem(what, text);
        if (!problem.isEmpty())
            return ImporterText::tr("%1; the run is not imported (identifiers are never repaired)").arg(problem);
    }
    return {};
}

} // namespace forkscope
