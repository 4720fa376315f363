#include <gtest/gtest.h>

#include <QRegularExpression>

#include "identity/display_name.h"

TEST(DisplayName, AdjectiveNounOrdinal)
{
    const QRegularExpression shape(QStringLiteral("^[a-z]+-[a-z]+-7$"));
    for (int i = 0; i < 100; ++i)
        EXPECT_TRUE(shape.match(forkscope::generateDisplayName(7)).hasMatch());
}
