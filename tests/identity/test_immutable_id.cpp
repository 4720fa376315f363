#include <gtest/gtest.h>

#include <QSet>

#include "identity/immutable_id.h"
#include "identity/run_id.h"
#include "identity/run_ref.h"

using namespace forkscope;

TEST(ImmutableId, UniqueAndNeverARunId)
{
    QSet<QString> seen;
    for (int i = 0; i < 2000; ++i) {
        const QString id = generateImmutableId();
        EXPECT_TRUE(isImmutableId(id)) << id.toStdString();
        EXPECT_TRUE(id.startsWith(QStringLiteral("fsr:")));
        EXPECT_FALSE(runIdProblem(id).isEmpty()) << "an immutable ID must not be a valid run ID";
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 2000);
}

TEST(ImmutableId, RejectsLookalikes)
{
    EXPECT_FALSE(isImmutableId(QStringLiteral("abc12345")));
    EXPECT_FALSE(isImmutableId(QStringLiteral("fsr:")));
    EXPECT_FALSE(isImmutableId(QStringLiteral("fsr:0123456789abcdefghjkmnpqrsu"))); // 'u' is not Crockford
    EXPECT_FALSE(isImmutableId(generateImmutableId() + QLatin1Char('0')));
}

TEST(RunRef, Classifies)
{
    EXPECT_EQ(RunRef::parse(QStringLiteral("abc")).kind, RunRef::Kind::RunId);
    EXPECT_EQ(RunRef::parse(QStringLiteral("e/p/abc")).kind, RunRef::Kind::Path);
    EXPECT_EQ(RunRef::parse(generateImmutableId()).kind, RunRef::Kind::Immutable);
}
