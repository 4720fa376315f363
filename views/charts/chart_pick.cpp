#include "views/charts/chart_pick.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace forkscope {

namespace {

// The index of the point nearest `x` with a value, if any.
std::optional<size_t> nearestInX(const PointVector &points, double x)
{
    const auto at =
        std::lower_bound(points.begin(), points.end(), x, [](const Point &p, double v) { return double(p.step) < v; });
    std::optional<size_t> best;
    double bestDx = std::numeric_limits<double>::infinity();
    const auto consider = [&](PointVector::const_iterator p) {
        const double dx = std::abs(double(p->step) - x);
        if (dx < bestDx) {
            bestDx = dx;
            best = size_t(p - points.begin());
        }
    };
    for (auto p = at; p != points.end(); ++p) {
        if (!std::isnan(p->value)) {
            consider(p);
            break;
        }
    }
    for (auto p = at; p != points.begin();) {
        --p;
        if (!std::isnan(p->value)) {
            consider(p);
            break;
        }
    }
    return best;
}

} // namespace

std::optional<PointRef> pointAtCursor(const std::vector<const PointVector *> &curves, double x, QPointF cursor,
                                      const std::function<QPointF(const Point &)> &toView, double slackPx)
{
    struct Offer {
        PointRef ref;
        QPointF at;
    };
    std::vector<Offer> offers;
    for (size_t c = 0; c < curves.size(); ++c) {
        if (const auto i = nearestInX(*curves[c], x))
            offers.push_back({{c, *i}, toView((*curves[c])[*i])});
    }
    if (offers.empty())
        return std::nullopt;
    double nearestDx = std::numeric_limits<double>::infinity();
    for (const Offer &o : offers)
        nearestDx = std::min(nearestDx, std::abs(o.at.x() - cursor.x()));
    const Offer *best = nullptr;
    for (const Offer &o : offers) {
        if (std::abs(o.at.x() - cursor.x()) > nearestDx + slackPx)
            continue;
        if (!best || std::abs(o.at.y() - cursor.y()) < std::abs(best->at.y() - cursor.y()))
            best = &o;
    }
    return best->ref;
}

} // namespace forkscope
