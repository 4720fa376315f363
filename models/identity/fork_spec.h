#pragma once

#include <QString>

#include "identity/run_ref.h"

namespace forkscope {

// "<run>?_step=<N>": the fork point as W&B writes it. Only the syntax is
// checked here; whether the run exists and N is within its history is the
// store's job (see Store::createFork).
struct ForkSpec {
    RunRef run;
    qint64 step = 0;

    // Throws forkscope::Error(BadInput) naming what was wrong and an example of what
    // is expected.
    static ForkSpec parse(const QString &text);
    QString toString() const;
};

QString formatForkSpec(const QString &run, qint64 step);

} // namespace forkscope
