#pragma once
// A seeded run's metrics as people log them, for storage measurements:
// float32 values widened to double (as PyTorch's .item() gives them),
// schedules, counters, a constant and a sparse evaluation metric.
#include <array>
#include <cmath>
#include <cstdint>
#include <random>

#include "client/run.h"

namespace forkscope::bench {

class RealisticMetrics {
public:
    static constexpr std::array<const char *, 9> kKeys = {
        "loss", "accuracy", "lr", "epoch", "global_step", "grad_norm", "throughput", "batch_size", "val_loss"};
    static constexpr std::array<const char *, 9> kKinds = {"float32 loss with noise",
                                                           "float32 accuracy with noise",
                                                           "LR schedule (warmup + cosine, double)",
                                                           "epoch counter",
                                                           "global-step counter",
                                                           "float32 gradient norm with spikes",
                                                           "throughput (double)",
                                                           "constant",
                                                           "float32 metric every 1000 steps"};
    static constexpr std::int64_t kSparseEvery = 1000;

    RealisticMetrics(std::uint64_t seed, std::int64_t totalSteps) : rng_(seed), total_(double(totalSteps)) {}

    // The metrics logged at `step` (steps in increasing order); returns how many.
    size_t row(std::int64_t step, NumericItem *out)
    {
        const double t = double(step);
        const double warmup = 2000;
        const double peak = 3e-4;
        const double lr = t < warmup
                              ? peak * (t + 1) / warmup
                              : 0.5 * peak * (1 + std::cos(M_PI * (t - warmup) / std::max(total_ - warmup, 1.0)));
        const float spike = uniform_(rng_) < 0.001f ? 50.0f : 1.0f;
        size_t n = 0;
        out[n++] = {kKeys[0], double(float(2.2f * std::exp(-float(t) / 2e5f) + 0.3f + noise(0.05f)))};
        out[n++] = {kKeys[1], double(float(0.95f - 0.6f * std::exp(-float(t) / 1.5e5f) + noise(0.01f)))};
        out[n++] = {kKeys[2], lr};
        out[n++] = {kKeys[3], std::floor(t / 5000.0)};
        out[n++] = {kKeys[4], t};
        out[n++] = {kKeys[5], double(std::abs(1.0f + noise(0.2f)) * spike)};
        out[n++] = {kKeys[6], 512.0 / (0.25 + 0.01 * double(noise(1.0f)))};
        out[n++] = {kKeys[7], 512.0};
        if (step % kSparseEvery == 0)
            out[n++] = {kKeys[8], double(float(2.0f * std::exp(-float(t) / 2e5f) + 0.35f + noise(0.01f)))};
        return n;
    }

private:
    float noise(float sigma) { return normal_(rng_) * sigma; }

    std::mt19937_64 rng_;
    std::normal_distribution<float> normal_{0.0f, 1.0f};
    std::uniform_real_distribution<float> uniform_{0.0f, 1.0f};
    double total_;
};

} // namespace forkscope::bench
