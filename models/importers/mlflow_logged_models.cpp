#include "importers/mlflow_logged_models.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimeZone>
#include <QUrl>

#include "core/error.h"
#include "core/json_qt.h"
#include "importers/importer_text.h"

namespace forkscope {

namespace {

QString stringAt(const Json &object, const char *key)
{
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

// "2022-12-01 10:45:15.419719" (UTC, microseconds): Qt reads milliseconds.
QDateTime createdTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text.left(23), QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    if (!t.isValid())
        t = QDateTime::fromString(text.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (t.isValid())
        t.setTimeZone(QTimeZone::utc());
    return t;
}

QString modelPath(const QString &relative, const QString &artifactUri, const QString &runDir)
{
    QString local;
    if (artifactUri.startsWith(QLatin1String("file:")))
        local = QUrl(artifactUri).toLocalFile();
    else if (QDir::isAbsolutePath(artifactUri))
        local = artifactUri;
    if (!local.isEmpty()) {
        const QString path = QDir::cleanPath(local + QLatin1Char('/') + relative);
        if (QFileInfo::exists(path))
            return path;
    }
    const QString copied = QDir::cleanPath(runDir + QStringLiteral("/artifacts/") + relative);
    if (QFileInfo::exists(copied))
        return copied;
    if (!local.isEmpty())
        return QDir::cleanPath(local + QLatin1Char('/') + relative); // listed as missing
    if (!artifactUri.isEmpty())
        return artifactUri + QLatin1Char('/') + relative;
    return copied;
}

} // namespace

std::vector<ImportedCheckpoint> mlflowLoggedModels(const std::string &history, const QString &runId,
                                                   const QString &artifactUri, const QString &runDir,
                                                   QStringList &warnings)
{
    std::vector<ImportedCheckpoint> out;
    Json list;
    try {
        list = parseJson(history, QStringLiteral("mlflow.log-model.history"));
    } catch (const Error &e) {
        warnings << ImporterText::tr("%1/tags/mlflow.log-model.history: %2; the logged models are left out")
                        .arg(runDir, e.message());
        return out;
    }
    if (!list.is_array()) {
        warnings << ImporterText::tr(
                        "%1/tags/mlflow.log-model.history is not a JSON list; the logged models are left out")
                        .arg(runDir);
        return out;
    }
    for (const Json &model : list) {
        if (!model.is_object())
            continue;
        // A model logged into another run's history belongs to that run.
        if (const QString owner = stringAt(model, "run_id"); !owner.isEmpty() && owner != runId)
            continue;
        const QString artifactPath = stringAt(model, "artifact_path");
        if (artifactPath.isEmpty() || artifactPath.contains(QLatin1String("..")))
            continue;
        QString relative = artifactPath;
        Json flavorNames = Json::array();
        if (auto flavors = model.find("flavors"); flavors != model.end() && flavors->is_object()) {
            for (auto it = flavors->begin(); it != flavors->end(); ++it)
                flavorNames.push_back(it.key());
            if (auto pyfunc = flavors->find("python_function"); pyfunc != flavors->end() && pyfunc->is_object()) {
                const QString data = stringAt(*pyfunc, "data");
                if (!data.isEmpty() && !data.contains(QLatin1String("..")))
                    relative += QLatin1Char('/') + data;
            }
        }
        ImportedCheckpoint c;
        c.path = modelPath(relative, artifactUri, runDir);
        c.time = createdTime(stringAt(model, "utc_time_created"));
        c.metadata = {{"source", "mlflow.log-model.history"},
                      {"artifact_path", artifactPath.toStdString()},
                      {"flavors", flavorNames}};
        if (const QString uuid = stringAt(model, "model_uuid"); !uuid.isEmpty())
            c.metadata["model_uuid"] = uuid.toStdString();
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace forkscope
