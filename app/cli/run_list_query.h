#pragma once

#include <QString>
#include <optional>

#include "store/run_page.h"

namespace forkscope {

struct ParsedCommand;

// What 'runs' lists: --sort KEY[:asc|desc], --filter TEXT, --offset N and
// --limit N as a store page query. Throws forkscope::Error(BadInput) naming
// the option and what is expected.
struct RunListQuery {
    RunPageQuery query;
    qint64 offset = 0;
    std::optional<int> limit; // none: every run from offset on
    bool paged = false;       // any of the options was given
};

RunListQuery parseRunListQuery(const ParsedCommand &args, qint64 projectKey);

} // namespace forkscope
