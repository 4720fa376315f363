#pragma once

#include <QWidget>
#include <optional>
#include <vector>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace forkscope {

class ChartsTab;
class ConsoleTab;
class LineageTab;
class OverviewTab;
class StoreWorker;

// The opened run: tabs Overview, Charts, Lineage and Console, or a hint while none is open.
class RunPage : public QWidget {
    Q_OBJECT
public:
    enum Tab { OverviewIndex, ChartsIndex, LineageIndex, ConsoleIndex };

    // The tab a command line names ("overview", "charts", "lineage"; any case).
    static std::optional<Tab> tabNamed(const QString &name);

    explicit RunPage(const std::vector<StoreWorker *> &chartWorkers, QWidget *parent = nullptr);

    OverviewTab *overview() const { return overview_; }
    ChartsTab *charts() const { return charts_; }
    LineageTab *lineage() const { return lineage_; }
    ConsoleTab *console() const { return console_; }
    QTabWidget *tabs() const { return tabs_; }
    void setCurrentTab(Tab tab);
    Tab currentTab() const;
    void showPlaceholder(const QString &text);
    void showRun();
    bool hasRun() const;

private:
    QStackedWidget *stack_ = nullptr;
    QLabel *placeholder_ = nullptr;
    QTabWidget *tabs_ = nullptr;
    OverviewTab *overview_ = nullptr;
    ChartsTab *charts_ = nullptr;
    LineageTab *lineage_ = nullptr;
    ConsoleTab *console_ = nullptr;
    bool customPlaceholder_ = false;
};

} // namespace forkscope
