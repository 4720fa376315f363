#include "store/config_diff.h"

#include <algorithm>
#include <map>

namespace forkscope {

namespace {

void flattenInto(const Json &value, const QString &prefix, std::vector<std::pair<QString, Json>> &out)
{
    for (auto it = value.begin(); it != value.end(); ++it) {
        if (it.key().starts_with('_'))
            continue;
        const QString key = prefix.isEmpty() ? toQ(it.key()) : prefix + QLatin1Char('.') + toQ(it.key());
        if (it.value().is_object() && !it.value().empty())
            flattenInto(it.value(), key, out);
        else
            out.emplace_back(key, it.value());
    }
}

} // namespace

std::vector<std::pair<QString, Json>> flattenConfig(const Json &config)
{
    std::vector<std::pair<QString, Json>> out;
    if (config.is_object())
        flattenInto(config, {}, out);
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return out;
}

std::vector<ConfigChange> configChanges(const Json &parent, const Json &child)
{
    std::map<QString, ConfigChange> byKey;
    for (auto &[key, value] : flattenConfig(parent))
        byKey[key] = ConfigChange{key, std::move(value), std::nullopt};
    for (auto &[key, value] : flattenConfig(child)) {
        auto &change = byKey[key];
        change.key = key;
        change.to = std::move(value);
    }
    std::vector<ConfigChange> out;
    for (auto &[key, change] : byKey) {
        if (change.from && change.to && *change.from == *change.to)
            continue;
        out.push_back(std::move(change));
    }
    return out;
}

} // namespace forkscope
