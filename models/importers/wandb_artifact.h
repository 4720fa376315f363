#pragma once

#include <QString>
#include <optional>
#include <string_view>

#include "importers/imported_run.h"

namespace forkscope {

// A W&B ArtifactRecord (wandb_internal.proto: type=4, name=5, digest=6,
// aliases=11, manifest=12 with contents=4: path=1, digest=2, ref=3,
// size=4, local_path=7). A "model" artifact becomes a checkpoint at its
// weights file (the only entry, else the largest): where a reference
// artifact points (`ref`), else the file the SDK staged (`local_path`), else
// a wandb-artifact:// URI naming the artifact and entry. Other types (code,
// job, datasets) give nothing. False with `error` when the bytes do not
// decode. `step`: the run's last step when the record was written, if any.
bool decodeModelArtifact(std::string_view bytes, std::optional<qint64> step, std::optional<ImportedCheckpoint> &out,
                         QString &error);

} // namespace forkscope
