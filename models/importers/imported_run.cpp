#include "importers/imported_run.h"

#include <algorithm>
#include <climits>

#include <QCoreApplication>

#include "importers/importer_text.h"

namespace forkscope {

qint64 sortAndMergeRows(std::vector<ImportedRow> &rows)
{
    const auto byStep = [](const ImportedRow &a, const ImportedRow &b) { return a.step < b.step; };
    // Usual case: already ascending and unique, nothing to move.
    if (std::adjacent_find(rows.begin(), rows.end(),
                           [](const ImportedRow &a, const ImportedRow &b) { return a.step >= b.step; }) == rows.end())
        return 0;
    std::stable_sort(rows.begin(), rows.end(), byStep);
    qint64 replaced = 0;
    size_t out = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (out > 0 && rows[out - 1].step == rows[i].step) {
            auto &into = rows[out - 1].values;
            for (auto &kv : rows[i].values) {
                auto it = std::find_if(into.begin(), into.end(), [&](const auto &e) { return e.first == kv.first; });
                if (it == into.end()) {
                    into.push_back(std::move(kv));
                } else {
                    it->second = std::move(kv.second);
                    ++replaced;
                }
            }
            continue;
        }
        if (out != i)
            rows[out] = std::move(rows[i]);
        ++out;
    }
    rows.resize(out);
    return replaced;
}

void addWarning(ImportedRun &run, const QString &text)
{
    if (run.warnings.size() < kMaxWarnings) {
        run.warnings << text;
        return;
    }
    if (run.warningsLeftOut > 0)
        run.warnings.removeLast();
    ++run.warningsLeftOut;
    const auto more = static_cast<int>(std::min<qint64>(run.warningsLeftOut, INT_MAX));
    run.warnings << ImporterText::tr("... and %n more warning(s)", nullptr, more);
}

} // namespace forkscope
