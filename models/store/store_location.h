#pragma once

#include <QString>

namespace forkscope {

// What a store argument (--store, FORKSCOPE_STORE, a client's store path)
// names. A URL is recognised before anything touches the file system, so
// "postgresql://host/db" never becomes a folder named "postgresql:".
enum class StoreLocationKind {
    File,       // a SQLite store file (or the path for a new one)
    PostgreSql, // postgresql:// or postgres://, libpq's connection URL
};

// Throws forkscope::Error(BadInput) for any other "scheme://" text, naming
// the scheme and what is expected.
StoreLocationKind storeLocationKind(const QString &location);

// Throws forkscope::Error(BadInput) unless the location is a store file:
// this version opens SQLite stores only.
void requireStoreFile(const QString &location);

// The location as it may be shown or printed: a URL's password replaced by
// "***". Anything that is not a URL is returned as it is.
QString displayedStoreLocation(const QString &location);

} // namespace forkscope
