#pragma once

namespace fs {

// Registers the icons compiled into this static library; idempotent.
void initViewsResources();

} // namespace fs
