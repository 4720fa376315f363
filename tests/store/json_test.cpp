#include <gtest/gtest.h>

#include <cmath>

#include "core/error.h"
#include "core/json_qt.h"

using namespace fs;

TEST(Json, NonFiniteTokensRoundTrip)
{
    const Json j = parseJson(R"({"a": NaN, "b": [Infinity, -Infinity], "s": "NaN Infinity"})", QStringLiteral("t"));
    EXPECT_TRUE(std::isnan(j["a"].get<double>()));
    EXPECT_EQ(j["b"][0].get<double>(), INFINITY);
    EXPECT_EQ(j["b"][1].get<double>(), -INFINITY);
    EXPECT_EQ(j["s"], "NaN Infinity"); // inside strings the words stay words
    EXPECT_EQ(dumpJson(j), R"({"a":NaN,"b":[Infinity,-Infinity],"s":"NaN Infinity"})");
}

TEST(Json, BadTextNamesWhatWasWrong)
{
    try {
        parseJson("{\"a\": ", QStringLiteral("line 3"));
        FAIL();
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::BadInput);
        EXPECT_TRUE(e.message().startsWith(QStringLiteral("line 3 is not valid JSON")));
    }
}
