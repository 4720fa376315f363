#pragma once

#include <QString>
#include <QStringList>
#include <string>
#include <vector>

#include "importers/imported_run.h"

namespace forkscope {

// The models a run logged, from its `mlflow.log-model.history` tag (a JSON
// list of {run_id, artifact_path, utc_time_created, flavors, model_uuid}).
// Each becomes a checkpoint at the model's weights file (the pyfunc flavor's
// `data`, else the model folder) under the run's artifacts: where
// `artifactUri` says, else in the run folder's own artifacts/ (an mlruns
// folder that was copied), else the URI as it is. No step: MLflow does not
// record one. Problems with the tag come back in `warnings`.
std::vector<ImportedCheckpoint> mlflowLoggedModels(const std::string &history, const QString &runId,
                                                   const QString &artifactUri, const QString &runDir,
                                                   QStringList &warnings);

} // namespace forkscope
