#pragma once

#include <QDateTime>
#include <QString>
#include <vector>

#include "core/json_qt.h"
#include "store/run_info.h"

namespace forkscope {

// ISO 8601 UTC with milliseconds; empty for an invalid time.
QString isoTime(const QDateTime &time);

// {"source": immutable ID, "source_id", "source_path", "step", "materialized"}, or null.
Json forkLinkJson(const RunInfo &run);
// The keys that name a run everywhere: id, immutable_id, path, name,
// project, entity, state, fork.
Json runIdentityJson(const RunInfo &run);
// Identity plus times and step range: one entry of `runs --json`.
Json runListJson(const RunInfo &run);
// Everything `show --json` prints; `archived`: the run's archived versions
// (Store::archivedVersions), listed under "archived".
Json runDetailJson(const RunInfo &run, const std::vector<RunInfo> &archived = {});

// "Created run NAME (ID)" style block for init/log/fork.
QString runIdentityText(const QString &headline, const RunInfo &run);
// The readable block `show` prints.
QString runDetailText(const RunInfo &run, const std::vector<RunInfo> &archived = {});
// "local/proj/abc at step 200", or "" for a run that is not a fork.
QString forkLinkText(const RunInfo &run);

// What init, log, fork, rename and finish print: the identity as one JSON
// object, or the headline and the identity block.
void printRunIdentity(bool json, const QString &headline, const RunInfo &run);

} // namespace forkscope
