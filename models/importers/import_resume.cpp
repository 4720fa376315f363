#include "importers/import_resume.h"

#include <iterator>
#include <utility>

#include <sys/stat.h>

#include "importers/tensorboard_event_decoder.h"
#include "importers/wandb_record_decoder.h"

namespace forkscope {

namespace {

quint64 inodeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? quint64(st.st_ino) : 0;
}

bool isUnder(const QString &file, const QString &source)
{
    return file == source || (file.startsWith(source) && file.at(source.size()) == QLatin1Char('/'));
}

template <typename Map> void forgetUnder(Map &map, const QString &source)
{
    for (auto it = map.begin(); it != map.end();)
        it = isUnder(it->first, source) ? map.erase(it) : std::next(it);
}

} // namespace

WandbLogTail::WandbLogTail() : decoder(std::make_unique<WandbRecordDecoder>(run)) {}
WandbLogTail::~WandbLogTail() = default;

TensorBoardTail::TensorBoardTail() : builder(std::make_unique<TensorBoardRunBuilder>(run)) {}
TensorBoardTail::~TensorBoardTail() = default;

qint64 ImportResume::takeBytesRead()
{
    return std::exchange(bytesRead_, 0);
}

void ImportResume::forget(const QString &source)
{
    forgetUnder(wandbLogs, source);
    forgetUnder(historyJsonl, source);
    forgetUnder(tensorBoardRuns, source);
    forgetUnder(mlflowMetrics, source);
}

void ImportResume::clear()
{
    wandbLogs.clear();
    historyJsonl.clear();
    tensorBoardRuns.clear();
    mlflowMetrics.clear();
}

std::string_view ImportResume::unread(std::string_view whole, const QString &path, FileMark &mark, bool *restarted)
{
    const quint64 inode = inodeOf(path);
    const qint64 size = qint64(whole.size());
    const bool replaced = size < mark.size || size < mark.offset || (mark.inode != 0 && inode != mark.inode);
    if (replaced)
        mark = FileMark();
    if (restarted)
        *restarted = replaced;
    mark.size = size;
    mark.inode = inode;
    bytesRead_ += size - mark.offset;
    return whole.substr(std::size_t(mark.offset));
}

} // namespace forkscope
