#include "views/resources_init.h"

#include <QtCore/qglobal.h>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace forkscope {

void initViewsResources()
{
    static const bool done = (initResources(), true);
    Q_UNUSED(done);
}

} // namespace forkscope
