#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    forkscope::fuzz::jsonLogLine(data, size);
    return 0;
}
