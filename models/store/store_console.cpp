// The console output of processes Forkscope started for a run: appended in
// arrival order, read back from a sequence number on (a live view polls for
// what came after the last chunk it showed).
#include "store/store.h"

#include "core/error.h"
#include "store/sqlite_db.h"
#include "store/store_rows.h"
#include "store/store_text.h"

namespace forkscope {

using namespace store_rows;

qint64 Store::appendConsole(qint64 runKey, ConsoleStream stream, const QDateTime &time, const QString &text)
{
    if (stream != ConsoleStream::Stdout && stream != ConsoleStream::Stderr)
        throw Error(
            Error::Kind::BadInput,
            StoreText::tr("console stream %1: expected 1 (standard output) or 2 (standard error)").arg(int(stream)));
    if (!time.isValid())
        throw Error(
            Error::Kind::BadInput,
            StoreText::tr("console output of run key %1 has no valid time; expected the time it arrived").arg(runKey));
    if (text.isEmpty())
        throw Error(
            Error::Kind::BadInput,
            StoreText::tr("console output of run key %1 is empty; expected at least one character").arg(runKey));
    WriteTransaction tx(*db_);
    runInfo(runKey); // NotFound for a run that is gone
    // One writer at a time holds the transaction, so max + 1 is unique and
    // increasing even with several processes appending.
    auto next = db_->prepare("SELECT coalesce(max(seq), 0) + 1 FROM console_output WHERE run = ?1");
    next.bind(1, runKey);
    next.step();
    const qint64 seq = next.int64(0);
    next.reset();
    auto ins = db_->prepare("INSERT INTO console_output (run, seq, stream, time_ms, text) VALUES (?1, ?2, ?3, ?4, ?5)");
    ins.bind(1, runKey).bind(2, seq).bind(3, int(stream)).bind(4, time.toMSecsSinceEpoch()).bind(5, text).run();
    tx.commit();
    return seq;
}

std::vector<ConsoleChunk> Store::console(qint64 runKey, qint64 afterSeq)
{
    ReadTransaction tx(*db_);
    runInfo(runKey);
    auto st =
        db_->prepare("SELECT seq, stream, time_ms, text FROM console_output WHERE run = ?1 AND seq > ?2 ORDER BY seq");
    st.bind(1, runKey).bind(2, afterSeq);
    std::vector<ConsoleChunk> chunks;
    while (st.step()) {
        ConsoleChunk c;
        c.seq = st.int64(0);
        c.stream = st.int64(1) == int(ConsoleStream::Stderr) ? ConsoleStream::Stderr : ConsoleStream::Stdout;
        c.time = fromMs(st.int64(2));
        c.text = st.text(3);
        chunks.push_back(std::move(c));
    }
    return chunks;
}

RunInfo Store::recordProcessEnd(qint64 runKey, ProcessEnd end, int exitCode)
{
    WriteTransaction tx(*db_);
    // The stored state, not the one read through the heartbeat timeout: a
    // run the process's client had claimed still reads running here.
    const RunState stored = runInfo(runKey).storedState;
    const bool endedByClient =
        stored == RunState::Finished || stored == RunState::Failed || stored == RunState::Crashed;
    if (!endedByClient) {
        if (end == ProcessEnd::Exited)
            setState(runKey, exitCode == 0 ? RunState::Finished : RunState::Failed, exitCode);
        else
            setState(runKey, RunState::Crashed);
    } else if (stored == RunState::Finished && end == ProcessEnd::Exited && exitCode != 0) {
        // finish() ran, then the program failed (an exception after it).
        setState(runKey, RunState::Failed, exitCode);
    }
    auto release =
        db_->prepare("UPDATE runs SET writer_token = NULL, writer_pid = NULL, writer_host = NULL WHERE id = ?1");
    release.bind(1, runKey).run();
    tx.commit();
    return runInfo(runKey);
}

} // namespace forkscope
