#include "cli/cli_app.h"

#include <cstdio>
#include <exception>

#include "cli/cli_context.h"
#include "cli/cli_tr.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "core/error.h"
#include "core/plain_text.h"

namespace forkscope {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitBadInput = 2;

void reportError(const QString &message)
{
    printErr(QStringLiteral("forkscope-cli: ") + Cli::tr("error: %1").arg(escapeControls(message, true)) +
             QLatin1Char('\n'));
}

int dispatch(QStringList args)
{
    const auto &commands = allCommands();
    // `forkscope-cli help [COMMAND]` is another way to ask for --help.
    if (!args.isEmpty() && args.first() == QLatin1String("help")) {
        args.removeFirst();
        args << QStringLiteral("--help");
    }
    const ParsedCommand parsed = parseCommandLine(args, commands);
    if (parsed.version) {
        printOut(QStringLiteral("forkscope-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return kExitOk;
    }
    if (parsed.help) {
        printOut(parsed.command ? parsed.command->help() : generalHelp(commands));
        return kExitOk;
    }
    if (!parsed.command) {
        printErr(generalHelp(commands));
        QStringList names;
        for (const auto &c : commands)
            names << c.name;
        throw Error(Error::Kind::BadInput,
                    Cli::tr("no command given; expected one of: %1").arg(names.join(QStringLiteral(", "))));
    }
    CliContext ctx(parsed);
    return parsed.command->run(ctx);
}

} // namespace

int runCli(const QStringList &args)
{
    int status = kExitOk;
    try {
        status = dispatch(args);
    } catch (const Error &e) {
        reportError(e.message());
        status = e.isUserError() ? kExitBadInput : kExitFailure;
    } catch (const std::exception &e) {
        reportError(QString::fromLocal8Bit(e.what()));
        status = kExitFailure;
    }
    if (std::fflush(stdout) != 0 && status == kExitOk) {
        reportError(Cli::tr("cannot write the output"));
        status = kExitFailure;
    }
    return status;
}

int runCli(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (const auto bad = invalidUtf8Offset(arg)) {
            reportError(Cli::tr("argument %1 ('%2') is not valid UTF-8 (byte %3 is 0x%4); expected UTF-8 text")
                            .arg(i)
                            .arg(QString::fromUtf8(arg.data(), qsizetype(arg.size())))
                            .arg(*bad + 1)
                            .arg(uint(static_cast<unsigned char>(arg[*bad])), 2, 16, QLatin1Char('0')));
            return kExitBadInput;
        }
    }
    return runCli(QCoreApplication::arguments().mid(1));
}

} // namespace forkscope
