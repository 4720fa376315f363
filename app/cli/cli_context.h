#pragma once

#include <QString>
#include <memory>

#include "cli/command_line.h"
#include "store/run_info.h"

namespace forkscope {

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
    // The store, created if missing: for commands that add data.
    Store &store();
    // The store for commands that only read or change existing runs: a path
    // given with --store or FORKSCOPE_STORE that does not exist is an error
    // (a typo must not leave an empty store behind); the default store is
    // created as by store().
    Store &existingStore();
    // The store opened read-only, for commands that only read: nothing is
    // written to it (no migration, no journal-mode switch), and a missing,
    // empty or special file is refused instead of becoming a store.
    Store &readStore();

    // FORKSCOPE_HEARTBEAT_TIMEOUT_MS (tests shorten crash detection), or 0
    // for the store's default.
    qint64 heartbeatTimeoutMs() const;

    // The RUN argument (positional `index`), resolved with --project/--entity
    // in the store already open, else in existingStore().
    RunInfo resolveRun(int index = 0);

private:
    void requireExisting() const;

    ParsedCommand parsed_;
    std::unique_ptr<Store> store_;
};

} // namespace forkscope
