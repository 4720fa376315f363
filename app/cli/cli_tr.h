#pragma once

#include <QCoreApplication>

namespace fs {

// Translation context "fs::Cli" for every message the CLI shows.
class Cli {
    Q_DECLARE_TR_FUNCTIONS(fs::Cli)
};

} // namespace fs
