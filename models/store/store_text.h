#pragma once

#include <QCoreApplication>

namespace fs {

// The translation context of the store's messages (lupdate reads it here).
struct StoreText {
    Q_DECLARE_TR_FUNCTIONS(fs::Store)
};

} // namespace fs
