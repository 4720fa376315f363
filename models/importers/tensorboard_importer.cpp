#include "importers/tensorboard_importer.h"

#include <algorithm>
#include <map>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include "core/error.h"
#include "importers/import_resume.h"
#include "importers/importer_text.h"
#include "importers/mapped_file.h"
#include "importers/tensorboard_event_decoder.h"

namespace forkscope {

namespace {

// events.out.tfevents.<unix seconds>.<host>[...]: write order is the number.
qint64 fileTimestamp(const QString &fileName)
{
    return fileName.section(QLatin1Char('.'), 3, 3).toLongLong();
}

ImportedRun readRunFiles(const QStringList &files)
{
    ImportedRun run;
    TensorBoardRunBuilder builder(run);
    for (const QString &f : files) {
        try {
            MappedFile file(f);
            builder.addFile(file.data(), f);
        } catch (const Error &e) {
            addWarning(run, e.message());
        }
    }
    builder.finish();
    return run;
}

// The events the files gained since the last read: the run with only the
// rows read now. A file that shrank or was replaced reads the run again.
ImportedRun readRunFiles(const QString &sourcePath, const QStringList &files, ImportResume &resume)
{
    TensorBoardTail &tail = resume.tensorBoardRuns[sourcePath];
    tail.run.warnings.clear();
    tail.run.tailWarnings.clear();
    tail.run.warningsLeftOut = 0;
    tail.builder->startPass();
    for (const QString &f : files) {
        try {
            MappedFile file(f);
            const bool known = tail.files.count(f) > 0;
            FileMark &mark = tail.files[f];
            bool restarted = false;
            resume.unread(file.data(), f, mark, &restarted);
            if (restarted && known) { // shrank or replaced: the run is read again from the start
                resume.tensorBoardRuns.erase(sourcePath);
                return readRunFiles(sourcePath, files, resume);
            }
            mark.offset = tail.builder->addFile(file.data(), f, std::size_t(mark.offset));
        } catch (const Error &e) {
            addWarning(tail.run, e.message());
        }
    }
    tail.builder->finish();
    std::vector<ImportedRow> rows;
    rows.swap(tail.run.rows);
    ImportedRun run = tail.run;
    run.rows = std::move(rows);
    return run;
}

} // namespace

bool isTensorBoardEventFile(const QString &fileName)
{
    return fileName.startsWith(QLatin1String("events.out.tfevents."));
}

QStringList findTensorBoardEventFiles(const QString &logDir)
{
    const QFileInfo root(logDir);
    if (root.isFile())
        return isTensorBoardEventFile(root.fileName()) ? QStringList{root.absoluteFilePath()} : QStringList{};
    QStringList files;
    QDirIterator it(root.absoluteFilePath(), {QStringLiteral("events.out.tfevents.*")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    std::sort(files.begin(), files.end(), [](const QString &a, const QString &b) {
        const QFileInfo fa(a), fb(b);
        if (fa.path() != fb.path())
            return fa.path() < fb.path();
        const qint64 ta = fileTimestamp(fa.fileName()), tb = fileTimestamp(fb.fileName());
        return ta != tb ? ta < tb : fa.fileName() < fb.fileName();
    });
    return files;
}

ImportBatch importTensorBoardDir(const QString &logDir, ImportResume *resume)
{
    const QFileInfo root(logDir);
    if (!root.exists())
        throw Error(Error::Kind::NotFound,
                    ImporterText::tr("%1 does not exist; expected a TensorBoard log folder").arg(logDir));
    const QStringList files = findTensorBoardEventFiles(logDir);
    if (files.isEmpty())
        throw Error(Error::Kind::Format,
                    ImporterText::tr("%1 holds no TensorBoard event files; expected files named events.out.tfevents.*")
                        .arg(logDir));

    const QDir rootDir = root.isDir() ? QDir(root.absoluteFilePath()) : root.absoluteDir();
    std::map<QString, QStringList> byFolder; // relative folder -> its files, in order
    for (const QString &f : files)
        byFolder[rootDir.relativeFilePath(QFileInfo(f).path())] << f;

    ImportBatch batch;
    for (const auto &[relative, folderFiles] : byFolder) {
        const QString sourcePath = relative == QLatin1String(".") ? rootDir.path() : rootDir.filePath(relative);
        ImportedRun run = resume ? readRunFiles(sourcePath, folderFiles, *resume) : readRunFiles(folderFiles);
        run.format = QStringLiteral("tensorboard");
        run.sourcePath = sourcePath;
        run.name = relative == QLatin1String(".") ? rootDir.dirName() : relative;
        run.project = rootDir.dirName();
        if (run.recordCounts[QStringLiteral("events")] == 0) {
            // Not one record could be read: no empty run, but why.
            ++batch.skippedRuns;
            const int fileCount = int(folderFiles.size());
            QString why = ImporterText::tr("the files are empty");
            if (!run.warnings.isEmpty())
                why = run.warnings.join(QStringLiteral("; "));
            batch.warnings << QCoreApplication::translate(
                                  "forkscope::Importers",
                                  "%1 skipped: its %n event file(s) hold no readable record (%2)", nullptr, fileCount)
                                  .arg(run.sourcePath, why);
            continue;
        }
        batch.runs.push_back(std::move(run));
    }
    return batch;
}

} // namespace forkscope
