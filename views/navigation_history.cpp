#include "views/navigation_history.h"

#include <algorithm>

namespace forkscope {

void NavigationHistory::record(qint64 runKey)
{
    if (index_ >= 0 && runs_[size_t(index_)] == runKey)
        return;
    runs_.resize(size_t(index_ + 1));
    runs_.push_back(runKey);
    index_ = int(runs_.size()) - 1;
    emit changed();
}

std::optional<qint64> NavigationHistory::step(int delta)
{
    const int target = index_ + delta;
    if (target < 0 || target >= int(runs_.size()))
        return std::nullopt;
    index_ = target;
    emit changed();
    return runs_[size_t(target)];
}

void NavigationHistory::remove(qint64 runKey)
{
    std::erase(runs_, runKey);
    index_ = int(runs_.size()) - 1;
    emit changed();
}

} // namespace forkscope
