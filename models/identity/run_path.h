#pragma once

#include <QString>
#include <optional>

namespace forkscope {

// entity/project/run_id
struct RunPath {
    QString entity;
    QString project;
    QString runId;

    QString toString() const { return entity + QLatin1Char('/') + project + QLatin1Char('/') + runId; }
    // Exactly three non-empty parts separated by '/', else nullopt.
    static std::optional<RunPath> parse(const QString &text);
    bool operator==(const RunPath &) const = default;
};

// The entity used when none is given.
QString defaultEntity();

} // namespace forkscope
