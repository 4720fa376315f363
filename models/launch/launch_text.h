#pragma once

#include <QCoreApplication>

namespace forkscope {

// The translation context of the launcher's messages (lupdate reads it here).
struct LaunchText {
    Q_DECLARE_TR_FUNCTIONS(forkscope::Launch)
};

} // namespace forkscope
