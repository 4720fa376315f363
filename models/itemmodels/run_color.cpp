#include "itemmodels/run_color.h"

namespace forkscope {

int runColorIndex(const QString &immutableId)
{
    // FNV-1a: qHash is seeded per process and would not be stable.
    quint32 h = 2166136261u;
    for (const QChar c : immutableId) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    return int(h % kRunColorCount);
}

} // namespace forkscope
