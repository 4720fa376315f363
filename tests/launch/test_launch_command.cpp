// The command a run recorded becomes what a fork of it starts.
#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>

#include "launch/launch_command.h"

using namespace forkscope;

TEST(LaunchCommand, APythonRunStartsItsInterpreterWithTheScriptAndArguments)
{
    const Json metadata = {{"program", "train.py"},
                           {"args", {"--epochs", "3", "--name", "a b"}},
                           {"executable", "/usr/bin/python3"},
                           {"root", "/home/me/project"},
                           {"host", "box"}};
    const auto command = recordedCommand(metadata);
    ASSERT_TRUE(command);
    EXPECT_EQ(command->arguments, (QStringList{"/usr/bin/python3", "train.py", "--epochs", "3", "--name", "a b"}));
    EXPECT_EQ(command->workingFolder, QStringLiteral("/home/me/project"));
}

TEST(LaunchCommand, ABinaryStartsItself)
{
    const auto same = recordedCommand({{"program", "/opt/bin/trainer"}, {"executable", "/opt/bin/trainer"}});
    ASSERT_TRUE(same);
    EXPECT_EQ(same->arguments, QStringList{"/opt/bin/trainer"});
    EXPECT_TRUE(same->workingFolder.isEmpty());
    const auto bare = recordedCommand({{"program", "./trainer"}, {"args", Json::array()}});
    ASSERT_TRUE(bare);
    EXPECT_EQ(bare->arguments, QStringList{"./trainer"});
}

TEST(LaunchCommand, ArgumentsRecordedAsOneLineAreSplitWithoutAShell)
{
    const auto command = recordedCommand({{"program", "train.py"}, {"args", "--lr 0.1 --tag 'x y' $HOME"}});
    ASSERT_TRUE(command);
    EXPECT_EQ(command->arguments, (QStringList{"train.py", "--lr", "0.1", "--tag", "x y", "$HOME"}));
    const auto unclosed = recordedCommand({{"program", "train.py"}, {"args", "--tag 'x"}});
    ASSERT_TRUE(unclosed);
    EXPECT_EQ(unclosed->arguments, (QStringList{"train.py", "--tag 'x"}));
    const auto blank = recordedCommand({{"program", "train.py"}, {"args", "  "}});
    ASSERT_TRUE(blank);
    EXPECT_EQ(blank->arguments, QStringList{"train.py"});
}

TEST(LaunchCommand, NothingWithoutAProgram)
{
    EXPECT_FALSE(recordedCommand(Json::object()));
    EXPECT_FALSE(recordedCommand({{"args", {"--x"}}, {"executable", "/usr/bin/python3"}}));
    EXPECT_FALSE(recordedCommand({{"program", ""}}));
    EXPECT_FALSE(recordedCommand({{"program", 42}}));
    EXPECT_FALSE(recordedCommand(Json::array()));
}

TEST(LaunchCommand, AProblemIsSaidBeforeAnythingIsStarted)
{
    QTemporaryDir folder;
    QFile script(folder.path() + QStringLiteral("/train.sh"));
    ASSERT_TRUE(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\n");
    script.close();
    QFile data(folder.path() + QStringLiteral("/data.txt"));
    ASSERT_TRUE(data.open(QIODevice::WriteOnly));
    data.close();
    ASSERT_TRUE(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));

    EXPECT_TRUE(
        launchCommandProblem({{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("true")}, {}}).isEmpty());
    EXPECT_TRUE(launchCommandProblem({{QStringLiteral("/bin/sh")}, {}}).isEmpty());
    EXPECT_TRUE(launchCommandProblem({{QStringLiteral("./train.sh")}, folder.path()}).isEmpty());

    EXPECT_TRUE(launchCommandProblem({}).contains(QStringLiteral("no program")));
    EXPECT_TRUE(launchCommandProblem({{QStringLiteral("sh")}, folder.path() + QStringLiteral("/nope")})
                    .contains(QStringLiteral("/nope")));
    const QString notOnPath = launchCommandProblem({{QStringLiteral("forkscope-no-such-trainer")}, {}});
    EXPECT_TRUE(notOnPath.contains(QStringLiteral("'forkscope-no-such-trainer'")) && notOnPath.contains("PATH"))
        << notOnPath.toStdString();
    const QString missing = launchCommandProblem({{QStringLiteral("./gone.sh")}, folder.path()});
    EXPECT_TRUE(missing.contains(folder.path() + QStringLiteral("/gone.sh"))) << missing.toStdString();
    const QString notExecutable = launchCommandProblem({{QStringLiteral("./data.txt")}, folder.path()});
    EXPECT_TRUE(notExecutable.contains(QStringLiteral("not an executable"))) << notExecutable.toStdString();
}
