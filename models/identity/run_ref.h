#pragma once

#include <QString>
#include <variant>

#include "identity/run_path.h"

namespace forkscope {

// How a person names a run: a run path, an immutable ID, or a bare run ID
// that is looked up in a project given separately.
struct RunRef {
    enum class Kind { RunId, Path, Immutable } kind = Kind::RunId;
    QString text; // the bare run ID or the immutable ID
    RunPath path; // for Kind::Path

    static RunRef parse(const QString &text);
    QString toString() const { return kind == Kind::Path ? path.toString() : text; }
};

} // namespace forkscope
