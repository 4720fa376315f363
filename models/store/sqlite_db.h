#pragma once

#include <QByteArray>
#include <QString>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace forkscope {

class Statement;

// One SQLite connection, owned by one thread at a time. Thin RAII over the C
// API: the store needs BEGIN IMMEDIATE, a busy handler and blob binding
// without copies, and the logging client must work in programs that have no
// QCoreApplication (Qt SQL's driver plugins need one).
class SqliteDb {
public:
    // ReadOnly never writes the database; Immutable also takes no locks and
    // needs no -shm file (SQLite's immutable=1), for a store in a folder that
    // cannot be written, where nobody else can be writing either.
    enum class Open { ReadWrite, ReadOnly, Immutable };
    explicit SqliteDb(const QString &path, Open mode = Open::ReadWrite);
    ~SqliteDb();
    SqliteDb(const SqliteDb &) = delete;
    SqliteDb &operator=(const SqliteDb &) = delete;

    void exec(std::string_view sql);
    // Prepared statements are kept per SQL text and lent out again once the
    // previous borrower is done: the chart read path runs the same few
    // statements thousands of times per second and parsing them cost more
    // than running them. A statement still in use is not shared; the
    // caller gets a fresh one.
    Statement prepare(std::string_view sql);
    qint64 lastInsertRowId() const;
    int changes() const;
    QString path() const { return path_; }
    sqlite3 *handle() const { return db_; }

    // Throws forkscope::Error(Storage) for the connection's last error.
    [[noreturn]] void fail(const char *during) const;

private:
    struct Cached {
        sqlite3_stmt *stmt = nullptr;
        bool inUse = false;
    };
    sqlite3 *db_ = nullptr;
    QString path_;
    std::unordered_map<std::string, Cached> cache_;
};

// A prepared statement; bind indexes start at 1.
class Statement {
public:
    // `lent`: the cache's in-use flag when the statement is borrowed from
    // SqliteDb's cache (reset and handed back, not finalized, when done).
    Statement(SqliteDb &db, sqlite3_stmt *stmt, bool *lent = nullptr) : db_(&db), stmt_(stmt), lent_(lent) {}
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    ~Statement();

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, double value); // NaN binds as NULL (SQLite has no NaN)
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, std::string_view value);
    Statement &bindBlob(int index, const void *data, int size);
    Statement &bindNull(int index);
    Statement &bindOptional(int index, const std::optional<qint64> &value);

    bool step(); // true while a row is available
    void run();  // step() to completion, for statements without rows
    void reset();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    double real(int column) const; // NULL reads as NaN
    QString text(int column) const;
    std::string stdText(int column) const;
    std::string_view blob(int column) const; // valid until the next step()/reset()
    std::optional<qint64> optionalInt64(int column) const;

private:
    void release();

    SqliteDb *db_;
    sqlite3_stmt *stmt_;
    bool *lent_ = nullptr;
};

// BEGIN IMMEDIATE: takes the write lock up front, so two writers wait on the
// busy handler instead of deadlocking on a read-to-write upgrade. Inside
// another transaction it becomes a savepoint, so operations that are atomic
// on their own (createRun, a flush) compose into a larger atomic unit (one
// imported run).
class WriteTransaction {
public:
    explicit WriteTransaction(SqliteDb &db);
    ~WriteTransaction();
    void commit();

private:
    SqliteDb &db_;
    bool nested_ = false;
    bool done_ = false;
};

// A read snapshot: every statement until the end of the scope sees the
// same committed state (a chart query reads a run's chunk index and then
// its chunks; a writer committing in between must not tear the picture),
// and the shared lock is taken once instead of once per statement. Inside
// another transaction it does nothing.
class ReadTransaction {
public:
    explicit ReadTransaction(SqliteDb &db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction &) = delete;
    ReadTransaction &operator=(const ReadTransaction &) = delete;

private:
    SqliteDb &db_;
    bool open_ = false;
};

} // namespace forkscope
