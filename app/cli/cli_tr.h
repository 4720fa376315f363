#pragma once

#include <QCoreApplication>

namespace forkscope {

// Translation context "forkscope::Cli" for every message the CLI shows.
class Cli {
    Q_DECLARE_TR_FUNCTIONS(forkscope::Cli)
};

} // namespace forkscope
