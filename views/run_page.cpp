#include "views/run_page.h"

#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include "views/charts/charts_tab.h"
#include "views/console/console_tab.h"
#include "views/lineage/lineage_tab.h"
#include "views/overview/overview_tab.h"
#include "views/retranslate.h"

namespace forkscope {

RunPage::RunPage(const std::vector<StoreWorker *> &chartWorkers, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    stack_ = new QStackedWidget(this);
    layout->addWidget(stack_);

    placeholder_ = new QLabel(stack_);
    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setWordWrap(true);
    placeholder_->setForegroundRole(QPalette::PlaceholderText);
    stack_->addWidget(placeholder_);

    tabs_ = new QTabWidget(stack_);
    tabs_->setObjectName(QStringLiteral("runTabs"));
    tabs_->setDocumentMode(true);
    overview_ = new OverviewTab(tabs_);
    charts_ = new ChartsTab(chartWorkers, tabs_);
    tabs_->addTab(overview_, QIcon(QStringLiteral(":/icons/overview.svg")), QString());
    tabs_->addTab(charts_, QIcon(QStringLiteral(":/icons/charts.svg")), QString());
    lineage_ = new LineageTab(tabs_);
    tabs_->addTab(lineage_, QString());
    console_ = new ConsoleTab(tabs_);
    tabs_->addTab(console_, QString());
    stack_->addWidget(tabs_);
    retranslateOnLanguageChange(this, [this] {
        // The tab keeps W&B's name "Overview" in every language.
        tabs_->setTabText(OverviewIndex, tr("Overview"));
        tabs_->setTabText(ChartsIndex, tr("Charts"));
        tabs_->setTabText(LineageIndex, tr("Lineage"));
        tabs_->setTabText(ConsoleIndex, tr("Console"));
        tabs_->setAccessibleName(tr("Run views"));
        if (!customPlaceholder_)
            placeholder_->setText(tr("Double-click a run, or select it and press Enter, to open it."));
    });
}

std::optional<RunPage::Tab> RunPage::tabNamed(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("overview"))
        return OverviewIndex;
    if (n == QLatin1String("charts"))
        return ChartsIndex;
    if (n == QLatin1String("lineage"))
        return LineageIndex;
    return std::nullopt;
}

void RunPage::setCurrentTab(Tab tab)
{
    tabs_->setCurrentIndex(tab);
}

RunPage::Tab RunPage::currentTab() const
{
    return Tab(tabs_->currentIndex());
}

void RunPage::showPlaceholder(const QString &text)
{
    if (!text.isEmpty())
        placeholder_->setText(text);
    customPlaceholder_ = !text.isEmpty() || customPlaceholder_;
    stack_->setCurrentWidget(placeholder_);
}

void RunPage::showRun()
{
    stack_->setCurrentWidget(tabs_);
}

bool RunPage::hasRun() const
{
    return stack_->currentWidget() == tabs_;
}

} // namespace forkscope
