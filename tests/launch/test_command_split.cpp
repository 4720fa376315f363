// A command typed as one line becomes arguments as a shell would read its
// words, but nothing a shell would do with them happens.
#include <gtest/gtest.h>

#include "core/error.h"
#include "launch/command_split.h"

using namespace forkscope;

namespace {
QStringList split(const char *text)
{
    return splitCommand(QString::fromUtf8(text));
}
QString refusal(const char *text)
{
    try {
        splitCommand(QString::fromUtf8(text));
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), Error::Kind::BadInput);
        return e.message();
    }
    ADD_FAILURE() << "no refusal for " << text;
    return {};
}
} // namespace

TEST(CommandSplit, BlanksSeparateAndQuotesGroup)
{
    EXPECT_EQ(split("  python3   train.py --lr 0.1 "), (QStringList{"python3", "train.py", "--lr", "0.1"}));
    EXPECT_EQ(split("a 'b c' \"d e\" f\\ g"), (QStringList{"a", "b c", "d e", "f g"}));
    EXPECT_EQ(split("x'y'\"z\""), QStringList{"xyz"});
    EXPECT_EQ(split("a '' \"\""), (QStringList{"a", "", ""}));
    EXPECT_EQ(split(R"(a "q\"uote \\ \$ \n")"), (QStringList{"a", R"(q"uote \ $ \n)"}));
    EXPECT_EQ(split("a 'it\\'"), (QStringList{"a", "it\\"}));
    EXPECT_EQ(split("caf\xc3\xa9 \xe5\xad\xa6\xe7\xbf\x92"), (QStringList{"caf\u00e9", "\u5b66\u7fd2"}));
}

TEST(CommandSplit, ShellSyntaxStaysLiteral)
{
    EXPECT_EQ(
        split("echo $HOME; rm -rf / | cat > out && `id` $(id) *.py ~"),
        (QStringList{"echo", "$HOME;", "rm", "-rf", "/", "|", "cat", ">", "out", "&&", "`id`", "$(id)", "*.py", "~"}));
}

TEST(CommandSplit, RefusesUnclosedQuotesTrailingBackslashAndNothing)
{
    EXPECT_TRUE(refusal("python 'train.py").contains(QStringLiteral("character 8")))
        << refusal("python 'train.py").toStdString();
    EXPECT_TRUE(refusal("a \"b").contains(QStringLiteral("\"")));
    EXPECT_TRUE(refusal("a b\\").contains(QStringLiteral("backslash")));
    EXPECT_TRUE(refusal("   ").contains(QStringLiteral("empty")));
    EXPECT_TRUE(refusal("").contains(QStringLiteral("empty")));
}

TEST(CommandSplit, JoinReadsBackToTheSameArguments)
{
    const QStringList cases[] = {
        {"python3", "train.py", "--lr=0.1"},
        {"a b", "it's", "", "$HOME;", "\"q\"", "back\\slash", "\u5b66\u7fd2", "tab\there", "new\nline"},
    };
    for (const QStringList &args : cases)
        EXPECT_EQ(splitCommand(joinCommand(args)), args) << joinCommand(args).toStdString();
    EXPECT_EQ(joinCommand({"python3", "train.py", "--lr=0.1"}), QStringLiteral("python3 train.py --lr=0.1"));
}
