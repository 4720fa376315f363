#pragma once

#include <QString>

#include "store/checkpoint.h"

namespace forkscope {

// "s3://bucket/key", "gs://…", "https://…": a place this machine cannot
// read, registered and listed as it is. file:// URIs and plain paths
// (a Windows drive letter "C:/…" included) are local files.
bool isRemoteCheckpointUri(const QString &path);

// What a client registers for the file it saved at `path` (relative to the
// current folder): the absolute path, its size and SHA-256 (the file is
// read: call it off the UI thread). A remote URI is taken as it is, size
// and hash unknown. Throws BadInput naming the path when there is no such
// file.
NewCheckpoint describeCheckpointFile(const QString &path, qint64 step, const Json &metadata = Json::object());

} // namespace forkscope
