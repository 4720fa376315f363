#pragma once

// The state behind forkscope::Run: its buffers and the writer thread that
// empties them into the store. Private to models/client (run.cpp, the
// logging side; run_init.cpp, how a run is started or attached).
#include <QCoreApplication>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <variant>

#include "client/run.h"
#include "core/error.h"
#include "core/exact_integer.h"
#include "core/json_limits.h"
#include "core/run_environment.h"
#include "core/step_rule.h"
#include "store/history_writer.h"
#include "store/store.h"

namespace forkscope {

namespace run_detail {

// The translation context of the client's messages (lupdate reads it here).
struct RunText {
    Q_DECLARE_TR_FUNCTIONS(forkscope::Run)
};

constexpr auto kFlushInterval = std::chrono::milliseconds(1000);
// The logging thread wakes the writer early past this many buffered points,
// and waits (back-pressure) past kMaxBuffered.
constexpr size_t kEagerFlushPoints = 1 << 18;
constexpr size_t kMaxBuffered = 1 << 22;

inline double unixSeconds()
{
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

struct TransparentHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Number {
    double value;
    bool integral; // logged as a JSON integer within +/-2^53
};
using Value = std::variant<Number, std::string>; // number, or JSON text

struct BufferedPoint {
    int key;
    qint64 step;
    Number number;
};
struct BufferedText {
    int key;
    qint64 step;
    std::string json;
};

struct Batch {
    std::vector<BufferedPoint> points;
    std::vector<BufferedText> texts;
    std::vector<std::pair<std::string, Json>> userSummary;
    size_t size() const { return points.size() + texts.size(); }
};

} // namespace run_detail

using namespace run_detail;

struct Run::Impl {
    std::unique_ptr<Store> store;   // the writer thread's while it runs
    std::unique_ptr<Store> control; // the logging thread's: rename, config, summary
    RunInfo info;
    RunClaim claim;
    double startedUnix = 0;

    // Logging thread only.
    qint64 step = 0;
    std::optional<qint64> lastCommittedStep; // the default step of a checkpoint
    std::vector<std::pair<int, Value>> pending;
    std::vector<int> pendingSlot; // per key: index+1 into `pending`, 0 if absent
    std::unordered_map<std::string, int, TransparentHash, std::equal_to<>> keyIndex;
    std::vector<bool> warnedInexact; // per key
    int runtimeKey = -1;
    int timestampKey = -1;
    bool finished = false;

    // Shared with the writer thread.
    std::mutex mutex;
    std::condition_variable wake;    // writer: data or stop
    std::condition_variable drained; // logger: room in the buffer
    Batch batch;
    std::vector<std::string> keyNames;
    bool stop = false;
    bool flushRequested = false;
    qint64 swaps = 0;       // batches taken by the writer
    qint64 flushesDone = 0; // batches written (or failed)
    QString writerError;
    Error::Kind writerErrorKind = Error::Kind::Storage;
    QStringList warnings;
    std::function<void(const QString &)> warningSink;
    std::thread writer;

    Store &controlStore();

    int key(std::string_view name)
    {
        if (auto it = keyIndex.find(name); it != keyIndex.end())
            return it->second;
        const int index = int(keyIndex.size());
        keyIndex.emplace(std::string(name), index);
        pendingSlot.push_back(0);
        std::lock_guard lock(mutex);
        keyNames.emplace_back(name);
        return index;
    }

    void set(int k, Value v)
    {
        int &slot = pendingSlot[size_t(k)];
        if (slot)
            pending[size_t(slot - 1)].second = std::move(v);
        else {
            pending.emplace_back(k, std::move(v));
            slot = int(pending.size());
        }
    }

    void warn(const QString &message)
    {
        std::function<void(const QString &)> sink;
        {
            std::lock_guard lock(mutex);
            warnings << message;
            sink = warningSink;
        }
        if (sink)
            sink(message);
        else
            qWarning("%s", qPrintable(message));
    }

    // Once per key: an integer beyond +/-2^53 is stored as the nearest double.
    void warnInexact(int k, const Json &value)
    {
        if (size_t(k) >= warnedInexact.size())
            warnedInexact.resize(size_t(k) + 1);
        if (warnedInexact[size_t(k)])
            return;
        warnedInexact[size_t(k)] = true;
        warn(RunText::tr(
                 "\"%1\" is %2, an integer beyond +/-2^53 that cannot be stored exactly; it is stored as %3 (the "
                 "nearest double), and so are later such values of this key")
                 .arg(QString::fromStdString(keyNames[size_t(k)]), QString::fromStdString(value.dump()),
                      QString::number(value.get<double>(), 'f', 0)));
    }

    void throwIfWriterFailed()
    {
        std::lock_guard lock(mutex);
        if (!writerError.isEmpty())
            throw Error(writerErrorKind, writerError);
    }

    // Writes the pending row at the current step (with _runtime and
    // _timestamp, as W&B rows have) and empties it.
    void commitPending()
    {
        const double now = unixSeconds();
        if (!pendingSlot[size_t(runtimeKey)])
            set(runtimeKey, Number{now - startedUnix, false});
        if (!pendingSlot[size_t(timestampKey)])
            set(timestampKey, Number{now, false});
        std::unique_lock lock(mutex);
        drained.wait(lock, [&] { return batch.size() < kMaxBuffered || stop || !writerError.isEmpty(); });
        for (auto &[k, v] : pending) {
            if (auto *n = std::get_if<Number>(&v))
                batch.points.push_back({k, step, *n});
            else
                batch.texts.push_back({k, step, std::move(std::get<std::string>(v))});
            pendingSlot[size_t(k)] = 0;
        }
        pending.clear();
        lastCommittedStep = step;
        if (batch.size() >= kEagerFlushPoints)
            wake.notify_one();
    }

    // The step rule (core/step_rule.h) for an explicit step, and for the
    // current step that a row without one lands on.
    void requireValidStep(std::optional<qint64> target) const
    {
        if (target && !isValidStep(*target))
            throw Error(Error::Kind::BadInput, badStepText(QString::number(*target)));
        if (!target && step > kMaxStep)
            throw Error(Error::Kind::BadInput,
                        RunText::tr("the run's next step would be %1, past the last valid step; %2")
                            .arg(step)
                            .arg(stepRuleText()));
    }

    // W&B's step rules. Returns false when the data must be dropped.
    bool advanceTo(std::optional<qint64> target, std::optional<bool> commit, bool *doCommit)
    {
        if (!target) {
            *doCommit = commit.value_or(true);
            return true;
        }
        if (*target < step) {
            warn(RunText::tr("step %1 < current step %2: steps must increase monotonically; the data logged at step %1 "
                             "was dropped")
                     .arg(*target)
                     .arg(step));
            return false;
        }
        if (*target > step) {
            if (!pending.empty())
                commitPending();
            step = *target;
        }
        *doCommit = commit.value_or(false);
        return true;
    }

    void writerLoop(HistoryWriter &historyWriter)
    {
        std::vector<int> handles;
        // Two batches take turns: the one just written goes back to the
        // logging thread emptied but with its capacity, so log() does not
        // grow (copy) a vector of millions of points while it holds the lock.
        Batch work;
        for (;;) {
            std::vector<std::string> names;
            bool stopping;
            {
                std::unique_lock lock(mutex);
                wake.wait_for(lock, kFlushInterval,
                              [&] { return stop || flushRequested || batch.size() >= kEagerFlushPoints; });
                std::swap(work, batch);
                ++swaps;
                names = keyNames;
                stopping = stop;
                flushRequested = false;
            }
            drained.notify_all();
            try {
                for (size_t i = handles.size(); i < names.size(); ++i)
                    handles.push_back(historyWriter.keyHandle(names[i]));
                for (const auto &p : work.points)
                    historyWriter.addNumber(handles[size_t(p.key)], p.step, p.number.value, p.number.integral);
                for (auto &t : work.texts)
                    historyWriter.addText(handles[size_t(t.key)], t.step, std::move(t.json));
                for (const auto &[k, v] : work.userSummary)
                    historyWriter.setUserSummary(k, v);
                historyWriter.flush();
            } catch (const Error &e) {
                std::lock_guard lock(mutex);
                writerError = e.message();
                writerErrorKind = e.kind();
                // The claim is lost (run deleted, ended or taken over):
                // nothing more may be written, so stop for good.
                if (e.kind() == Error::Kind::Conflict)
                    stopping = true;
            }
            {
                std::lock_guard lock(mutex);
                ++flushesDone;
            }
            drained.notify_all();
            if (stopping)
                return;
            work.texts.clear();
            work.userSummary.clear();
            if (work.points.capacity() > 4 * kEagerFlushPoints)
                work.points = {}; // after back-pressure: give the memory back
            work.points.clear();
        }
    }
};

} // namespace forkscope
