#include "demo/training_curves.h"

#include <algorithm>
#include <cmath>

namespace forkscope {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr long long kWarmupSteps = 2000;
constexpr double kStepsPerEpoch = 390.0; // CIFAR-sized epochs at batch 128
} // namespace

TrainingCurves::TrainingCurves(Variant variant, unsigned seed) : variant_(variant), rng_(seed) {}

double TrainingCurves::gauss(double sigma)
{
    return sigma * normal_(rng_);
}

double TrainingCurves::learningRate(long long step) const
{
    double lr;
    if (step < kWarmupSteps) {
        lr = kBaseLr * double(step + 1) / double(kWarmupSteps);
    } else {
        const double t = double(step - kWarmupSteps) / double(kTotalSteps - kWarmupSteps);
        lr = 0.1 * kBaseLr + 0.9 * kBaseLr * 0.5 * (1.0 + std::cos(kPi * std::min(t, 1.0)));
    }
    if (variant_.lrChangeStep >= 0 && step > variant_.lrChangeStep)
        lr *= variant_.lrScaleAfter;
    return lr;
}

double TrainingCurves::meanLoss(long long step) const
{
    const double s = double(step);
    double loss = 0.32 + 1.6 * std::exp(-s / 14000.0) + 0.4 * std::exp(-s / 1200.0);
    // A smaller learning rate settles into a lower loss, gradually.
    if (variant_.lrChangeStep >= 0 && step > variant_.lrChangeStep)
        loss -= 0.12 * (1.0 - std::exp(-double(step - variant_.lrChangeStep) / 2500.0));
    if (variant_.decayChangeStep >= 0 && step > variant_.decayChangeStep)
        loss -= variant_.extraDecayAfter * (1.0 - std::exp(-double(step - variant_.decayChangeStep) / 6000.0));
    return loss;
}

double TrainingCurves::runtimeAt(long long step) const
{
    // A smooth function of the step, so forks continue their source's clock;
    // evaluation pauses add a few seconds every kEvalEvery steps.
    const double s = double(step);
    return 8.0 + s * 0.0522 + 3.0 * std::sin(s / 7000.0) + 14.0 * double(step / kEvalEvery);
}

TrainingCurves::Row TrainingCurves::trainRow(long long step)
{
    // Rare loss spikes that fade over a few hundred steps, with a gradient
    // norm spike at the same moment, as real runs have.
    const bool spikeNow = uniform_(rng_) < 4e-5;
    if (spikeNow)
        spike_ += 0.6 + uniform_(rng_);
    spike_ *= 0.985;
    const double mean = meanLoss(step);
    const double loss = std::max(0.01, mean + spike_ + gauss(0.04 + 0.12 * mean));
    const double accuracy = std::clamp(1.0 - 0.55 * mean + gauss(0.015), 0.0, 1.0);
    const double gradNorm = (0.4 + 2.5 * std::exp(-double(step) / 8000.0)) * std::exp(gauss(0.25)) +
                            (spikeNow ? 25.0 * uniform_(rng_) + 5.0 : 0.0) + 8.0 * spike_;
    const double throughput = 2450.0 + gauss(60.0) - (uniform_(rng_) < 0.002 ? 900.0 : 0.0);
    return {loss, accuracy, learningRate(step), gradNorm, double(step) / kStepsPerEpoch, throughput};
}

TrainingCurves::Eval TrainingCurves::evalAt(long long step)
{
    // Validation loss: above the training loss, and creeping up late in a
    // run whose learning rate was never lowered (mild overfitting).
    const double s = double(step);
    const double overfit = variant_.lrChangeStep < 0 ? 0.05 * std::max(0.0, (s - 60000.0) / 40000.0) : 0.0;
    const double mean = meanLoss(step) * 1.12 + 0.05 + overfit;
    return {mean + gauss(0.015), std::clamp(1.0 - 0.6 * mean + gauss(0.006), 0.0, 1.0)};
}

} // namespace forkscope
