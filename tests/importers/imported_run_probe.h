#pragma once

#include <string>
#include <vector>

#include "importers/imported_run.h"

namespace fs::test {

// The value `row` holds for `key`, or nullptr.
inline const Json *value(const ImportedRow &row, const std::string &key)
{
    for (const auto &[k, v] : row.values)
        if (k == key)
            return &v;
    return nullptr;
}

// Steps of the rows holding `key`.
inline std::vector<qint64> stepsWith(const ImportedRun &run, const std::string &key)
{
    std::vector<qint64> steps;
    for (const auto &row : run.rows)
        if (value(row, key))
            steps.push_back(row.step);
    return steps;
}

} // namespace fs::test
