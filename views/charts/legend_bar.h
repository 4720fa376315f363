#pragma once

#include <QWidget>
#include <vector>

#include "history/chart_data.h"

class QHBoxLayout;

namespace forkscope {

// The charts' common legend: each run's colour and name, and what a dashed
// line means.
class LegendBar : public QWidget {
    Q_OBJECT
public:
    explicit LegendBar(QWidget *parent = nullptr);
    void setRuns(const std::vector<PanelRun> &runs);

private:
    QHBoxLayout *layout_ = nullptr;
};

} // namespace forkscope
