#include "history/ema_smoothing.h"
#include "test_series.h"

#include <gtest/gtest.h>

using namespace forkscope;
using namespace forkscope::test;

TEST(EmaSmoothing, HandComputedValues)
{
    // w = 0.5: last 0.5, 1.75, 1.875; debias 0.5, 0.75, 0.875.
    EmaSmoother ema(0.5);
    EXPECT_DOUBLE_EQ(ema.push(1.0), 1.0);
    EXPECT_DOUBLE_EQ(ema.push(3.0), 1.75 / 0.75);
    EXPECT_DOUBLE_EQ(ema.push(2.0), 1.875 / 0.875);
}

TEST(EmaSmoothing, WeightZeroIsIdentity)
{
    const PointVector in = lossCurve(1000, 0, 1, 2.0, 7);
    const PointVector out = emaSmooth(in, 0.0);
    ASSERT_EQ(out.size(), in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        EXPECT_EQ(out[i].step, in[i].step);
        EXPECT_EQ(out[i].value, in[i].value);
    }
}

TEST(EmaSmoothing, DebiasedFirstValueIsTheValue)
{
    for (double w : {0.1, 0.6, 0.9, 0.99}) {
        EmaSmoother ema(w);
        EXPECT_DOUBLE_EQ(ema.push(0.1234), 0.1234) << w;
        EmaSmoother afterNaN(w);
        afterNaN.push(kNaN);
        EXPECT_DOUBLE_EQ(afterNaN.push(-7.5), -7.5) << w;
    }
}

TEST(EmaSmoothing, NonFiniteValuesPassThroughWithoutUpdating)
{
    EmaSmoother ema(0.5);
    ema.push(1.0);
    EXPECT_TRUE(std::isnan(ema.push(kNaN)));
    EXPECT_EQ(ema.push(kInf), kInf);
    EXPECT_EQ(ema.push(-kInf), -kInf);
    // Same as if the non-finite values were never there.
    EXPECT_DOUBLE_EQ(ema.push(3.0), 1.75 / 0.75);
    EXPECT_EQ(ema.state().finiteCount, 2);
}

TEST(EmaSmoothing, ConstantSeriesStaysExactlyConstant)
{
    const PointVector in(5000, Point{0, 0.1});
    for (const Point &p : emaSmooth(in, 0.6))
        ASSERT_EQ(p.value, 0.1); // TensorBoard #786: no rounding wiggle
}

TEST(EmaSmoothing, ContinuesAcrossAForkBoundary)
{
    const PointVector inherited = lossCurve(3000, 0, 1, 3.0, 1);
    PointVector own = lossCurve(2000, 3000, 1, 1.0, 2);
    own[10].value = kNaN;
    PointVector whole = inherited;
    whole.insert(whole.end(), own.begin(), own.end());

    const PointVector oneRun = emaSmooth(whole, 0.95);

    EmaSmoother parent(0.95);
    PointVector streamed;
    parent.smooth(inherited, streamed);
    EmaSmoother child(0.95, parent.state()); // state saved at the fork step
    child.smooth(own, streamed);

    ASSERT_EQ(streamed.size(), oneRun.size());
    for (std::size_t i = 0; i < oneRun.size(); ++i) {
        if (std::isnan(oneRun[i].value))
            EXPECT_TRUE(std::isnan(streamed[i].value));
        else
            EXPECT_EQ(streamed[i].value, oneRun[i].value) << i;
    }
}

TEST(EmaSmoothing, WeightIsClamped)
{
    EXPECT_EQ(EmaSmoother(-1.0).weight(), 0.0);
    EXPECT_EQ(EmaSmoother(1.0).weight(), EmaSmoother::kMaxWeight);
}
