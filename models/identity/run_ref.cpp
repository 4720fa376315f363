#include "identity/run_ref.h"

#include "identity/immutable_id.h"

namespace forkscope {

RunRef RunRef::parse(const QString &text)
{
    RunRef ref;
    ref.text = text;
    if (isImmutableId(text)) {
        ref.kind = Kind::Immutable;
    } else if (auto path = RunPath::parse(text)) {
        ref.kind = Kind::Path;
        ref.path = *path;
    }
    return ref;
}

} // namespace forkscope
