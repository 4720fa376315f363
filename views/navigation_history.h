#pragma once

#include <QObject>
#include <optional>
#include <vector>

namespace forkscope {

// The runs opened one after another, as a browser's Back and Forward know
// them. Opening a run after going back drops the runs ahead.
class NavigationHistory : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // `runKey` was opened (again opening the run shown is no new entry).
    void record(qint64 runKey);
    // The run before or after the current one, which becomes current (none
    // at either end).
    std::optional<qint64> back() { return step(-1); }
    std::optional<qint64> forward() { return step(1); }
    // A deleted run leaves the history; the last entry becomes current.
    void remove(qint64 runKey);

    bool canGoBack() const { return index_ > 0; }
    bool canGoForward() const { return index_ + 1 < int(runs_.size()); }

signals:
    void changed();

private:
    std::optional<qint64> step(int delta);

    std::vector<qint64> runs_;
    int index_ = -1;
};

} // namespace forkscope
