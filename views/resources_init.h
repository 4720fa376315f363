#pragma once

namespace forkscope {

// Registers the icons compiled into this static library; idempotent.
void initViewsResources();

} // namespace forkscope
