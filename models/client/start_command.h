#pragma once

#include <QString>
#include <QStringList>

#include "core/json_qt.h"

namespace forkscope {

// How this process was started, in the run-metadata keys W&B uses and the
// Overview's Command row reads: "program" (argv[0]), "args" (the rest, an
// array), "executable" (the binary's absolute path), "root" (the working
// folder) and "git": {"commit"} when the folder is in a git work tree.
Json startCommandMetadata();

// The same from given parts (a language binding knows its own program and
// arguments better than /proc does). `git` is looked up in `workingFolder`.
Json startCommandMetadata(const QString &program, const QStringList &args, const QString &executable,
                          const QString &workingFolder);

// HEAD of the git work tree holding `folder`, or empty: not a work tree, no
// git installed, or git took longer than a moment. git runs without a shell.
QString gitCommitAt(const QString &folder);

// The start-command keys above that `metadata` holds (a binding records
// its own; a resumed run takes them over from it).
Json startCommandKeys(const Json &metadata);

// A resumed run's metadata: the start-command keys are this process's now
// (one it does not have is dropped, not left from an earlier start).
Json restartedMetadata(const Json &stored, const Json &started);

// `recorded` under `metadata`: keys the caller set win.
Json withStartCommand(const Json &metadata, const Json &recorded);

} // namespace forkscope
