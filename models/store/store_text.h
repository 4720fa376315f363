#pragma once

#include <QCoreApplication>

namespace forkscope {

// The translation context of the store's messages (lupdate reads it here).
struct StoreText {
    Q_DECLARE_TR_FUNCTIONS(forkscope::Store)
};

} // namespace forkscope
