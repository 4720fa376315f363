#include "importers/wandb_artifact.h"

#include <QCoreApplication>
#include <QUrl>

#include "importers/protobuf_wire.h"

namespace forkscope {

namespace {

QString str(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

struct Entry {
    QString path, ref, localPath, digest;
    qint64 size = 0;
};

bool decodeEntry(std::string_view bytes, Entry &e)
{
    wire::Reader r(bytes);
    wire::Field f;
    while (r.next(f)) {
        if (f.number == 4 && f.isVarint())
            e.size = f.asInt64();
        else if (!f.isBytes())
            continue;
        else if (f.number == 1)
            e.path = str(f.bytes);
        else if (f.number == 2)
            e.digest = str(f.bytes);
        else if (f.number == 3)
            e.ref = str(f.bytes);
        else if (f.number == 7)
            e.localPath = str(f.bytes);
    }
    return !r.failed();
}

} // namespace

bool decodeModelArtifact(std::string_view bytes, std::optional<qint64> step, std::optional<ImportedCheckpoint> &out,
                         QString &error)
{
    out.reset();
    QString type, name, digest;
    Json aliases = Json::array();
    std::optional<Entry> chosen;
    wire::Reader r(bytes);
    wire::Field f;
    while (r.next(f)) {
        if (!f.isBytes())
            continue;
        if (f.number == 4)
            type = str(f.bytes);
        else if (f.number == 5)
            name = str(f.bytes);
        else if (f.number == 6)
            digest = str(f.bytes);
        else if (f.number == 11)
            aliases.push_back(std::string(f.bytes));
        else if (f.number == 12) {
            wire::Reader mr(f.bytes);
            wire::Field mf;
            while (mr.next(mf)) {
                Entry e;
                if (mf.number != 4 || !mf.isBytes())
                    continue;
                if (!decodeEntry(mf.bytes, e)) {
                    error = QCoreApplication::translate("forkscope::Importers",
                                                        "an artifact manifest entry does not decode");
                    return false;
                }
                if (!chosen || e.size > chosen->size)
                    chosen = e;
            }
            if (mr.failed()) {
                error = mr.errorText();
                return false;
            }
        }
    }
    if (r.failed()) {
        error = r.errorText();
        return false;
    }
    if (type != QLatin1String("model") || !chosen)
        return true;
    ImportedCheckpoint c;
    c.step = step;
    if (chosen->ref.startsWith(QLatin1String("file://")))
        c.path = QUrl(chosen->ref).toLocalFile();
    else if (!chosen->ref.isEmpty())
        c.path = chosen->ref;
    else if (!chosen->localPath.isEmpty())
        c.path = chosen->localPath;
    else
        c.path = QStringLiteral("wandb-artifact://%1/%2").arg(name, chosen->path);
    c.metadata = {{"source", "wandb artifact"},
                  {"artifact", name.toStdString()},
                  {"entry", chosen->path.toStdString()},
                  {"aliases", aliases}};
    if (!digest.isEmpty())
        c.metadata["digest"] = digest.toStdString();
    out = std::move(c);
    return true;
}

} // namespace forkscope
