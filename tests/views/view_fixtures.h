#pragma once

#include <QString>
#include <functional>
#include <memory>

#include "store/run_info.h"
#include "views/main_window.h"

namespace forkscope {
class MetricPanel;
class Store;
} // namespace forkscope

namespace forkscope::test {

// A run in `project` that logged `metric` = step for steps 0..steps-1.
RunInfo makeRun(Store &store, const QString &project, const QString &name, int steps,
                const Json &config = Json::object());

// Processes events until `done` or the timeout; false on timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs = 15000);

// Answers the next file dialog as a person would, then accepts it: a folder
// becomes the dialog's current folder, a file (existing or new) is typed as its name.
void chooseInNextFileDialog(const QString &path);

// A shown main window on `storePath`, without QSettings, settled (with
// `select` open). Records a test failure when it does not settle in time.
std::unique_ptr<MainWindow> openWindow(const QString &storePath, const QString &select = {},
                                       std::optional<RunPage::Tab> tab = {});

// The `metric` panel of the window's Charts tab once it has `marks`
// checkpoint marks drawn and they stay where they are (the axes take their
// label widths last); null, with a test failure, when that takes over 15 s.
MetricPanel *panelWithMarks(MainWindow &window, const QString &metric, size_t marks);

} // namespace forkscope::test
