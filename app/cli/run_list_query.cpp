#include "cli/run_list_query.h"

#include "cli/cli_tr.h"
#include "cli/command_line.h"
#include "core/error.h"

#include <limits>

namespace forkscope {

namespace {

qint64 parseCount(const QString &option, const QString &text, qint64 max)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0 || value > max)
        throw Error(Error::Kind::BadInput,
                    Cli::tr("--%1 '%2' is not valid; expected a whole number from 0 to %3").arg(option, text).arg(max));
    return value;
}

void parseSort(const QString &text, RunPageQuery &q)
{
    QString key = text;
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0) {
        const QString dir = text.mid(colon + 1);
        if (dir == QLatin1String("asc"))
            q.direction = SortDirection::Ascending;
        else if (dir == QLatin1String("desc"))
            q.direction = SortDirection::Descending;
        else
            throw Error(
                Error::Kind::BadInput,
                Cli::tr("--sort '%1': '%2' is not a direction; expected KEY, KEY:asc or KEY:desc").arg(text, dir));
        key = text.left(colon);
    } else {
        q.direction = SortDirection::Ascending;
    }
    static const struct {
        const char *name;
        RunSortKey sort;
    } kColumns[] = {{"created", RunSortKey::Created},
                    {"name", RunSortKey::Name},
                    {"id", RunSortKey::RunId},
                    {"state", RunSortKey::State},
                    {"last_step", RunSortKey::LastStep}};
    for (const auto &c : kColumns) {
        if (key == QLatin1String(c.name)) {
            q.sort = c.sort;
            return;
        }
    }
    for (const auto &[prefix, sort] : {std::pair{QStringLiteral("summary."), RunSortKey::Summary},
                                       std::pair{QStringLiteral("config."), RunSortKey::Config}}) {
        if (key.startsWith(prefix) && key.size() > prefix.size()) {
            q.sort = sort;
            q.valueKey = key.mid(prefix.size());
            return;
        }
    }
    throw Error(Error::Kind::BadInput, Cli::tr("--sort '%1': unknown key '%2'; expected created, name, id, state, "
                                               "last_step, summary.KEY or config.KEY, optionally with :asc or :desc")
                                           .arg(text, key));
}

} // namespace

RunListQuery parseRunListQuery(const ParsedCommand &args, qint64 projectKey)
{
    RunListQuery out;
    out.query.projectKey = projectKey;
    out.query.sort = RunSortKey::Created;
    out.query.direction = SortDirection::Ascending; // the order runs were always listed in
    if (args.isSet(QStringLiteral("sort"))) {
        parseSort(args.value(QStringLiteral("sort")), out.query);
        out.paged = true;
    }
    if (args.isSet(QStringLiteral("filter"))) {
        out.query.filter = args.value(QStringLiteral("filter"));
        out.paged = true;
    }
    if (args.isSet(QStringLiteral("offset"))) {
        out.offset = parseCount(QStringLiteral("offset"), args.value(QStringLiteral("offset")),
                                std::numeric_limits<qint64>::max() / 2);
        out.paged = true;
    }
    if (args.isSet(QStringLiteral("limit"))) {
        out.limit = int(parseCount(QStringLiteral("limit"), args.value(QStringLiteral("limit")), 1000000));
        out.paged = true;
    }
    return out;
}

} // namespace forkscope
