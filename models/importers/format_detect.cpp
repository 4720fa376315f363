#include "importers/format_detect.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include "core/error.h"
#include "importers/mlflow_importer.h"
#include "importers/tensorboard_importer.h"
#include "importers/wandb_importer.h"

namespace forkscope {

DetectedFormat detectImportFormat(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw Error(Error::Kind::NotFound,
                    QCoreApplication::translate("forkscope::Importers", "%1 does not exist").arg(path));
    const QString abs = info.absoluteFilePath();
    if (info.isFile()) {
        if (info.suffix() == QLatin1String("wandb"))
            return {ImportFormat::WandbRun, abs};
        if (isTensorBoardEventFile(info.fileName()))
            return {ImportFormat::TensorBoard, abs};
    } else {
        if (isWandbRunFolder(abs))
            return {ImportFormat::WandbRun, abs};
        if (!findWandbRunFolders(abs).isEmpty())
            return {ImportFormat::WandbFolder, abs};
        if (isMlflowRoot(abs))
            return {ImportFormat::Mlflow, abs};
        const QDir dir(abs);
        const QString wandbSub = dir.filePath(QStringLiteral("wandb"));
        if (QFileInfo(wandbSub).isDir() && !findWandbRunFolders(wandbSub).isEmpty())
            return {ImportFormat::WandbFolder, wandbSub};
        const QString mlrunsSub = dir.filePath(QStringLiteral("mlruns"));
        if (QFileInfo(mlrunsSub).isDir() && isMlflowRoot(mlrunsSub))
            return {ImportFormat::Mlflow, mlrunsSub};
        if (!findTensorBoardEventFiles(abs).isEmpty())
            return {ImportFormat::TensorBoard, abs};
    }
    throw Error(Error::Kind::BadInput,
                QCoreApplication::translate(
                    "forkscope::Importers",
                    "%1 is not something Forkscope can import; expected a W&B run folder (run-*/offline-run-* "
                    "holding a .wandb file, or wandb-history.jsonl), a wandb/ folder of runs, a TensorBoard log "
                    "folder (events.out.tfevents.* files) or an MLflow mlruns/ folder (experiment folders with "
                    "meta.yaml)")
                    .arg(path));
}

ImportBatch importDetected(const DetectedFormat &detected, ImportResume *resume)
{
    switch (detected.format) {
    case ImportFormat::WandbRun: {
        ImportBatch batch;
        batch.runs.push_back(importWandbRun(detected.path, resume));
        return batch;
    }
    case ImportFormat::WandbFolder: return importWandbFolder(detected.path, resume);
    case ImportFormat::TensorBoard: return importTensorBoardDir(detected.path, resume);
    case ImportFormat::Mlflow: return importMlflowRoot(detected.path, resume);
    }
    return {};
}

QString importFormatName(ImportFormat format)
{
    switch (format) {
    case ImportFormat::WandbRun:
    case ImportFormat::WandbFolder: return QStringLiteral("wandb");
    case ImportFormat::TensorBoard: return QStringLiteral("tensorboard");
    case ImportFormat::Mlflow: return QStringLiteral("mlflow");
    }
    return {};
}

} // namespace forkscope
