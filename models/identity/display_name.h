#pragma once

#include <QString>

namespace forkscope {

// "adjective-noun-N" (e.g. "earnest-sunset-1"), N counting the project's runs.
QString generateDisplayName(qint64 ordinal);

} // namespace forkscope
