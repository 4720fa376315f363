#include <gtest/gtest.h>

#include <QRegularExpression>
#include <QSet>

#include "core/error.h"
#include "identity/run_id.h"
#include "identity/run_path.h"

using namespace forkscope;

TEST(RunId, GeneratedIdsAreEightLowercaseAlphanumerics)
{
    const QRegularExpression shape(QStringLiteral("^[a-z0-9]{8}$"));
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i) {
        const QString id = generateRunId();
        EXPECT_TRUE(shape.match(id).hasMatch()) << id.toStdString();
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 1000);
}

TEST(RunId, CustomIdRules)
{
    EXPECT_TRUE(runIdProblem(QStringLiteral("my-run_1.v2")).isEmpty());
    EXPECT_TRUE(runIdProblem(QStringLiteral("ラン")).isEmpty());
    EXPECT_TRUE(runIdProblem(QString()).contains(QStringLiteral("empty")));
    EXPECT_TRUE(runIdProblem(QStringLiteral(" x")).contains(QStringLiteral("white space")));
    EXPECT_TRUE(runIdProblem(QStringLiteral("x\t")).contains(QStringLiteral("white space")));
    for (const char *bad : {"a:b", "a;b", "a,b", "a#b", "a?b", "a/b", "a'b"}) {
        const QString problem = runIdProblem(QString::fromLatin1(bad));
        EXPECT_TRUE(problem.contains(QStringLiteral("may not contain"))) << bad;
    }
    EXPECT_THROW(requireValidRunId(QStringLiteral("a/b")), Error);
}

TEST(RunPath, ParsesExactlyThreeParts)
{
    const auto p = RunPath::parse(QStringLiteral("team/mnist/abc123"));
    ASSERT_TRUE(p);
    EXPECT_EQ(p->entity, QStringLiteral("team"));
    EXPECT_EQ(p->project, QStringLiteral("mnist"));
    EXPECT_EQ(p->runId, QStringLiteral("abc123"));
    EXPECT_EQ(p->toString(), QStringLiteral("team/mnist/abc123"));
    EXPECT_FALSE(RunPath::parse(QStringLiteral("mnist/abc")));
    EXPECT_FALSE(RunPath::parse(QStringLiteral("a//c")));
    EXPECT_FALSE(RunPath::parse(QStringLiteral("a/b/c/d")));
}
