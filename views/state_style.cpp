#include "views/state_style.h"

namespace forkscope {

QColor stateColor(RunState state)
{
    switch (state) {
    case RunState::Pending: return QColor(0x80868b);
    case RunState::Running: return QColor(0x1a73e8);
    case RunState::Finished: return QColor(0x188038);
    case RunState::Failed: return QColor(0xc5221f);
    case RunState::Crashed: return QColor(0xb06000);
    }
    return QColor(0x80868b);
}

} // namespace forkscope
