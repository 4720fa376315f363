#include <gtest/gtest.h>

#include <cmath>

#include "core/error.h"
#include "core/exact_integer.h"
#include "core/json_limits.h"
#include "core/json_qt.h"
#include "core/step_rule.h"

using namespace forkscope;

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

TEST(Json, NulBytesAndDeepNestingAreRefusedBeforeParsing)
{
    const auto refusal = [](const std::string &text) {
        try {
            parseJson(text, QStringLiteral("the line"));
        } catch (const Error &e) {
            EXPECT_EQ(e.kind(), Error::Kind::BadInput);
            return e.message();
        }
        return QString();
    };
    // nlohmann stops at a NUL and would return {"a":1} alone.
    EXPECT_TRUE(refusal(std::string("{\"a\":1}\0{\"b\":2}", 15))
                    .startsWith(QStringLiteral("the line is not valid JSON (a NUL byte at byte 7")));
    const std::string deep = std::string(75000, '[') + std::string(75000, ']');
    EXPECT_TRUE(refusal(deep).contains(QStringLiteral("nested more than 512 levels deep at byte 512")))
        << refusal(deep).toStdString();
    EXPECT_TRUE(refusal(std::string(513, '[') + std::string(513, ']')).contains(QStringLiteral("512 levels")));
    const Json ok = parseJson(std::string(512, '[') + std::string(512, ']'), QStringLiteral("t"));
    EXPECT_EQ(jsonDepth(ok), 512);
    // Brackets inside strings are text, not nesting.
    EXPECT_EQ(parseJson("{\"s\": \"" + std::string(2000, '[') + "\\\"\"}", QStringLiteral("t"))["s"]
                  .get<std::string>()
                  .size(),
              2001u);
}

TEST(Json, ValueDepthIsMeasuredWithoutRecursion)
{
    EXPECT_EQ(jsonDepth(Json(1)), 0);
    EXPECT_EQ(jsonDepth(Json::object()), 1);
    EXPECT_EQ(jsonDepth(Json{{"a", {1, {2, {3}}}}}), 4);
    EXPECT_TRUE(jsonValueDepthProblem(Json{{"a", 1}}).isEmpty());
}

TEST(StepRule, WholeNumbersFromZeroTo2Pow53)
{
    EXPECT_EQ(stepFromJson(Json(0)), 0);
    EXPECT_EQ(stepFromJson(Json(9007199254740992LL)), 9007199254740992LL);
    EXPECT_EQ(stepFromJson(Json(3.0)), 3);
    EXPECT_EQ(stepFromJson(Json(std::uint64_t(7))), 7);
    for (const Json &bad : {Json(-1), Json(9007199254740993LL), Json(1.5), Json(-0.5), Json(1e300), Json(NAN),
                            Json(INFINITY), Json(std::uint64_t(18446744073709551615ULL)), Json("3"), Json(nullptr)})
        EXPECT_FALSE(stepFromJson(bad)) << dumpJson(bad);
    EXPECT_FALSE(stepFromDouble(9007199254740994.0));
    EXPECT_TRUE(isValidStep(kMaxStep));
    EXPECT_FALSE(isValidStep(kMaxStep + 1));
    EXPECT_FALSE(isValidStep(-1));
    EXPECT_EQ(badStepText(QStringLiteral("1.5")),
              QStringLiteral("step 1.5 is refused; expected a whole number from 0 to 2^53 (9007199254740992)"));
}

TEST(ExactInteger, StoredNumbersReadBackAsIntegersOnlyWhenTheyWereIntegers)
{
    EXPECT_TRUE(isExactInteger(Json(9007199254740992LL)));
    EXPECT_TRUE(isExactInteger(Json(-9007199254740992LL)));
    EXPECT_FALSE(isExactInteger(Json(9007199254740993LL)));
    EXPECT_FALSE(isExactInteger(Json(1.0)));
    EXPECT_TRUE(storedNumber(3.0, true).is_number_integer());
    EXPECT_TRUE(storedNumber(3.0, false).is_number_float());
    EXPECT_TRUE(storedNumber(2.5, true).is_number_float()); // never rounds a fraction away
    EXPECT_TRUE(storedNumber(NAN, true).is_number_float());
}

TEST(Json, StringsThatSpellTheParsersStandInsStayStrings)
{
    // Both spellings the non-finite stand-ins ever had, next to real NaN.
    const std::string text = R"(["\u0001fs:NaN", "\u0001\u0002", "\u0001\u0005\u0002", NaN, -Infinity])";
    const Json j = parseJson(text, QStringLiteral("t"));
    EXPECT_EQ(j[0], "\x01"
                    "fs:NaN");
    EXPECT_EQ(j[1], "\x01\x02");
    EXPECT_EQ(j[2], "\x01\x05\x02");
    EXPECT_TRUE(std::isnan(j[3].get<double>()));
    const std::string dumped = dumpJson(j);
    EXPECT_EQ(dumped, R"(["\u0001fs:NaN","\u0001\u0002","\u0001\u0005\u0002",NaN,-Infinity])");
    EXPECT_EQ(dumpJson(parseJson(dumped, QStringLiteral("t"))), dumped);
}
