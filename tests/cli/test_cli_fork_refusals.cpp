// Every fork refusal of fork-semantics.md exits 2 and says what was wrong.
#include <gtest/gtest.h>

#include "cli/cli_runner.h"
#include "support/temp_store.h"

using namespace forkscope;
using namespace forkscope::test;

namespace {

class CliForkRefusals : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::vector<Json> lines;
        for (int i = 0; i < 300; ++i)
            lines.push_back({{"metric", i}});
        const auto r = runCli(store.path(), {"log", "--project", "p", "--id", "abc"}, jsonLinesText(lines));
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }

    void expectRefused(const QStringList &args, const QStringList &mentions)
    {
        const auto r = runCli(store.path(), args);
        EXPECT_EQ(r.exitCode, 2) << args.join(' ').toStdString();
        EXPECT_TRUE(r.out.isEmpty()) << r.out.toStdString();
        for (const QString &m : mentions)
            EXPECT_TRUE(r.err.contains(m)) << "'" << m.toStdString() << "' not in: " << r.err.toStdString();
    }

    TempStore store;
};

} // namespace

TEST_F(CliForkRefusals, MalformedSpecsNameTheProblemAndTheExpectedForm)
{
    const QString expected = "'<run>?_step=<N>'";
    expectRefused({"fork", "abc?epoch=3", "--project", "p"}, {"epoch", "only the metric _step", expected});
    expectRefused({"fork", "abc", "--project", "p"}, {"no '?_step=<N>' part", expected});
    expectRefused({"fork", "abc?_step=", "--project", "p"}, {"no step after '_step='", expected});
    expectRefused({"fork", "abc?_step=1.5", "--project", "p"}, {"'1.5' is not a whole number", expected});
    expectRefused({"fork", "abc?_step=-1", "--project", "p"}, {"'-1' is negative", expected});
    expectRefused({"fork", "abc?_step=1&x=2", "--project", "p"}, {"more than one parameter", expected});
}

TEST_F(CliForkRefusals, UnknownRunStepPastTheEndAndSameIdAreRefused)
{
    expectRefused({"fork", "nosuch?_step=1", "--project", "p"}, {"nosuch", "not found"});
    expectRefused({"fork", "local/p/nosuch?_step=1"}, {"local/p/nosuch"});
    expectRefused({"fork", "fsr:00000000000000000000000000?_step=1"}, {"fsr:00000000000000000000000000"});
    expectRefused({"fork", "abc?_step=300", "--project", "p"}, {"step 300", "last step is 299", "from 0 to 299"});
    expectRefused({"fork", "abc?_step=3", "--project", "p", "--id", "abc"}, {"must differ", "'abc'"});
    expectRefused({"fork", "abc?_step=3"}, {"bare run ID", "project"});
    // `init --fork-from` goes through the same checks.
    expectRefused({"init", "--project", "p", "--fork-from", "abc?_step=300"}, {"last step is 299"});
    expectRefused({"init", "--project", "p", "--fork-from", "abc?epoch=3"}, {"epoch"});

    // Nothing was created by any of them.
    const auto runs = runCli(store.path(), {"runs", "--project", "p", "--json"});
    ASSERT_EQ(runs.exitCode, 0);
    EXPECT_EQ(runs.json().at("runs").size(), 1u);
}

TEST_F(CliForkRefusals, TheLastStepItselfCanBeForked)
{
    const auto r = runCli(store.path(), {"fork", "abc?_step=299", "--project", "p", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().at("fork").at("step"), 299);
}
