#include "cli/cli_context.h"

#include <QFileInfo>

#include "cli/cli_tr.h"
#include "core/error.h"
#include "store/store.h"
#include "store/store_location.h"

namespace forkscope {

CliContext::CliContext(ParsedCommand parsed) : parsed_(std::move(parsed)) {}

CliContext::~CliContext() = default;

QString CliContext::storePath() const
{
    const QString given = parsed_.value(QStringLiteral("store"));
    if (parsed_.isSet(QStringLiteral("store")) && given.isEmpty())
        throw Error(Error::Kind::BadInput, Cli::tr("--store is empty; expected the path of a store file"));
    const QString path = given.isEmpty() ? defaultStorePath() : given;
    requireStoreFile(path);
    return path;
}

qint64 CliContext::heartbeatTimeoutMs() const
{
    const QByteArray text = qgetenv("FORKSCOPE_HEARTBEAT_TIMEOUT_MS");
    if (text.isEmpty())
        return 0;
    bool ok = false;
    const qint64 ms = text.toLongLong(&ok);
    if (!ok || ms <= 0)
        throw Error(Error::Kind::BadInput,
                    Cli::tr("FORKSCOPE_HEARTBEAT_TIMEOUT_MS is '%1'; expected a whole number of milliseconds > 0")
                        .arg(QString::fromLocal8Bit(text)));
    return ms;
}

Store &CliContext::store()
{
    if (!store_) {
        store_ = std::make_unique<Store>(storePath());
        if (const qint64 ms = heartbeatTimeoutMs())
            store_->setHeartbeatTimeoutMs(ms);
    }
    return *store_;
}

void CliContext::requireExisting() const
{
    if (!QFileInfo::exists(storePath()))
        throw Error(Error::Kind::NotFound,
                    Cli::tr("there is no store at '%1'; expected the path of an existing store file (runs are "
                            "added with 'forkscope-cli init', 'import' or 'demo')")
                        .arg(storePath()));
}

Store &CliContext::existingStore()
{
    const bool chosen = parsed_.isSet(QStringLiteral("store")) || !qEnvironmentVariableIsEmpty("FORKSCOPE_STORE");
    if (!store_ && chosen)
        requireExisting();
    return store();
}

Store &CliContext::readStore()
{
    if (!store_) {
        requireExisting();
        store_ = std::make_unique<Store>(storePath(), StoreAccess::ReadOnly);
        if (const qint64 ms = heartbeatTimeoutMs())
            store_->setHeartbeatTimeoutMs(ms);
    }
    return *store_;
}

RunInfo CliContext::resolveRun(int index)
{
    return (store_ ? *store_ : existingStore())
        .resolve(parsed_.positionals.value(index), parsed_.value(QStringLiteral("project")),
                 parsed_.value(QStringLiteral("entity")));
}

} // namespace forkscope
