#pragma once

#include <gtest/gtest.h>

#include <QString>

#include "client/run.h"
#include "core/error.h"

namespace forkscope::test {

// The kind of Run::init's refusal of `o`, its message in `*message`; a test
// failure when init did not refuse.
inline Error::Kind initError(const InitOptions &o, QString *message)
{
    try {
        Run::init(o);
    } catch (const Error &e) {
        *message = e.message();
        return e.kind();
    }
    ADD_FAILURE() << "Run::init did not refuse";
    return Error::Kind::Format;
}

} // namespace forkscope::test
