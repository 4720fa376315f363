#include <gtest/gtest.h>

#include <cmath>

#include "client/run.h"
#include "identity/fork_spec.h"
#include "store/store.h"
#include "support/temp_store.h"

using namespace forkscope;

// ../shared/spec/fork-semantics.md, "The seed example, worked through".
TEST(SeedExample, ForkAt200ThenTwoLogsPerIteration)
{
    test::TempStore tmp;
    InitOptions o;
    o.storePath = tmp.path();
    o.project = QStringLiteral("your_project_name");
    o.entity = QStringLiteral("your_entity_name");
    auto run1 = Run::init(o);
    for (int i = 0; i < 300; ++i)
        run1->log({{"metric", double(i)}});
    run1->finish();
    const RunInfo source = run1->info();
    EXPECT_EQ(source.state, RunState::Finished);
    EXPECT_EQ(source.ownLastStep, 299);

    InitOptions f = o;
    f.forkFrom = source.runId + QStringLiteral("?_step=200");
    auto run2 = Run::init(f);
    EXPECT_EQ(run2->currentStep(), 201);
    for (int i = 200; i < 300; ++i) {
        if (i < 250)
            run2->log({{"metric", double(i)}});
        else
            run2->log({{"metric", i + 2 * std::sin(i / 3.0)}});
        run2->log({{"additional_metric", i * 1.1}});
    }
    run2->finish();
    const RunInfo fork = run2->info();
    ASSERT_TRUE(fork.fork);
    EXPECT_EQ(fork.fork->sourceImmutableId, source.immutableId);
    EXPECT_EQ(fork.fork->sourceRunId, source.runId);
    EXPECT_EQ(fork.fork->step, 200);
    EXPECT_NE(fork.runId, source.runId);
    EXPECT_NE(fork.immutableId, source.immutableId);

    Store store(tmp.path());
    const PointVector own = store.readSeries(fork.key, QStringLiteral("metric"), {}, History::Own);
    ASSERT_EQ(own.size(), 100u);
    for (size_t j = 0; j < own.size(); ++j) {
        const int i = 200 + int(j);
        EXPECT_EQ(own[j].step, 201 + 2 * qint64(j)); // odd steps 201..399
        const double expected = i < 250 ? i : i + 2 * std::sin(i / 3.0);
        EXPECT_EQ(own[j].value, expected);
    }
    // The sine wiggle shows from step 301 (i = 250).
    EXPECT_EQ(own[49].step, 299);
    EXPECT_EQ(own[49].value, 249.0);
    EXPECT_EQ(own[50].step, 301);
    EXPECT_NE(own[50].value, 250.0);

    const PointVector extra = store.readSeries(fork.key, QStringLiteral("additional_metric"));
    ASSERT_EQ(extra.size(), 100u);
    EXPECT_EQ(extra.front().step, 202);
    EXPECT_EQ(extra.back().step, 400);
    EXPECT_DOUBLE_EQ(extra.back().value, 299 * 1.1);

    const PointVector effective = store.readSeries(fork.key, QStringLiteral("metric"));
    ASSERT_EQ(effective.size(), 201u + 100u);
    for (int s = 0; s <= 200; ++s) {
        EXPECT_EQ(effective[size_t(s)].step, s);
        EXPECT_EQ(effective[size_t(s)].value, double(s));
    }
    EXPECT_EQ(effective[201].step, 201);

    // The source is never changed by forking it.
    const PointVector src = store.readSeries(source.key, QStringLiteral("metric"));
    ASSERT_EQ(src.size(), 300u);
    EXPECT_EQ(src.back().step, 299);
    EXPECT_EQ(store.runInfo(source.key).summary["metric"], 299.0);
    // The fork's summary: last logged values.
    EXPECT_DOUBLE_EQ(store.runInfo(fork.key).summary["additional_metric"].get<double>(), 299 * 1.1);
}
