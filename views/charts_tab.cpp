#include "views/charts_tab.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSet>
#include <QVBoxLayout>

#include "store/store.h"
#include "views/legend_bar.h"
#include "views/metric_panel.h"
#include "views/store_worker.h"

namespace fs {

namespace {
constexpr int kPanelHeight = 250;
constexpr int kPanelMinWidth = 400;
}

ChartsTab::ChartsTab(StoreWorker *worker, QWidget *parent) : QWidget(parent), worker_(worker)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->setSpacing(6);

    auto *top = new QHBoxLayout;
    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("chartSearch"));
    search_->setPlaceholderText(tr("Filter charts by key (regular expression)"));
    search_->setClearButtonEnabled(true);
    search_->setAccessibleName(tr("Filter charts"));
    search_->setMinimumWidth(240);
    search_->setMaximumWidth(360);
    search_->setToolTip(tr("Keys starting with _ (such as _runtime) are shown when the filter starts with _"));
    legend_ = new LegendBar(this);
    top->addWidget(search_);
    top->addSpacing(12);
    top->addWidget(legend_, 1);
    layout->addLayout(top);

    scroll_ = new QScrollArea(this);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    grid_ = new QWidget(scroll_);
    gridLayout_ = new QGridLayout(grid_);
    gridLayout_->setContentsMargins(0, 0, 0, 8);
    gridLayout_->setSpacing(8);
    gridLayout_->setAlignment(Qt::AlignTop);
    scroll_->setWidget(grid_);
    layout->addWidget(scroll_, 1);

    empty_ = new QLabel(tr("No numeric metrics have been logged for these runs yet."), this);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setForegroundRole(QPalette::PlaceholderText);
    empty_->hide();
    layout->addWidget(empty_, 1);

    connect(search_, &QLineEdit::textChanged, this, [this] { relayout(); });
}

void ChartsTab::setRuns(const std::vector<PanelRun> &runs)
{
    runs_ = runs;
    legend_->setRuns(runs_);
    for (MetricPanel *panel : std::as_const(panels_))
        panel->setRuns(runs_);
    loadKeys();
}

void ChartsTab::refresh()
{
    if (!runs_.empty())
        loadKeys();
}

bool ChartsTab::isLoading() const
{
    return keysInFlight_ > 0 || !panelGeneration_.isEmpty();
}

void ChartsTab::loadKeys()
{
    std::vector<qint64> keys;
    for (const PanelRun &r : runs_)
        keys.push_back(r.key);
    ++keysInFlight_;
    worker_->post(this, [this, keys](Store &store) -> StoreWorker::Done {
        QStringList all;
        for (qint64 key : keys)
            all += store.numericKeys(key);
        all.removeDuplicates();
        all.sort(Qt::CaseInsensitive);
        return [this, all] {
            --keysInFlight_;
            setKeys(all);
        };
    }, QStringLiteral("keys:%1").arg(quintptr(this)));
}

void ChartsTab::setKeys(const QStringList &keys)
{
    // A coalesced keys job delivers once for several posts.
    keysInFlight_ = 0;
    const QSet<QString> wanted(keys.begin(), keys.end());
    for (auto it = panels_.begin(); it != panels_.end();) {
        if (!wanted.contains(it.key())) {
            panelGeneration_.remove(it.key());
            delete it.value();
            it = panels_.erase(it);
        } else {
            ++it;
        }
    }
    for (const QString &key : keys) {
        MetricPanel *panel = panels_.value(key);
        if (!panel) {
            panel = new MetricPanel(key, grid_);
            panel->setFixedHeight(kPanelHeight);
            panel->setRuns(runs_);
            connect(panel, &MetricPanel::dataWanted, this, [this, panel] { requestPanel(panel); });
            connect(panel, &MetricPanel::forkRequested, this, &ChartsTab::forkRequested);
            connect(panel, &MetricPanel::stepPicked, this, [this, panel] {
                // One picked step at a time across the panels.
                for (MetricPanel *other : std::as_const(panels_)) {
                    if (other != panel)
                        other->clearPick();
                }
            });
            panels_.insert(key, panel);
        }
        requestPanel(panel);
    }
    columns_ = 0;
    relayout();
}

void ChartsTab::requestPanel(MetricPanel *panel)
{
    const PanelRequest request = panel->request();
    const int generation = ++generation_;
    panelGeneration_.insert(request.metric, generation);
    QPointer<MetricPanel> target(panel);
    worker_->post(this, [this, request, generation, target](Store &store) -> StoreWorker::Done {
        PanelData data = loadPanelData(store, request);
        return [this, data = std::move(data), generation, target] {
            if (panelGeneration_.value(data.metric) == generation)
                panelGeneration_.remove(data.metric);
            if (target)
                target->setData(data);
        };
    }, QStringLiteral("panel:%1:%2").arg(quintptr(this)).arg(request.metric));
}

void ChartsTab::pickStep(qint64 runKey, qint64 step)
{
    for (MetricPanel *panel : std::as_const(panels_))
        panel->setPick(runKey, step);
}

void ChartsTab::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void ChartsTab::relayout()
{
    const int width = scroll_->viewport()->width();
    const int columns = std::clamp(width / kPanelMinWidth, 1, 4);
    QRegularExpression re(search_->text(), QRegularExpression::CaseInsensitiveOption);
    const bool validPattern = re.isValid();
    if (!validPattern)
        re = QRegularExpression(QRegularExpression::escape(search_->text()), QRegularExpression::CaseInsensitiveOption);
    search_->setToolTip(validPattern ? QString() : tr("Not a valid regular expression; matching the text literally"));

    while (gridLayout_->takeAt(0)) {
    }
    int shown = 0;
    for (auto it = panels_.cbegin(); it != panels_.cend(); ++it) {
        // W&B's bookkeeping keys (_runtime, _timestamp) only on request.
        const bool hidden = it.key().startsWith(QLatin1Char('_')) && !search_->text().startsWith(QLatin1Char('_'));
        const bool visible = !hidden && (search_->text().isEmpty() || re.match(it.key()).hasMatch());
        it.value()->setVisible(visible);
        if (visible) {
            gridLayout_->addWidget(it.value(), shown / columns, shown % columns);
            ++shown;
        }
    }
    // Few charts share the height; many scroll at a readable size.
    const int rows = (shown + columns - 1) / std::max(columns, 1);
    const int height = rows > 0 && rows <= 2
        ? std::max(kPanelHeight, (scroll_->viewport()->height() - 8 * rows) / rows)
        : kPanelHeight;
    for (MetricPanel *panel : std::as_const(panels_))
        panel->setFixedHeight(height);
    for (int c = 0; c < 4; ++c)
        gridLayout_->setColumnStretch(c, c < columns ? 1 : 0);
    columns_ = columns;
    const bool none = shown == 0 && search_->text().isEmpty() && keysInFlight_ == 0 && !runs_.empty();
    empty_->setVisible(none);
    scroll_->setVisible(!none);
}

} // namespace fs
