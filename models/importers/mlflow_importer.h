#pragma once

#include <QString>

#include "importers/imported_run.h"

namespace forkscope {

class ImportResume;

// Every live run of an MLflow file store (`mlruns/`): experiments become
// projects (meta.yaml `name`), params become config (string values, as
// MLflow keeps them), metrics files become rows (`_timestamp` in seconds),
// all tags go to metadata["tags"] with mlflow.runName -> name,
// mlflow.note.content -> notes, mlflow.parentRunId -> metadata["parentRunId"].
// Deleted runs and experiments (lifecycle_stage: deleted, or under .trash/)
// are skipped and counted. A `/` in a key is a subfolder on disk.
// Throws forkscope::Error(NotFound/Format) when `mlrunsDir` is not an mlruns root.
// With `resume` (a folder watch), each metric file is read from where the
// last read of it stopped, and each run comes back with only the rows read now.
ImportBatch importMlflowRoot(const QString &mlrunsDir, ImportResume *resume = nullptr);

// One run folder (`<root>/<experiment_id>/<run_id>/`). Throws forkscope::Error(Format)
// when its meta.yaml is missing or unreadable.
ImportedRun importMlflowRun(const QString &runDir, const QString &experimentName, ImportResume *resume = nullptr);

// Whether `dir` holds MLflow experiment folders (one with a meta.yaml that
// has experiment_id and no run_id).
bool isMlflowRoot(const QString &dir);

} // namespace forkscope
