#pragma once

#include <QString>

namespace forkscope {

// W&B-style run IDs: 8 random characters from a-z0-9 (generate_id(8)).
QString generateRunId();

// Empty when `id` is a valid custom run ID, else a message saying what is
// wrong and what is expected.
QString runIdProblem(const QString &id);

// Throws forkscope::Error(BadInput) with runIdProblem()'s message.
void requireValidRunId(const QString &id);

} // namespace forkscope
