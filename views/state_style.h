#pragma once

#include <QColor>

#include "store/run_info.h"

namespace forkscope {

// The badge colour of a run state (text is drawn white on it).
QColor stateColor(RunState state);

} // namespace forkscope
