#include "views/charts/legend_bar.h"

#include "views/retranslate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>

#include "views/charts/chart_curves.h"
#include "views/run_palette.h"

namespace forkscope {

namespace {

QPixmap lineSwatch(const QColor &color, Stroke stroke, qreal dpr)
{
    QPixmap pm(QSize(22, 12) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color, 2.2, stroke == Stroke::Dashed ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap));
    p.drawLine(QPointF(1, 6), QPointF(21, 6));
    return pm;
}

QLabel *swatchLabel(const QColor &color, Stroke stroke, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setPixmap(lineSwatch(color, stroke, parent->devicePixelRatioF()));
    return l;
}

} // namespace

LegendBar::LegendBar(QWidget *parent) : QWidget(parent), layout_(new QHBoxLayout(this))
{
    layout_->setContentsMargins(2, 0, 2, 0);
    layout_->setSpacing(6);
}

void LegendBar::setRuns(const std::vector<PanelRun> &runs)
{
    while (QLayoutItem *item = layout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    bool anyFork = false;
    for (const PanelRun &run : runs) {
        layout_->addWidget(swatchLabel(runColor(run.colorIndex), Stroke::Solid, this));
        auto *name = new QLabel(run.name, this);
        name->setTextFormat(Qt::PlainText);
        name->setToolTip(run.runId);
        layout_->addWidget(name);
        layout_->addSpacing(10);
        anyFork = anyFork || run.forkStep.has_value();
    }
    layout_->addStretch(1);
    if (anyFork) {
        layout_->addWidget(swatchLabel(QColor(0x80868b), Stroke::Dashed, this));
        auto *hint = new QLabel(this);
        hint->setForegroundRole(QPalette::PlaceholderText);
        layout_->addWidget(hint);
        auto *marker = new QLabel(QStringLiteral("■"), this);
        marker->setForegroundRole(QPalette::PlaceholderText);
        layout_->addSpacing(8);
        layout_->addWidget(marker);
        auto *markerHint = new QLabel(this);
        markerHint->setForegroundRole(QPalette::PlaceholderText);
        layout_->addWidget(markerHint);
        retranslateOnLanguageChange(hint, [hint, markerHint] {
            hint->setText(LegendBar::tr("inherited history"));
            markerHint->setText(LegendBar::tr("fork step"));
        });
    }
}

} // namespace forkscope
