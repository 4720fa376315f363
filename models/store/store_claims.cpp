// One live writer per run: the claim, its heartbeat and the refusals.
#include <QCoreApplication>

#include "core/error.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "store/store_text.h"

namespace forkscope {

void Store::requireNoLiveWriter(const RunInfo &run, const QString &refused)
{
    if (!run.isBeingLogged())
        return;
    const QString process = run.writer
                                ? StoreText::tr("process %1 on host %2").arg(run.writer->pid).arg(run.writer->host)
                                : StoreText::tr("another process (it did not record which)");
    throw Error(Error::Kind::Conflict,
                StoreText::tr("%1: run '%2' is being logged by %3 (last heartbeat %4). Wait until it finishes; if that "
                              "process has died, its claim expires %5 s after its last heartbeat and the run reads as "
                              "crashed")
                    .arg(refused, run.runId, process, run.heartbeatAt.toString(Qt::ISODateWithMs))
                    .arg(double(heartbeatTimeoutMs_) / 1000.0));
}

RunClaim Store::claimRun(qint64 runKey, const WriterIdentity &writer)
{
    // Check and claim in one write transaction: two writers that start at
    // the same moment queue on the write lock, and the second sees the
    // first one's claim.
    WriteTransaction tx(*db_);
    const RunInfo current = runInfo(runKey);
    if (current.archived)
        throw Error(Error::Kind::BadInput,
                    StoreText::tr("cannot log to %1: it is an archived version of run '%2' (cut off by a rewind at "
                                  "step %3) and stays as it was; log to run '%2', or fork the archived version")
                        .arg(current.immutableId, current.runId)
                        .arg(current.archived->rewindStep));
    requireNoLiveWriter(current, StoreText::tr("cannot log to run '%1'").arg(current.runId));
    auto st = db_->prepare("UPDATE runs SET state = ?2, exit_code = NULL, finished_ms = NULL, heartbeat_ms = ?3, "
                           "writer_token = ?4, writer_pid = ?5, writer_host = ?6 WHERE id = ?1");
    st.bind(1, runKey).bind(2, runStateName(RunState::Running)).bind(3, QDateTime::currentMSecsSinceEpoch());
    st.bind(4, writer.token).bind(5, writer.pid).bind(6, writer.host).run();
    tx.commit();
    return {runKey, current.runId, writer.token};
}

void Store::renewClaim(const RunClaim &claim)
{
    auto st = db_->prepare("UPDATE runs SET heartbeat_ms = ?3 WHERE id = ?1 AND writer_token = ?2 AND state = ?4");
    st.bind(1, claim.runKey).bind(2, claim.token).bind(3, QDateTime::currentMSecsSinceEpoch());
    st.bind(4, runStateName(RunState::Running)).run();
    if (db_->changes() == 0)
        throwLostClaim(claim);
}

void Store::releaseClaim(const RunClaim &claim, int exitCode)
{
    WriteTransaction tx(*db_);
    renewClaim(claim);
    setEnded(claim.runKey, exitCode);
    tx.commit();
}

void Store::endRun(qint64 runKey, int exitCode)
{
    WriteTransaction tx(*db_);
    const RunInfo current = runInfo(runKey);
    requireNoLiveWriter(current, StoreText::tr("cannot finish run '%1'").arg(current.runId));
    setEnded(runKey, exitCode);
    tx.commit();
}

void Store::setEnded(qint64 runKey, int exitCode)
{
    setState(runKey, exitCode == 0 ? RunState::Finished : RunState::Failed, exitCode);
    auto st = db_->prepare("UPDATE runs SET writer_token = NULL, writer_pid = NULL, writer_host = NULL WHERE id = ?1");
    st.bind(1, runKey).run();
}

void Store::throwLostClaim(const RunClaim &claim)
{
    auto st = db_->prepare("SELECT state, writer_token, writer_pid, writer_host, run_id FROM runs WHERE id = ?1");
    st.bind(1, claim.runKey);
    // SQLite may give a deleted run's key to the next new run.
    if (!st.step() || st.text(4) != claim.runId)
        throw Error(
            Error::Kind::Conflict,
            StoreText::tr("run '%1' was deleted while this process was logging it; this process stopped logging, and "
                          "nothing after its last flush was written")
                .arg(claim.runId));
    if (!st.isNull(1))
        throw Error(
            Error::Kind::Conflict,
            StoreText::tr("run '%1' was taken over by process %2 on host %3: this process's heartbeat was older than "
                          "%4 s, so the run was taken for crashed. This process stopped logging to it")
                .arg(claim.runId)
                .arg(st.int64(2))
                .arg(st.text(3))
                .arg(double(heartbeatTimeoutMs_) / 1000.0));
    throw Error(
        Error::Kind::Conflict,
        StoreText::tr("run '%1' was ended by another process (state %2) while this process was logging it; this "
                      "process stopped logging to it")
            .arg(claim.runId, st.text(0)));
}

} // namespace forkscope
