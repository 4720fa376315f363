#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>

#include "client/run.h"
#include "core/error.h"
#include "core/step_rule.h"
#include "store/store.h"
#include "support/temp_store.h"

using namespace forkscope;

namespace {
std::unique_ptr<Run> newRun(const test::TempStore &tmp)
{
    InitOptions o;
    o.storePath = tmp.path();
    o.project = QStringLiteral("rules");
    return Run::init(o);
}
std::vector<qint64> steps(const PointVector &pts)
{
    std::vector<qint64> out;
    for (const auto &p : pts)
        out.push_back(p.step);
    return out;
}
} // namespace

TEST(StepRules, CommitFalseMergesIntoThePendingRow)
{
    test::TempStore tmp;
    auto run = newRun(tmp);
    run->log({{"a", 1.0}}, std::nullopt, false);
    run->log({{"b", 2.0}});
    run->log({{"a", 3.0}});
    run->finish();
    Store store(tmp.path());
    const qint64 key = run->info().key;
    EXPECT_EQ(steps(store.readSeries(key, QStringLiteral("a"))), (std::vector<qint64>{0, 1}));
    EXPECT_EQ(steps(store.readSeries(key, QStringLiteral("b"))), (std::vector<qint64>{0}));
    EXPECT_EQ(steps(store.readSeries(key, QStringLiteral("_runtime"))), (std::vector<qint64>{0, 1}));
    EXPECT_EQ(steps(store.readSeries(key, QStringLiteral("_timestamp"))), (std::vector<qint64>{0, 1}));
}

TEST(StepRules, ExplicitStepsJumpMergeAndDrop)
{
    test::TempStore tmp;
    auto run = newRun(tmp);
    QStringList sunk;
    run->setWarningSink([&](const QString &w) { sunk << w; });
    run->log({{"a", 1.0}});          // step 0, now 1
    run->log({{"a", 2.0}}, 5);       // moves to 5, not committed
    run->log({{"b", 3.0}}, 5);       // merged at 5
    run->log({{"c", 4.0}});          // commits row 5 (a,b,c), now 6
    run->log({{"a", 9.0}}, 3);       // goes back: dropped with a warning
    run->log({{"a", 6.0}}, 7, true); // committed at 7, now 8
    run->log({{"a", 8.0}});          // step 8
    EXPECT_EQ(run->currentStep(), 9);
    run->finish();
    Store store(tmp.path());
    const qint64 key = run->info().key;
    const PointVector a = store.readSeries(key, QStringLiteral("a"));
    ASSERT_EQ(steps(a), (std::vector<qint64>{0, 5, 7, 8}));
    EXPECT_EQ(a[1].value, 2.0);
    EXPECT_EQ(steps(store.readSeries(key, QStringLiteral("b"))), (std::vector<qint64>{5}));
    EXPECT_EQ(steps(store.readSeries(key, QStringLiteral("c"))), (std::vector<qint64>{5}));
    ASSERT_EQ(sunk.size(), 1);
    EXPECT_TRUE(sunk[0].contains(QStringLiteral("steps must increase monotonically")));
    EXPECT_EQ(run->warnings(), sunk);
}

TEST(StepRules, StepAndCommitKeysInsideDataAreNotData)
{
    test::TempStore tmp;
    auto run = newRun(tmp);
    run->log(Json{{"_step", 10}, {"x", 1.0}, {"_commit", false}});
    run->log(Json{{"y", 2.0}});
    run->finish();
    Store store(tmp.path());
    const qint64 key = run->info().key;
    EXPECT_EQ(steps(store.readSeries(key, QStringLiteral("x"))), (std::vector<qint64>{10}));
    EXPECT_EQ(steps(store.readSeries(key, QStringLiteral("y"))), (std::vector<qint64>{10}));
    EXPECT_FALSE(store.keys(key).contains(QStringLiteral("_step")));
    EXPECT_FALSE(store.keys(key).contains(QStringLiteral("_commit")));
    EXPECT_THROW(run->log(Json{{"x", 1}}), Error); // after finish
}

TEST(StepRules, NonFiniteAndNonNumericValuesAreKeptExactly)
{
    test::TempStore tmp;
    auto run = newRun(tmp);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    run->log(Json{{"v", nan}, {"s", "hello"}, {"o", {{"k", Json::array({1, 2})}}}});
    run->log(Json{{"v", inf}, {"flag", true}});
    run->log(Json{{"v", -inf}});
    run->log(Json{{"v", 0.1 + 0.2}});
    run->finish();
    Store store(tmp.path());
    const qint64 key = run->info().key;
    const PointVector v = store.readSeries(key, QStringLiteral("v"));
    ASSERT_EQ(v.size(), 4u);
    EXPECT_TRUE(std::isnan(v[0].value));
    EXPECT_EQ(v[1].value, inf);
    EXPECT_EQ(v[2].value, -inf);
    EXPECT_EQ(v[3].value, 0.1 + 0.2);
    const auto s = store.readText(key, QStringLiteral("s"));
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].json, "\"hello\"");
    const auto o = store.readText(key, QStringLiteral("o"));
    ASSERT_EQ(o.size(), 1u);
    EXPECT_EQ(o[0].json, R"({"k":[1,2]})");
    const auto flag = store.readText(key, QStringLiteral("flag"));
    ASSERT_EQ(flag.size(), 1u);
    EXPECT_EQ(flag[0].json, "true");
    const auto refs = store.chunkRefs(key, QStringLiteral("v"));
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].summary.min, -inf); // NaN never poisons min/max
    EXPECT_EQ(refs[0].summary.max, inf);
    EXPECT_TRUE(std::isnan(refs[0].summary.first));
    const Json summary = store.runInfo(key).summary;
    EXPECT_EQ(summary["v"], 0.1 + 0.2);
    EXPECT_EQ(summary["s"], "hello");
}

TEST(StepRules, SummaryOverridesWin)
{
    test::TempStore tmp;
    auto run = newRun(tmp);
    run->log({{"loss", 0.5}});
    run->setSummary(QStringLiteral("loss"), 0.1);
    run->log({{"loss", 0.4}});
    run->finish(3);
    Store store(tmp.path());
    const RunInfo info = store.runInfo(run->info().key);
    EXPECT_EQ(info.summary["loss"], 0.1);
    EXPECT_EQ(info.state, RunState::Failed);
    EXPECT_EQ(info.exitCode, 3);
}

TEST(StepRules, ResumeContinuesAfterTheLastStep)
{
    test::TempStore tmp;
    auto run = newRun(tmp);
    for (int i = 0; i < 5; ++i)
        run->log({{"a", double(i)}});
    run->finish();
    InitOptions o;
    o.storePath = tmp.path();
    o.resume = run->info().immutableId;
    auto again = Run::init(o);
    EXPECT_EQ(again->currentStep(), 5);
    again->log({{"a", 5.0}});
    again->finish();
    Store store(tmp.path());
    EXPECT_EQ(store.readSeries(run->info().key, QStringLiteral("a")).size(), 6u);
}

TEST(StepRules, InitRefusesContradictoryOptions)
{
    test::TempStore tmp;
    InitOptions o;
    o.storePath = tmp.path();
    o.project = QStringLiteral("p");
    o.forkFrom = QStringLiteral("abc?_step=1");
    o.resume = QStringLiteral("abc");
    try {
        Run::init(o);
        FAIL();
    } catch (const Error &e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("mutually exclusive")));
    }
    InitOptions none;
    none.storePath = tmp.path();
    EXPECT_THROW(Run::init(none), Error);
}

TEST(StepRules, FlushMakesDataVisibleToOtherConnectionsWhileRunning)
{
    test::TempStore tmp;
    auto run = newRun(tmp);
    for (int i = 0; i < 10000; ++i)
        run->log({{"a", double(i)}});
    run->flush();
    Store reader(tmp.path());
    EXPECT_EQ(reader.readSeries(run->info().key, QStringLiteral("a")).size(), 10000u);
    EXPECT_EQ(reader.runInfo(run->info().key).state, RunState::Running);
    run->finish();
}

TEST(StepRules, StepsOutsideZeroTo2Pow53AreRefusedAndNothingIsWritten)
{
    test::TempStore tmp;
    auto run = newRun(tmp);
    run->log({{"a", 1.0}});
    const auto refusal = [&](const std::function<void()> &call) {
        try {
            call();
        } catch (const Error &e) {
            EXPECT_EQ(e.kind(), Error::Kind::BadInput);
            return e.message();
        }
        return QStringLiteral("(accepted)");
    };
    const QString rule = QStringLiteral("expected a whole number from 0 to 2^53 (9007199254740992)");
    EXPECT_EQ(refusal([&] { run->log({{"a", 2.0}}, -1); }), QStringLiteral("step -1 is refused; ") + rule);
    EXPECT_EQ(refusal([&] {
                  run->log({{"a", 2.0}}, kMaxStep + 1);
              }),
              QStringLiteral("step 9007199254740993 is refused; ") + rule);
    EXPECT_EQ(refusal([&] { run->log(Json{{"_step", 1.5}, {"a", 2}}); }), QStringLiteral("_step is 1.5; ") + rule);
    EXPECT_EQ(refusal([&] {
                  run->log(Json{{"_step", std::numeric_limits<qint64>::max()}, {"a", 2}});
              }),
              QStringLiteral("_step is 9223372036854775807; ") + rule);
    // 2^53 itself is a step; the row after it would not be.
    run->log({{"a", 3.0}}, kMaxStep, true);
    EXPECT_EQ(refusal([&] {
                  run->log({{"a", 4.0}});
              }),
              QStringLiteral("the run's next step would be 9007199254740993, past the last valid step; ") + rule);
    run->finish();
    Store store(tmp.path());
    EXPECT_EQ(steps(store.readSeries(run->info().key, QStringLiteral("a"))), (std::vector<qint64>{0, kMaxStep}));
}

TEST(StepRules, DeeplyNestedValuesAreRefusedBeforeAnythingIsWritten)
{
    test::TempStore tmp;
    auto run = newRun(tmp);
    Json deep = 1;
    for (int i = 0; i < 600; ++i)
        deep = Json::array({std::move(deep)});
    try {
        run->log(Json{{"ok", 1}, {"deep", deep}});
        FAIL();
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::BadInput);
        EXPECT_TRUE(e.message().contains(QStringLiteral("\"deep\" is refused: arrays/objects nested more than 512")))
            << e.message().toStdString();
    }
    EXPECT_THROW(run->setSummary(QStringLiteral("s"), deep), Error);
    run->log(Json{{"ok", 2}});
    run->finish();
    Store store(tmp.path());
    const PointVector ok = store.readSeries(run->info().key, QStringLiteral("ok"));
    ASSERT_EQ(ok.size(), 1u); // the refused call left no half row behind
    EXPECT_EQ(ok[0].value, 2.0);
    EXPECT_TRUE(store.runInfo(run->info().key).summary["ok"].is_number_integer());
}

TEST(StepRules, IntegersBeyond2Pow53WarnOncePerKey)
{
    test::TempStore tmp;
    auto run = newRun(tmp);
    QStringList sunk;
    run->setWarningSink([&](const QString &w) { sunk << w; });
    run->log(Json{{"big", 9007199254740993LL}});
    run->log(Json{{"big", -9007199254740995LL}});
    run->log(Json{{"fine", 9007199254740992LL}});
    run->finish();
    ASSERT_EQ(sunk.size(), 1) << sunk.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(sunk[0].startsWith(QStringLiteral("\"big\" is 9007199254740993, an integer beyond +/-2^53")))
        << sunk[0].toStdString();
    Store store(tmp.path());
    EXPECT_FALSE(store.integralSeries(run->info().key, QStringLiteral("big")));
    EXPECT_TRUE(store.integralSeries(run->info().key, QStringLiteral("fine")));
}
