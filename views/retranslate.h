#pragma once

#include <functional>

class QObject;

namespace forkscope {

// Runs `apply` now, and again whenever `owner` receives
// QEvent::LanguageChange (a translator was installed or removed), so
// texts set in `apply` with tr() follow a language switch without a
// restart. The hook lives as long as `owner`.
void retranslateOnLanguageChange(QObject *owner, std::function<void()> apply);

} // namespace forkscope
