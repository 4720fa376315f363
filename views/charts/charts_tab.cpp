#include "views/charts/charts_tab.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSet>
#include <QSlider>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "history/series_query.h"
#include "store/store.h"
#include "views/charts/legend_bar.h"
#include "views/charts/metric_panel.h"
#include "views/retranslate.h"
#include "views/store_worker.h"

namespace forkscope {

namespace {
constexpr int kPanelHeight = 250;
constexpr int kPanelMinWidth = 400;
} // namespace

ChartsTab::ChartsTab(const std::vector<StoreWorker *> &workers, QWidget *parent) : QWidget(parent)
{
    Q_ASSERT(!workers.empty());
    for (StoreWorker *w : workers)
        lanes_.push_back({w, std::make_shared<SeriesCache>()});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->setSpacing(6);

    auto *top = new QHBoxLayout;
    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("chartSearch"));
    search_->setClearButtonEnabled(true);
    search_->setMinimumWidth(240);
    search_->setMaximumWidth(360);
    legend_ = new LegendBar(this);

    auto *smoothingText = new QLabel(this);
    smoothingSlider_ = new QSlider(Qt::Horizontal, this);
    smoothingSlider_->setObjectName(QStringLiteral("smoothingSlider"));
    smoothingSlider_->setRange(0, 99);
    smoothingSlider_->setFixedWidth(120);
    smoothingText->setBuddy(smoothingSlider_);
    smoothingLabel_ = new QLabel(this);
    smoothingLabel_->setMinimumWidth(QFontMetrics(font()).horizontalAdvance(QStringLiteral("0.00")) + 4);
    smoothingLabel_->setText(QString::number(0.0, 'f', 2));
    connect(smoothingSlider_, &QSlider::valueChanged, this, [this](int v) { setSmoothing(v / 100.0); });
    logBox_ = new QCheckBox(this);
    logBox_->setObjectName(QStringLiteral("logScaleBox"));
    connect(logBox_, &QCheckBox::toggled, this, &ChartsTab::setLogY);
    syncBox_ = new QCheckBox(this);
    syncBox_->setObjectName(QStringLiteral("syncZoomBox"));
    connect(syncBox_, &QCheckBox::toggled, this, &ChartsTab::setSyncZoom);
    auto *xAxisText = new QLabel(this);
    xAxisBox_ = new QComboBox(this);
    xAxisBox_->setObjectName(QStringLiteral("xAxisBox"));
    xAxisText->setBuddy(xAxisBox_);
    for (int i = 0; i < 3; ++i)
        xAxisBox_->addItem(QString());
    connect(xAxisBox_, &QComboBox::currentIndexChanged, this, [this](int i) { setXAxis(XAxis(i)); });

    top->addWidget(search_);
    top->addSpacing(12);
    top->addWidget(smoothingText);
    top->addWidget(smoothingSlider_);
    top->addWidget(smoothingLabel_);
    top->addWidget(logBox_);
    top->addWidget(syncBox_);
    top->addSpacing(8);
    top->addWidget(xAxisText);
    top->addWidget(xAxisBox_);
    snapAction_ = new QAction(this);
    snapAction_->setObjectName(QStringLiteral("snapToCheckpointsAction"));
    snapAction_->setCheckable(true);
    snapAction_->setChecked(snapToCheckpoints_);
    connect(snapAction_, &QAction::toggled, this, [this](bool on) {
        const bool changed = on != snapToCheckpoints_;
        setSnapToCheckpoints(on);
        if (changed)
            emit snapToCheckpointsChanged(on);
    });
    auto *snapButton = new QToolButton(this);
    snapButton->setObjectName(QStringLiteral("snapToCheckpointsButton"));
    snapButton->setDefaultAction(snapAction_);
    snapButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    top->addSpacing(8);
    top->addWidget(snapButton);
    top->addStretch(1);
    layout->addLayout(top);
    // The legend gets its own row: long run names must not widen the tab
    // and squeeze the runs table beside it.
    layout->addWidget(legend_);

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

    empty_ = new QLabel(this);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setForegroundRole(QPalette::PlaceholderText);
    empty_->hide();
    layout->addWidget(empty_, 1);

    retranslateOnLanguageChange(this, [this, smoothingText, xAxisText] {
        xAxisText->setText(tr("X axis"));
        xAxisBox_->setItemText(int(XAxis::Step), tr("Step"));
        xAxisBox_->setItemText(int(XAxis::RelativeTime), tr("Relative time"));
        xAxisBox_->setItemText(int(XAxis::WallTime), tr("Wall time"));
        xAxisBox_->setAccessibleName(tr("X axis"));
        xAxisBox_->setToolTip(tr("Steps, or each run's own time: _runtime (relative) or _timestamp (wall clock)"));
        search_->setPlaceholderText(tr("Filter charts by key (regular expression)"));
        search_->setAccessibleName(tr("Filter charts"));
        search_->setToolTip(tr("Keys starting with _ (such as _runtime) are shown when the filter starts with _"));
        smoothingText->setText(tr("Smoothing"));
        smoothingSlider_->setAccessibleName(tr("Smoothing"));
        smoothingSlider_->setToolTip(tr("Exponential moving average (TensorBoard's, debiased), computed on every "
                                        "logged point; the raw data stays faint behind"));
        logBox_->setText(tr("Log scale"));
        syncBox_->setText(tr("Sync zoom"));
        syncBox_->setToolTip(tr("Zooming or panning one chart's steps does the same on all charts"));
        snapAction_->setText(tr("Snap to checkpoints"));
        snapAction_->setToolTip(tr("A click on a run with checkpoints picks the nearest checkpoint's step, so "
                                   "a fork can resume from saved weights"));
        empty_->setText(tr("No numeric metrics have been logged for these runs yet."));
    });

    connect(search_, &QLineEdit::textChanged, this, [this] { relayout(); });

    // Live runs: panels extend as points arrive. A cheap check (chunk index
    // tails) every two seconds; only panels whose extent moved reload.
    liveTimer_ = new QTimer(this);
    liveTimer_->setInterval(2000);
    connect(liveTimer_, &QTimer::timeout, this, &ChartsTab::pollLive);
    liveTimer_->start();
}

void ChartsTab::setSmoothing(double weight)
{
    smoothing_ = std::clamp(weight, 0.0, 0.99);
    const int v = int(std::lround(smoothing_ * 100));
    if (smoothingSlider_->value() != v)
        smoothingSlider_->setValue(v);
    smoothingLabel_->setText(QString::number(smoothing_, 'f', 2));
    for (MetricPanel *panel : std::as_const(panels_))
        panel->setSmoothing(smoothing_);
}

void ChartsTab::setLogY(bool on)
{
    logY_ = on;
    if (logBox_->isChecked() != on)
        logBox_->setChecked(on);
    for (MetricPanel *panel : std::as_const(panels_))
        panel->setLogY(on);
}

void ChartsTab::setXAxis(XAxis axis)
{
    xAxis_ = axis;
    if (xAxisBox_->currentIndex() != int(axis))
        xAxisBox_->setCurrentIndex(int(axis));
    for (MetricPanel *panel : std::as_const(panels_))
        panel->setXAxis(axis);
}

void ChartsTab::setSyncZoom(bool on)
{
    syncZoom_ = on;
    if (syncBox_->isChecked() != on)
        syncBox_->setChecked(on);
}

void ChartsTab::setSnapToCheckpoints(bool on)
{
    snapToCheckpoints_ = on;
    if (snapAction_->isChecked() != on)
        snapAction_->setChecked(on);
    for (MetricPanel *panel : std::as_const(panels_))
        panel->setSnapToCheckpoints(on);
}

void ChartsTab::pollLive()
{
    if (!isVisible() || runs_.empty() || panels_.isEmpty() || isLoading())
        return;
    struct Shown {
        QString metric;
        StepRange extent;
    };
    // Each lane checks its own metrics, with the cache that already knows them.
    std::vector<std::vector<Shown>> shownPerLane(lanes_.size());
    for (MetricPanel *panel : std::as_const(panels_)) {
        if (panel->isVisible() && panel->hasData()) {
            shownPerLane[laneIndexOf(panel->metric())].push_back({panel->metric(), panel->data().stepExtent});
        }
    }
    std::vector<qint64> keys;
    for (const PanelRun &r : runs_)
        keys.push_back(r.key);
    for (size_t i = 0; i < lanes_.size(); ++i) {
        if (shownPerLane[i].empty())
            continue;
        const Lane &lane = lanes_[i];
        lane.worker->post(
            this,
            [this, cache = lane.cache, keys, shown = shownPerLane[i]](Store &store) -> StoreWorker::Done {
                QStringList moved;
                for (const Shown &s : shown) {
                    qint64 lo = std::numeric_limits<qint64>::max(), hi = std::numeric_limits<qint64>::min();
                    for (qint64 key : keys) {
                        const StepRange e = cache->extent(store, key, s.metric);
                        if (!e.empty()) {
                            lo = std::min(lo, e.lo);
                            hi = std::max(hi, e.hi);
                        }
                    }
                    if (lo <= hi && (lo != s.extent.lo || hi != s.extent.hi))
                        moved << s.metric;
                }
                return [this, moved] {
                    for (const QString &metric : moved) {
                        if (MetricPanel *panel = this->panel(metric))
                            requestPanel(panel);
                    }
                };
            },
            QStringLiteral("live:%1").arg(quintptr(this)));
    }
}

size_t ChartsTab::laneIndexOf(const QString &metric)
{
    auto found = laneOfMetric_.constFind(metric);
    if (found == laneOfMetric_.constEnd())
        found = laneOfMetric_.insert(metric, nextLane_++ % int(lanes_.size()));
    return size_t(*found);
}

const ChartsTab::Lane &ChartsTab::laneOf(const QString &metric)
{
    return lanes_[laneIndexOf(metric)];
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
    lanes_.front().worker->post(
        this,
        [this, keys](Store &store) -> StoreWorker::Done {
            QStringList all;
            for (qint64 key : keys)
                all += store.numericKeys(key);
            all.removeDuplicates();
            all.sort(Qt::CaseInsensitive);
            return [this, all] {
                --keysInFlight_;
                setKeys(all);
            };
        },
        QStringLiteral("keys:%1").arg(quintptr(this)));
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
            panel->setSmoothing(smoothing_);
            panel->setLogY(logY_);
            panel->setXAxis(xAxis_);
            panel->setSnapToCheckpoints(snapToCheckpoints_);
            panel->setForkBlocked(forkBlocked_);
            connect(panel, &MetricPanel::dataWanted, this, [this, panel] { requestPanel(panel); });
            connect(panel, &MetricPanel::xZoomChanged, this,
                    [this, panel](std::optional<std::pair<double, double>> range) {
                        if (!syncZoom_)
                            return;
                        for (MetricPanel *other : std::as_const(panels_)) {
                            if (other != panel)
                                other->setXZoom(range);
                        }
                    });
            connect(panel, &MetricPanel::forkRequested, this, &ChartsTab::forkRequested);
            connect(panel, &MetricPanel::rewindRequested, this, &ChartsTab::rewindRequested);
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
    auto &latest = latest_[request.metric];
    if (!latest)
        latest = std::make_shared<std::atomic<int>>(0);
    latest->store(generation);
    QPointer<MetricPanel> target(panel);
    const Lane &lane = laneOf(request.metric);
    lane.worker->post(
        this,
        [this, request, generation, target, cache = lane.cache, latest](Store &store) -> StoreWorker::Done {
            PanelData data = loadPanelData(store, request, cache.get(), [&] { return latest->load() != generation; });
            return [this, data = std::move(data), generation, target] {
                if (panelGeneration_.value(data.metric) == generation)
                    panelGeneration_.remove(data.metric);
                if (target && !data.cancelled)
                    target->setData(data);
            };
        },
        QStringLiteral("panel:%1:%2").arg(quintptr(this)).arg(request.metric));
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

void ChartsTab::clearPicks()
{
    for (MetricPanel *panel : std::as_const(panels_))
        panel->clearPick();
}

void ChartsTab::setForkBlocked(const QString &reason)
{
    forkBlocked_ = reason;
    for (MetricPanel *panel : std::as_const(panels_))
        panel->setForkBlocked(reason);
}

void ChartsTab::relayout()
{
    QRegularExpression re(search_->text(), QRegularExpression::CaseInsensitiveOption);
    const bool validPattern = re.isValid();
    if (!validPattern)
        re = QRegularExpression(QRegularExpression::escape(search_->text()), QRegularExpression::CaseInsensitiveOption);
    search_->setToolTip(validPattern ? QString() : tr("Not a valid regular expression; matching the text literally"));

    // The panels stay (they are re-added below); the layout items that held
    // them are ours to delete.
    while (QLayoutItem *item = gridLayout_->takeAt(0))
        delete item;
    QList<MetricPanel *> visible;
    for (auto it = panels_.cbegin(); it != panels_.cend(); ++it) {
        // W&B's bookkeeping keys (_runtime, _timestamp) only on request.
        const bool hidden = it.key().startsWith(QLatin1Char('_')) && !search_->text().startsWith(QLatin1Char('_'));
        const bool shows = !hidden && (search_->text().isEmpty() || re.match(it.key()).hasMatch());
        it.value()->setVisible(shows);
        if (shows)
            visible << it.value();
    }
    // As many columns as fit, but no more than there are charts: one chart
    // takes the whole width.
    const int shown = int(visible.size());
    const int fit = scroll_->viewport()->width() / kPanelMinWidth;
    const int columns = std::clamp(std::min(fit, shown), 1, 4);
    for (int i = 0; i < shown; ++i)
        gridLayout_->addWidget(visible[i], i / columns, i % columns);
    // Few charts share the height; many scroll at a readable size.
    const int rows = (shown + columns - 1) / std::max(columns, 1);
    const int height = rows > 0 && rows <= 2 ? std::max(kPanelHeight, (scroll_->viewport()->height() - 8 * rows) / rows)
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

} // namespace forkscope
