#pragma once

#include <random>

namespace forkscope {

// Plausible, noisy metrics of an image-classifier training run, step by
// step, for the demo project. Forks change the learning rate or the weight
// decay from some step on, and the curves respond to it.
class TrainingCurves {
public:
    struct Variant {
        double lrScaleAfter = 1.0;   // learning rate multiplier...
        long long lrChangeStep = -1; // ...from this step (-1: never)
        double extraDecayAfter = 0.0;
        long long decayChangeStep = -1;
    };
    struct Row {
        double loss, accuracy, lr, gradNorm, epoch, samplesPerSecond;
    };
    struct Eval {
        double loss, accuracy;
    };

    static constexpr long long kTotalSteps = 100000;
    static constexpr long long kEvalEvery = 1000;
    static constexpr double kBaseLr = 3e-4;

    TrainingCurves(Variant variant, unsigned seed);

    Row trainRow(long long step);
    Eval evalAt(long long step);
    double learningRate(long long step) const;
    // Seconds since the start of training at `step` (about 19 steps/s).
    double runtimeAt(long long step) const;

private:
    // The loss the noise wiggles around.
    double meanLoss(long long step) const;
    double gauss(double sigma);

    Variant variant_;
    std::mt19937_64 rng_;
    std::normal_distribution<double> normal_{0.0, 1.0};
    std::uniform_real_distribution<double> uniform_{0.0, 1.0};
    double spike_ = 0.0; // decaying loss spike
};

} // namespace forkscope
