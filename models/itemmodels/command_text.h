#pragma once

#include <QString>
#include <QStringList>

#include "core/json_qt.h"

namespace forkscope {

// A command line for reading (it is never run through a shell): a word with
// spaces, quotes or shell characters is shown in single quotes, so where
// each argument starts and ends is plain.
QString commandLineText(const QStringList &words);

// What the Overview's Command row shows from a run's metadata: "command" as
// it is (imports), else "program" followed by "args" (the words W&B and the
// clients record, an array; a string is taken as it is). Empty when none.
QString runCommandText(const Json &metadata);

} // namespace forkscope
