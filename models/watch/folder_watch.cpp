#include "watch/folder_watch.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDateTime>
#include <QDirIterator>
#include <QFileInfo>

#include "core/error.h"
#include "importers/format_detect.h"

namespace forkscope {

namespace {

// The translation context of this file's messages (lupdate reads it here).
struct FolderWatchText {
    Q_DECLARE_TR_FUNCTIONS(forkscope::FolderWatch)
};

bool isUnder(const QString &file, const QString &source)
{
    return file == source || (file.startsWith(source) && file.at(source.size()) == QLatin1Char('/'));
}

// A file that ends inside a record while it is watched is still being
// written: wait for the rest instead of calling it damage.
void waitForTail(ImportedRun &run)
{
    if (run.tailWarnings.isEmpty())
        return;
    for (const QString &w : run.tailWarnings)
        run.warnings.removeOne(w);
    if (run.state == QLatin1String("crashed"))
        run.state = run.format == QLatin1String("tensorboard") ? QStringLiteral("finished") : QStringLiteral("running");
}

} // namespace

bool WatchPass::changed() const
{
    for (const ImportOutcome &r : report.runs)
        if (r.status != ImportOutcome::Status::Unchanged)
            return true;
    return report.forksLinked > 0;
}

FolderWatch::FolderWatch(const QString &path, ImportOptions options)
    : path_(path), absolutePath_(QFileInfo(path).absoluteFilePath()), options_(std::move(options))
{
}

std::map<QString, FolderWatch::Stamp> FolderWatch::snapshot() const
{
    std::map<QString, Stamp> files;
    const auto stamp = [](const QFileInfo &info) {
        return Stamp{info.size(), info.lastModified().toMSecsSinceEpoch()};
    };
    const QFileInfo root(absolutePath_);
    if (root.isFile()) {
        files[absolutePath_] = stamp(root);
        return files;
    }
    QDirIterator it(absolutePath_, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        files[it.filePath()] = stamp(it.fileInfo());
    }
    return files;
}

void FolderWatch::keepNewWarnings(const QString &source, QStringList &warnings)
{
    QStringList fresh;
    for (const QString &w : warnings) {
        if (!reported_.contains(source + QLatin1Char('\n') + w)) {
            reported_.insert(source + QLatin1Char('\n') + w);
            fresh << w;
        }
    }
    warnings = fresh;
}

WatchPass FolderWatch::poll(Store &store)
{
    WatchPass pass;
    if (!QFileInfo::exists(absolutePath_)) {
        pass.error = FolderWatchText::tr("%1 does not exist; waiting for it to appear").arg(path_);
        return pass;
    }
    std::map<QString, Stamp> now = snapshot();
    QStringList changed;
    for (const auto &[file, stamp] : now) {
        const auto it = seen_.find(file);
        if (it == seen_.end() || !(it->second == stamp))
            changed << file;
    }
    if (changed.isEmpty())
        return pass;

    DetectedFormat detected;
    ImportBatch batch;
    try {
        detected = detectImportFormat(absolutePath_);
        pass.report.format = importFormatName(detected.format);
        batch = importDetected(detected, &resume_);
    } catch (const Error &e) {
        if (e.kind() == Error::Kind::BadInput)
            pass.waiting = true; // an empty folder training has not written to yet
        else
            pass.error = e.message();
        resume_.clear(); // rows read before the error were not stored: read every file again
        pass.bytesRead = resume_.takeBytesRead();
        seen_ = std::move(now); // look again when something changes
        return pass;
    }
    pass.bytesRead = resume_.takeBytesRead();

    for (ImportedRun &run : batch.runs) {
        const QString source = QFileInfo(run.sourcePath).absoluteFilePath();
        // Rows were read, so they are written even when the file grew after
        // the look above: the next read starts past them.
        if (run.rows.empty() &&
            std::none_of(changed.begin(), changed.end(), [&](const QString &f) { return isUnder(f, source); }))
            continue;
        waitForTail(run);
        ImportOutcome outcome = writeImportedRun(store, run, options_);
        keepNewWarnings(source, outcome.warnings);
        if (outcome.status == ImportOutcome::Status::Failed) {
            // Not marked as seen, and read again from byte 0: the next poll tries this run again.
            resume_.forget(source);
            resume_.forget(run.sourcePath);
            for (auto it = now.begin(); it != now.end();)
                it = isUnder(it->first, source) ? now.erase(it) : std::next(it);
        }
        pass.report.runs.push_back(std::move(outcome));
    }
    pass.report.skippedRuns = batch.skippedRuns;
    pass.report.warnings = batch.warnings;
    keepNewWarnings(QString(), pass.report.warnings);
    pass.report.forksLinked = linkPendingForks(store);
    for (auto &[file, stamp] : now)
        seen_[file] = stamp;
    return pass;
}

} // namespace forkscope
