#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "importers/imported_run.h"

namespace forkscope::test {

// The value `row` holds for `key`, or nullptr.
inline const Json *value(const ImportedRow &row, const std::string &key)
{
    for (const auto &[k, v] : row.values)
        if (k == key)
            return &v;
    return nullptr;
}

// The number `row` holds for `key`. Throws (the test fails, not crashes)
// when the row has no such key or holds no number there.
inline double numberAt(const ImportedRow &row, const std::string &key)
{
    const Json *v = value(row, key);
    if (!v || !v->is_number())
        throw std::runtime_error("the row at step " + std::to_string(row.step) +
                                 (v ? " holds no number for \"" : " has no key \"") + key + "\"");
    return v->get<double>();
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

} // namespace forkscope::test
