#pragma once

#include <memory>

namespace forkscope {

class Store;
class ReadTransaction;
class WriteTransaction;

// The store's units of work, for code above the store that groups several
// store calls: the backend's SQL transactions stay inside models/store.

// Every read until the end of the scope sees one committed state (a chart
// reads a run's chunk index, then its chunks; a writer committing in between
// must not tear the picture). Inside another unit it does nothing.
class StoreSnapshot {
public:
    explicit StoreSnapshot(Store &store);
    ~StoreSnapshot();
    StoreSnapshot(const StoreSnapshot &) = delete;
    StoreSnapshot &operator=(const StoreSnapshot &) = delete;

private:
    std::unique_ptr<ReadTransaction> tx_;
};

// Writes that land together or not at all: commit(), or they are rolled
// back when the scope ends. Inside another write unit it nests (the outer
// one decides).
class StoreWriteBatch {
public:
    explicit StoreWriteBatch(Store &store);
    ~StoreWriteBatch();
    StoreWriteBatch(const StoreWriteBatch &) = delete;
    StoreWriteBatch &operator=(const StoreWriteBatch &) = delete;
    void commit();

private:
    std::unique_ptr<WriteTransaction> tx_;
};

} // namespace forkscope
