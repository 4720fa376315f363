#include "importers/imported_checkpoints.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <set>

#include "core/error.h"
#include "importers/importer_text.h"
#include "store/checkpoint_file.h"
#include "store/store.h"

namespace forkscope {

namespace {

// The run's last step at `time`: the last row logged no later, else the
// last row (a model is saved once training is done).
qint64 stepAt(const ImportedRun &run, const QDateTime &time, std::optional<qint64> storedLast)
{
    std::optional<qint64> atTime;
    std::optional<qint64> last = storedLast;
    const double seconds = time.isValid() ? double(time.toMSecsSinceEpoch()) / 1000.0 : 0.0;
    for (const ImportedRow &row : run.rows) {
        last = last ? std::max(*last, row.step) : row.step;
        if (!time.isValid())
            continue;
        for (const auto &[key, value] : row.values) {
            if (key == "_timestamp" && value.is_number() && value.get<double>() <= seconds)
                atTime = row.step;
        }
    }
    return atTime ? *atTime : last.value_or(0);
}

} // namespace

qint64 writeImportedCheckpoints(Store &store, qint64 runKey, const ImportedRun &run, QStringList &warnings)
{
    if (run.checkpoints.empty())
        return 0;
    std::set<QString> known;
    for (const Checkpoint &c : store.checkpoints(runKey)) {
        if (c.runKey == runKey)
            known.insert(c.path);
    }
    const auto storedLast = store.runInfo(runKey).ownLastStep;
    qint64 added = 0;
    for (const ImportedCheckpoint &imported : run.checkpoints) {
        if (known.count(imported.path))
            continue;
        const qint64 step = imported.step ? *imported.step : stepAt(run, imported.time, storedLast);
        NewCheckpoint c;
        // A file that is here gets its size and hash, as a client registers it.
        if (!isRemoteCheckpointUri(imported.path) && QFileInfo(imported.path).isFile()) {
            try {
                c = describeCheckpointFile(imported.path, step, imported.metadata);
            } catch (const Error &e) {
                warnings << e.message();
            }
        }
        c.step = step;
        c.path = c.path.isEmpty() ? imported.path : c.path;
        c.metadata = imported.metadata;
        c.createdAt = imported.time;
        try {
            store.addCheckpoint(runKey, c);
            known.insert(imported.path);
            ++added;
        } catch (const Error &e) {
            if (e.kind() == Error::Kind::Storage)
                throw;
            warnings << ImporterText::tr("%1: the checkpoint %2 is left out: %3")
                            .arg(run.sourcePath, imported.path, e.message());
        }
    }
    return added;
}

} // namespace forkscope
