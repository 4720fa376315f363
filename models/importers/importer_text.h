#pragma once

#include <QCoreApplication>

namespace forkscope {

// The translation context of the importers' messages (lupdate reads it here).
struct ImporterText {
    Q_DECLARE_TR_FUNCTIONS(forkscope::Importers)
};

} // namespace forkscope
