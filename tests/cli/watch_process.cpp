#include "cli/watch_process.h"

#include <QThread>
#include <csignal>

#include "store/store.h"

namespace forkscope::test {

WatchProcess::WatchProcess(const QString &store, const QString &path)
{
    process_.start(QStringLiteral(FORKSCOPE_CLI_PATH), {QStringLiteral("--store"), store, QStringLiteral("import"),
                                                        path, QStringLiteral("--watch"), QStringLiteral("--json")});
    started_ = process_.waitForStarted(30000);
}

WatchProcess::~WatchProcess()
{
    if (running()) {
        process_.kill();
        process_.waitForFinished(30000);
    }
}

void WatchProcess::drain()
{
    process_.waitForReadyRead(0);
    out_ += process_.readAllStandardOutput();
    err_ += QString::fromUtf8(process_.readAllStandardError());
}

int WatchProcess::stop(int signal)
{
    if (!running())
        return -1;
    ::kill(pid_t(process_.processId()), signal);
    const bool finished = process_.waitForFinished(30000);
    drain();
    if (!finished || process_.exitStatus() != QProcess::NormalExit)
        return -1;
    return process_.exitCode();
}

std::vector<Json> WatchProcess::lines()
{
    drain();
    std::vector<Json> out;
    for (const QByteArray &line : out_.split('\n'))
        if (!line.trimmed().isEmpty())
            out.push_back(parseJson(line.toStdString(), QStringLiteral("watch output")));
    return out;
}

qint64 waitForStore(Store &store, WatchProcess &watch, const std::function<bool(Store &)> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        if (done(store))
            return timer.elapsed();
        if (timer.elapsed() > timeoutMs || !watch.running())
            return -1;
        watch.drain();
        QThread::msleep(20); // the poll interval of this wait, not a synchronisation
    }
}

std::vector<std::pair<qint64, double>> seriesOf(Store &store, const QString &name, const QString &key)
{
    std::vector<std::pair<qint64, double>> out;
    for (const RunInfo &r : allRuns(store)) {
        if (r.name != name)
            continue;
        for (const Point &p : store.readSeries(r.key, key))
            out.emplace_back(p.step, p.value);
    }
    return out;
}

} // namespace forkscope::test
