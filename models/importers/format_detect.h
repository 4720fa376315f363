#pragma once

#include <QString>

#include "importers/imported_run.h"

namespace forkscope {

class ImportResume;

enum class ImportFormat {
    WandbRun,    // one W&B run folder, or one .wandb file
    WandbFolder, // a wandb/ folder of run folders
    TensorBoard, // a log folder with events.out.tfevents.* files (or one such file)
    Mlflow,      // an mlruns/ root
};

struct DetectedFormat {
    ImportFormat format;
    QString path; // what to hand the importer; may differ from the input (e.g. <project>/wandb)
};

// Says which importer applies to `path`. A project folder holding `wandb/`
// or `mlruns/` resolves to that subfolder. Throws forkscope::Error(NotFound) if the
// path does not exist and forkscope::Error(BadInput) naming what was expected when
// nothing matches.
DetectedFormat detectImportFormat(const QString &path);

// Runs the importer `detected` names; with `resume`, files are read from
// where the last read stopped (see ImportResume).
ImportBatch importDetected(const DetectedFormat &detected, ImportResume *resume = nullptr);

// The format's name as ImportedRun::format spells it ("wandb", ...).
QString importFormatName(ImportFormat format);

} // namespace forkscope
