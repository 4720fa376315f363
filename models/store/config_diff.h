#pragma once

#include <QString>
#include <optional>
#include <vector>

#include "core/json_qt.h"

namespace forkscope {

// One config key that differs between a fork and its parent. An absent
// side (the key was added or removed) is nullopt; a key set to JSON null is
// a present null.
struct ConfigChange {
    QString key; // dotted path, as the runs table names nested keys
    std::optional<Json> from;
    std::optional<Json> to;

    bool added() const { return !from; }
    bool removed() const { return !to; }
};

// Every leaf of a config object by dotted path ("optimizer.lr"): nested
// objects are walked, arrays and empty objects are leaves. Keys starting
// with '_' (W&B's `_wandb` bookkeeping) are left out, as the runs table does.
std::vector<std::pair<QString, Json>> flattenConfig(const Json &config);

// What `child`'s config changed against `parent`'s: keys added, removed or
// with another value, sorted by key.
std::vector<ConfigChange> configChanges(const Json &parent, const Json &child);

} // namespace forkscope
