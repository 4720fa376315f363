#include "store/sqlite_db.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>
#include <cmath>
#include <sqlite3.h>

#include "core/error.h"
#include "store/store_text.h"

namespace forkscope {

namespace {
constexpr int kBusyTimeoutMs = 60000;
// Enough for every statement the store has; SQL built at run time (rare)
// beyond this is prepared afresh each time.
constexpr size_t kMaxCachedStatements = 96;
} // namespace

SqliteDb::SqliteDb(const QString &path, Open mode) : path_(path)
{
    int flags = (mode == Open::ReadWrite ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READONLY) |
                SQLITE_OPEN_NOMUTEX;
    QByteArray name = path.toUtf8();
    if (mode == Open::Immutable) {
        flags |= SQLITE_OPEN_URI;
        name = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toEncoded() + "?mode=ro&immutable=1";
    }
    const int rc = sqlite3_open_v2(name.constData(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString why = db_ ? QString::fromUtf8(sqlite3_errmsg(db_)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw Error(Error::Kind::Storage, StoreText::tr("cannot open the store '%1': %2").arg(path, why));
    }
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    sqlite3_extended_result_codes(db_, 1);
}

SqliteDb::~SqliteDb()
{
    for (auto &[sql, c] : cache_)
        sqlite3_finalize(c.stmt);
    sqlite3_close_v2(db_);
}

void SqliteDb::fail(const char *during) const
{
    const int code = sqlite3_errcode(db_);
    const QString msg = QString::fromUtf8(sqlite3_errmsg(db_));
    if ((code & 0xff) == SQLITE_NOTADB)
        throw Error(Error::Kind::Storage,
                    StoreText::tr("'%1' is not a Forkscope store (not an SQLite database); expected a "
                                  "store file made by Forkscope or a path for a new one")
                        .arg(path_));
    throw Error(Error::Kind::Storage,
                StoreText::tr("store '%1': %2 failed: %3").arg(path_, QString::fromUtf8(during), msg));
}

void SqliteDb::exec(std::string_view sql)
{
    const std::string s(sql);
    char *err = nullptr;
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        sqlite3_free(err);
        fail(s.c_str());
    }
}

Statement SqliteDb::prepare(std::string_view sql)
{
    std::string key(sql);
    auto found = cache_.find(key);
    if (found != cache_.end() && !found->second.inUse) {
        found->second.inUse = true;
        return Statement(*this, found->second.stmt, &found->second.inUse);
    }
    const bool cache = found == cache_.end() && cache_.size() < kMaxCachedStatements;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), int(sql.size()), cache ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr) !=
        SQLITE_OK)
        fail(key.c_str());
    if (!cache || !stmt) // !stmt: only whitespace or a comment
        return Statement(*this, stmt);
    Cached &c = cache_.emplace(std::move(key), Cached{stmt, true}).first->second;
    return Statement(*this, stmt, &c.inUse);
}

qint64 SqliteDb::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(db_);
}

int SqliteDb::changes() const
{
    return sqlite3_changes(db_);
}

Statement::Statement(Statement &&other) noexcept : db_(other.db_), stmt_(other.stmt_), lent_(other.lent_)
{
    other.stmt_ = nullptr;
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        release();
        db_ = other.db_;
        stmt_ = other.stmt_;
        lent_ = other.lent_;
        other.stmt_ = nullptr;
    }
    return *this;
}

Statement::~Statement()
{
    release();
}

void Statement::release()
{
    if (!stmt_)
        return;
    if (lent_) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        *lent_ = false;
    } else {
        sqlite3_finalize(stmt_);
    }
    stmt_ = nullptr;
}

Statement &Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    if (std::isnan(value))
        sqlite3_bind_null(stmt_, index);
    else
        sqlite3_bind_double(stmt_, index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(stmt_, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, std::string_view value)
{
    sqlite3_bind_text(stmt_, index, value.data(), int(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindBlob(int index, const void *data, int size)
{
    sqlite3_bind_blob(stmt_, index, data, size, SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(stmt_, index);
    return *this;
}

Statement &Statement::bindOptional(int index, const std::optional<qint64> &value)
{
    return value ? bind(index, *value) : bindNull(index);
}

bool Statement::step()
{
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const std::string sql = sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "statement";
    sqlite3_reset(stmt_);
    db_->fail(sql.c_str());
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const
{
    return isNull(column) ? std::nan("") : sqlite3_column_double(stmt_, column);
}

QString Statement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(stmt_, column));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(stmt_, column)) : QString();
}

std::string Statement::stdText(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(stmt_, column));
    return p ? std::string(p, size_t(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::string_view Statement::blob(int column) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(stmt_, column));
    return p ? std::string_view(p, size_t(sqlite3_column_bytes(stmt_, column))) : std::string_view();
}

std::optional<qint64> Statement::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

WriteTransaction::WriteTransaction(SqliteDb &db) : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0)
{
    db_.exec(nested_ ? "SAVEPOINT fs_nested" : "BEGIN IMMEDIATE");
}

WriteTransaction::~WriteTransaction()
{
    if (done_)
        return;
    if (nested_)
        sqlite3_exec(db_.handle(), "ROLLBACK TO fs_nested; RELEASE fs_nested", nullptr, nullptr, nullptr);
    else
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void WriteTransaction::commit()
{
    db_.exec(nested_ ? "RELEASE fs_nested" : "COMMIT");
    done_ = true;
}

ReadTransaction::ReadTransaction(SqliteDb &db) : db_(db), open_(sqlite3_get_autocommit(db.handle()) != 0)
{
    if (open_)
        db_.exec("BEGIN");
}

ReadTransaction::~ReadTransaction()
{
    // Nothing was written: ending it either way only drops the snapshot.
    if (open_ && sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

} // namespace forkscope
