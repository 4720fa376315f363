// A stream's bytes become text at line ends, whole characters only.
#include <gtest/gtest.h>

#include "launch/output_lines.h"

using namespace forkscope;

TEST(OutputLines, WholeLinesGoPartialLinesWait)
{
    OutputLines lines;
    EXPECT_EQ(lines.add("epoch 1\nepo"), QStringLiteral("epoch 1\n"));
    EXPECT_TRUE(lines.hasPending());
    EXPECT_EQ(lines.add("ch 2"), QString());
    EXPECT_EQ(lines.add("\nepoch 3\nlast"), QStringLiteral("epoch 2\nepoch 3\n"));
    EXPECT_EQ(lines.finish(), QStringLiteral("last"));
    EXPECT_FALSE(lines.hasPending());
    EXPECT_EQ(lines.finish(), QString());
}

TEST(OutputLines, InvalidBytesAreReplacedAndSplitCharactersKeptWhole)
{
    OutputLines lines;
    EXPECT_EQ(lines.add(QByteArray("bad \xff\xfe ok\n")), QStringLiteral("bad \ufffd\ufffd ok\n"));
    // "学" is e5 ad a6: a read that ends inside it, flushed while quiet.
    EXPECT_EQ(lines.add(QByteArray("\xe5\xad")), QString());
    EXPECT_EQ(lines.flush(), QString());
    EXPECT_EQ(lines.add(QByteArray("\xa6")), QString());
    EXPECT_EQ(lines.flush(), QStringLiteral("\u5b66"));
    // A stream that ends inside a character gets the replacement.
    lines.add(QByteArray("x\xe5"));
    EXPECT_EQ(lines.finish(), QStringLiteral("x\ufffd"));
}

TEST(OutputLines, ALineThatNeverEndsIsCutAtTheLimitOnACharacterBoundary)
{
    OutputLines lines(8);
    EXPECT_EQ(lines.add("12345678"), QString());
    // 9 bytes pending, the last two the start of "é" (c3 a9) split: kept back.
    EXPECT_EQ(lines.add(QByteArray("\r\xc3")), QStringLiteral("12345678\r"));
    EXPECT_EQ(lines.add(QByteArray("\xa9\n")), QStringLiteral("\u00e9\n"));
}
