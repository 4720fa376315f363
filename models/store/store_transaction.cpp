#include "store/store_transaction.h"

#include "store/sqlite_db.h"
#include "store/store.h"

namespace forkscope {

StoreSnapshot::StoreSnapshot(Store &store) : tx_(std::make_unique<ReadTransaction>(store.db())) {}

StoreSnapshot::~StoreSnapshot() = default;

StoreWriteBatch::StoreWriteBatch(Store &store) : tx_(std::make_unique<WriteTransaction>(store.db())) {}

StoreWriteBatch::~StoreWriteBatch() = default;

void StoreWriteBatch::commit()
{
    tx_->commit();
}

} // namespace forkscope
