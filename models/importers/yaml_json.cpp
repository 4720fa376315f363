#include "importers/yaml_json.h"

#include <charconv>
#include <cmath>
#include <limits>

#include <QCoreApplication>
#include <QFile>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include "core/error.h"
#include "core/json_limits.h"
#include "importers/lenient_json.h"

namespace forkscope {

namespace {

Json plainScalar(const std::string &s)
{
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL")
        return nullptr;
    if (s == "true" || s == "True" || s == "TRUE")
        return true;
    if (s == "false" || s == "False" || s == "FALSE")
        return false;
    const char c = s.front();
    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
        std::string_view v(s);
        if (v.front() == '+')
            v.remove_prefix(1);
        std::int64_t i = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), i);
        if (ec == std::errc() && end == v.data() + v.size())
            return i;
        if (v.size() > 2 && v[0] == '0' && (v[1] == 'x' || v[1] == 'o')) {
            const int base = v[1] == 'x' ? 16 : 8;
            std::uint64_t u = 0;
            auto [e2, ec2] = std::from_chars(v.data() + 2, v.data() + v.size(), u, base);
            if (ec2 == std::errc() && e2 == v.data() + v.size() && u <= std::uint64_t(INT64_MAX))
                return std::int64_t(u);
        }
        const bool negative = s.front() == '-';
        const std::string_view mag = negative ? std::string_view(s).substr(1) : v;
        if (mag == ".inf" || mag == ".Inf" || mag == ".INF")
            return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        if (s == ".nan" || s == ".NaN" || s == ".NAN")
            return std::numeric_limits<double>::quiet_NaN();
        // Only real decimal numbers: from_chars would also take "nan"/"inf" words.
        if (s.find_first_not_of("0123456789+-.eE") == std::string::npos)
            if (auto d = parseDouble(s))
                return *d;
    }
    return s;
}

// Thrown past kMaxJsonDepth (yaml-cpp's own limit, 2000, only guards its
// parser), or past kMaxYamlNodes: aliases can repeat a node exponentially
// often ("billion laughs"), and each repeat becomes a copy here.
struct TooDeep {};
struct TooLarge {};
constexpr qint64 kMaxYamlNodes = qint64(1) << 22;

Json convert(const YAML::Node &node, YamlScalars scalars, int depth, qint64 &budget)
{
    if (--budget < 0)
        throw TooLarge();
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: return nullptr;
    case YAML::NodeType::Scalar:
        // yaml-cpp tags quoted scalars "!" and plain ones "?".
        if (node.Tag() == "!")
            return node.Scalar();
        if (scalars == YamlScalars::Text) {
            const Json typed = plainScalar(node.Scalar());
            return typed.is_null() ? typed : Json(node.Scalar());
        }
        return plainScalar(node.Scalar());
    case YAML::NodeType::Sequence: {
        if (depth >= kMaxJsonDepth)
            throw TooDeep();
        Json a = Json::array();
        for (const auto &item : node)
            a.push_back(convert(item, scalars, depth + 1, budget));
        return a;
    }
    case YAML::NodeType::Map: {
        if (depth >= kMaxJsonDepth)
            throw TooDeep();
        Json o = Json::object();
        for (const auto &kv : node) {
            // Keys are names: "010" stays "010", never the number 10.
            const std::string key =
                kv.first.IsScalar() ? kv.first.Scalar() : convert(kv.first, scalars, depth + 1, budget).dump();
            o[key] = convert(kv.second, scalars, depth + 1, budget);
        }
        return o;
    }
    }
    return nullptr;
}

} // namespace

Json yamlTextToJson(const std::string &text, const QString &what, YamlScalars scalars)
{
    try {
        qint64 budget = kMaxYamlNodes;
        return convert(YAML::Load(text), scalars, 0, budget);
    } catch (const YAML::DeepRecursion &e) {
        // yaml-cpp's own guard (500 levels, below ours) says only "bad file".
        throw Error(Error::Kind::Format, QCoreApplication::translate("forkscope::Importers",
                                                                     "%1 is refused: nested more than %2 levels deep")
                                             .arg(what)
                                             .arg(e.depth()));
    } catch (const YAML::Exception &e) {
        throw Error(Error::Kind::Format,
                    QCoreApplication::translate("forkscope::Importers", "%1 is not valid YAML (line %2: %3)")
                        .arg(what)
                        .arg(e.mark.line + 1)
                        .arg(QString::fromStdString(e.msg)));
    } catch (const TooDeep &) {
        throw Error(
            Error::Kind::Format,
            QCoreApplication::translate("forkscope::Importers", "%1 is refused: %2").arg(what, nestingTooDeepText()));
    } catch (const TooLarge &) {
        throw Error(Error::Kind::Format,
                    QCoreApplication::translate("forkscope::Importers",
                                                "%1 is refused: it expands to more than %2 values (aliases repeating "
                                                "other nodes?)")
                        .arg(what)
                        .arg(kMaxYamlNodes));
    }
}

Json yamlFileToJson(const QString &path, YamlScalars scalars)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(
            Error::Kind::NotFound,
            QCoreApplication::translate("forkscope::Importers", "cannot open %1: %2").arg(path, f.errorString()));
    const QByteArray bytes = f.readAll();
    return yamlTextToJson(bytes.toStdString(), path, scalars);
}

} // namespace forkscope
