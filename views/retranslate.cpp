#include "views/retranslate.h"

#include <QEvent>
#include <QObject>

namespace forkscope {

namespace {

class LanguageChangeHook : public QObject {
public:
    LanguageChangeHook(QObject *owner, std::function<void()> apply) : QObject(owner), apply_(std::move(apply))
    {
        owner->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == parent() && event->type() == QEvent::LanguageChange)
            apply_();
        return false;
    }

private:
    std::function<void()> apply_;
};

} // namespace

void retranslateOnLanguageChange(QObject *owner, std::function<void()> apply)
{
    apply();
    new LanguageChangeHook(owner, std::move(apply));
}

} // namespace forkscope
