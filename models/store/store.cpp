// Opening a store file, and reading a run row.
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <algorithm>
#include <cmath>
#include <map>

#include "core/error.h"
#include "core/exact_integer.h"
#include "core/plain_text.h"
#include "identity/display_name.h"
#include "identity/fork_spec.h"
#include "identity/immutable_id.h"
#include "identity/run_id.h"
#include "store/chunk_codec.h"
#include "store/damaged_chunk.h"
#include "store/schema.h"
#include "store/sqlite_db.h"
#include "store/store_location.h"
#include "store/store_rows.h"

namespace forkscope {

using namespace store_rows;

QString defaultStorePath()
{
    const QString fromEnv = qEnvironmentVariable("FORKSCOPE_STORE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base).filePath(QStringLiteral("forkscope/store.sqlite"));
}

QString storeReadOnlyReason(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isWritable())
        return StoreText::tr("the store file '%1' cannot be written").arg(path);
    QFileInfo folder(info.absolutePath());
    while (!folder.exists() && !folder.isRoot()) // a missing folder is made by the first write
        folder = QFileInfo(folder.absolutePath());
    if (!folder.isWritable())
        return StoreText::tr("the folder '%1' cannot be written").arg(folder.absoluteFilePath());
    return {};
}

namespace {

// Read-only opening: SQLite needs the -shm file to read a WAL store; where
// the folder cannot be written and there is none, open it immutable.
std::unique_ptr<SqliteDb> openForReading(const QString &path)
{
    auto db = std::make_unique<SqliteDb>(path, SqliteDb::Open::ReadOnly);
    try {
        checkReadableSchema(*db);
        return db;
    } catch (const Error &) {
        if (QFileInfo(QFileInfo(path).absolutePath()).isWritable())
            throw;
    }
    db = std::make_unique<SqliteDb>(path, SqliteDb::Open::Immutable);
    checkReadableSchema(*db);
    return db;
}

} // namespace

Store::Store(const QString &path, StoreAccess access) : access_(access)
{
    requireStoreFile(path);
    const QFileInfo info(path);
    if (info.exists() && info.isDir())
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("the store path '%1' is a folder; expected a store file such as '%1/store.sqlite'")
                        .arg(path));
    if (info.exists() && !info.isFile())
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("'%1' is not a Forkscope store: it is a device or another special "
                                  "file; expected a store file or a path for a new one")
                        .arg(path));
    if (access == StoreAccess::ReadOnly) {
        if (!info.exists())
            throw Error(
                Error::Kind::NotFound,
                StoreText::tr("there is no store at '%1'; expected the path of an existing store file").arg(path));
        if (info.size() == 0)
            throw Error(
                Error::Kind::Storage,
                StoreText::tr("'%1' is not a Forkscope store: it is empty (0 bytes); it was left untouched").arg(path));
        db_ = openForReading(path);
        return;
    }
    if (!info.exists() && !QDir().mkpath(info.absolutePath()))
        throw Error(Error::Kind::Storage, StoreText::tr("cannot create the folder for the store '%1'").arg(path));
    db_ = std::make_unique<SqliteDb>(path);
    db_->exec("PRAGMA synchronous=NORMAL");
    db_->exec("PRAGMA foreign_keys=ON");
    // First make sure the file is ours (or new): nothing is written to a
    // foreign or newer store, not even the journal mode.
    migrateSchema(*db_);
    // journal_mode=WAL is persistent; setting it needs a moment of exclusive
    // access, so only ask when the store is not in WAL yet.
    auto st = db_->prepare("PRAGMA journal_mode");
    const bool wal = st.step() && st.text(0).compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0;
    st.reset();
    if (!wal)
        db_->exec("PRAGMA journal_mode=WAL");
}

Store::~Store() = default;

QString Store::path() const
{
    return db_->path();
}

SqliteDb &Store::db()
{
    return *db_;
}

RunInfo Store::readRun(Statement &st)
{
    RunInfo r;
    r.key = st.int64(0);
    r.projectKey = st.int64(1);
    r.immutableId = st.text(2);
    r.runId = st.text(3);
    r.name = st.text(4);
    r.entity = st.text(5);
    r.project = st.text(6);
    r.storedState = parseRunState(st.text(7)).value_or(RunState::Pending);
    r.createdAt = fromMs(st.int64(8));
    r.heartbeatAt = fromMs(st.optionalInt64(9));
    r.finishedAt = fromMs(st.optionalInt64(10));
    if (!st.isNull(11))
        r.exitCode = int(st.int64(11));
    if (!st.isNull(12)) {
        r.fork = ForkLink{st.text(12), st.text(13), st.text(14), st.int64(15), st.int64(16) != 0};
    }
    const QString where = StoreText::tr("run %1").arg(r.runId);
    r.config = parseJson(st.stdText(17), where);
    r.summary = parseJson(st.stdText(18), where);
    r.metadata = parseJson(st.stdText(19), where);
    r.notes = st.text(20);
    r.tags = jsonToStringList(parseJson(st.stdText(21), where));
    r.ownFirstStep = st.optionalInt64(22);
    r.ownLastStep = st.optionalInt64(23);
    if (!st.isNull(24))
        r.writer = WriterIdentity{st.text(24), st.int64(25), st.text(26)};
    if (!st.isNull(27))
        r.rewind = RewindLink{st.text(27), st.int64(28)};
    if (!st.isNull(29))
        r.archived = ArchivedVersion{st.int64(29), st.int64(30), fromMs(st.optionalInt64(31))};
    r.state = r.storedState;
    if (r.storedState == RunState::Running) {
        const QDateTime beat = r.heartbeatAt.isValid() ? r.heartbeatAt : r.createdAt;
        if (beat.msecsTo(QDateTime::currentDateTimeUtc()) > heartbeatTimeoutMs_)
            r.state = RunState::Crashed;
    }
    return r;
}

} // namespace forkscope
