#pragma once

#include <QString>
#include <memory>

#include "cli/command_line.h"
#include "store/run_info.h"

namespace fs {

class Store;

// What a command works with: its parsed arguments and the store, opened on
// first use so that --help never touches it.
class CliContext {
public:
    explicit CliContext(ParsedCommand parsed);
    ~CliContext();

    const ParsedCommand &args() const { return parsed_; }
    bool json() const { return parsed_.isSet(QStringLiteral("json")); }
    QString storePath() const;
    Store &store();

    // The RUN argument (positional `index`), resolved with --project/--entity.
    RunInfo resolveRun(int index = 0);

private:
    ParsedCommand parsed_;
    std::unique_ptr<Store> store_;
};

} // namespace fs
