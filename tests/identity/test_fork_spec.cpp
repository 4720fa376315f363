#include <gtest/gtest.h>

#include "core/error.h"
#include "identity/fork_spec.h"
#include "identity/immutable_id.h"

using namespace forkscope;

namespace {
QString refusal(const char *spec)
{
    try {
        ForkSpec::parse(QString::fromUtf8(spec));
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::BadInput);
        // Every refusal says what is expected, with W&B's own example.
        EXPECT_TRUE(e.message().contains(QStringLiteral("ans3bsax?_step=123"))) << e.what();
        return e.message();
    }
    ADD_FAILURE() << "accepted " << spec;
    return {};
}
} // namespace

TEST(ForkSpec, ParsesTheThreeWaysToNameARun)
{
    const auto bare = ForkSpec::parse(QStringLiteral("ans3bsax?_step=123"));
    EXPECT_EQ(bare.run.kind, RunRef::Kind::RunId);
    EXPECT_EQ(bare.run.text, QStringLiteral("ans3bsax"));
    EXPECT_EQ(bare.step, 123);
    const auto path = ForkSpec::parse(QStringLiteral("me/mnist/ans3bsax?_step=0"));
    EXPECT_EQ(path.run.kind, RunRef::Kind::Path);
    EXPECT_EQ(path.run.path.project, QStringLiteral("mnist"));
    EXPECT_EQ(path.step, 0);
    const QString imm = generateImmutableId();
    const auto byImmutable = ForkSpec::parse(imm + QStringLiteral("?_step=200"));
    EXPECT_EQ(byImmutable.run.kind, RunRef::Kind::Immutable);
    EXPECT_EQ(byImmutable.run.text, imm);
    EXPECT_EQ(byImmutable.toString(), imm + QStringLiteral("?_step=200"));
}

TEST(ForkSpec, EachRefusalSaysWhatWasWrong)
{
    EXPECT_TRUE(refusal("abc?epoch=3").contains(QStringLiteral("only the metric _step")));
    EXPECT_TRUE(refusal("abc").contains(QStringLiteral("has no '?_step=<N>' part")));
    EXPECT_TRUE(refusal("abc?_step=").contains(QStringLiteral("no step after")));
    EXPECT_TRUE(refusal("abc?_step=1.5").contains(QStringLiteral("not a whole number")));
    EXPECT_TRUE(refusal("abc?_step=-1").contains(QStringLiteral("negative")));
    EXPECT_TRUE(refusal("abc?_step=1&x=2").contains(QStringLiteral("more than one parameter")));
    EXPECT_TRUE(refusal("?_step=3").contains(QStringLiteral("names no run")));
    EXPECT_TRUE(refusal("abc?_step=+3").contains(QStringLiteral("not a whole number")));
    EXPECT_TRUE(refusal("abc?_step=99999999999999999999").contains(QStringLiteral("not a whole number")));
}
