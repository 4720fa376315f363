#include "itemmodels/json_tree_model.h"

#include "itemmodels/value_format.h"

namespace forkscope {

struct JsonTreeModel::Node {
    Node *parent = nullptr;
    int row = 0;
    std::string key; // object key, or the array index as text
    bool inArray = false;
    bool container = false;
    std::vector<std::unique_ptr<Node>> children;
};

JsonTreeModel::JsonTreeModel(QObject *parent) : QAbstractItemModel(parent), root_(std::make_unique<Node>()) {}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setJson(const Json &root)
{
    beginResetModel();
    original_ = root.is_object() ? root : Json::object();
    current_ = original_;
    root_ = std::make_unique<Node>();
    root_->container = true;
    build(root_.get(), current_);
    endResetModel();
}

void JsonTreeModel::build(Node *node, const Json &value)
{
    if (!value.is_structured())
        return;
    node->container = true;
    int row = 0;
    for (auto it = value.begin(); it != value.end(); ++it, ++row) {
        auto child = std::make_unique<Node>();
        child->parent = node;
        child->row = row;
        child->inArray = value.is_array();
        child->key = value.is_array() ? std::to_string(row) : it.key();
        if (it->is_structured() && !it->empty())
            build(child.get(), *it);
        node->children.push_back(std::move(child));
    }
}

const Json *JsonTreeModel::valueAt(const Json &root, const Node *node) const
{
    if (!node->parent)
        return &root;
    const Json *parent = valueAt(root, node->parent);
    if (!parent)
        return nullptr;
    if (node->inArray)
        return parent->is_array() && size_t(node->row) < parent->size() ? &(*parent)[size_t(node->row)] : nullptr;
    if (!parent->is_object())
        return nullptr;
    auto it = parent->find(node->key);
    return it == parent->end() ? nullptr : &*it;
}

bool JsonTreeModel::differs(const Node *node) const
{
    const Json *a = valueAt(original_, node);
    const Json *b = valueAt(current_, node);
    if (!a || !b)
        return a != b;
    // NaN != NaN; compare the text form so an untouched NaN is not "changed".
    return dumpJson(*a) != dumpJson(*b);
}

Json JsonTreeModel::overrides() const
{
    Json out = Json::object();
    for (auto it = current_.begin(); it != current_.end(); ++it) {
        auto orig = original_.find(it.key());
        if (orig == original_.end() || dumpJson(*orig) != dumpJson(*it))
            out[it.key()] = *it;
    }
    return out;
}

bool JsonTreeModel::isFlat() const
{
    for (const auto &child : root_->children) {
        if (!child->children.empty())
            return false;
    }
    return true;
}

QString JsonTreeModel::pathOf(const Node *node)
{
    QStringList parts;
    for (const Node *p = node; p && p->parent; p = p->parent)
        parts.prepend(toQ(p->key));
    return parts.join(QLatin1Char('.'));
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : root_.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *p = nodeOf(parent);
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *n = nodeOf(child);
    if (!n->parent || n->parent == root_.get())
        return {};
    return createIndex(n->parent->row, 0, n->parent);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *n = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (index.column() == KeyColumn)
            return toQ(n->key);
        if (const Json *v = valueAt(current_, n)) {
            if (!n->children.empty())
                return v->is_array() ? tr("[%n item(s)]", nullptr, int(v->size()))
                                     : tr("{%n key(s)}", nullptr, int(v->size()));
            QString raw;
            const QString shown = formatValueAtKey(pathOf(n), *v, &raw);
            return role == Qt::ToolTipRole && !raw.isEmpty() ? raw : shown;
        }
        return {};
    case Qt::EditRole:
        if (index.column() == ValueColumn) {
            if (const Json *v = valueAt(current_, n))
                return v->is_string() ? toQ(v->get<std::string>()) : toQ(dumpJson(*v));
        }
        return data(index, Qt::DisplayRole);
    case OverriddenRole: return differs(n);
    case IsContainerRole: return !n->children.empty();
    case PathRole: return pathOf(n);
    default: return {};
    }
}

bool JsonTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!editable_ || role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) ||
        index.column() != ValueColumn)
        return false;
    const Node *n = nodeOf(index);
    if (!n->children.empty())
        return false;
    Json *target = const_cast<Json *>(valueAt(current_, n));
    if (!target)
        return false;
    const QString text = value.toString();
    Json parsed;
    try {
        parsed = parseJson(toStd(text), tr("value"));
    } catch (const std::exception &) {
        parsed = toStd(text);
    }
    // Keep the type of a string value unless the person clearly typed a number.
    if (target->is_string() && !parsed.is_number())
        parsed = toStd(text);
    *target = parsed;
    emit dataChanged(index.siblingAtColumn(KeyColumn), index.siblingAtColumn(ValueColumn));
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        emit dataChanged(p.siblingAtColumn(KeyColumn), p.siblingAtColumn(ValueColumn), {OverriddenRole});
    return true;
}

Qt::ItemFlags JsonTreeModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    if (editable_ && index.isValid() && index.column() == ValueColumn && nodeOf(index)->children.empty())
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == KeyColumn ? tr("Key") : section == ValueColumn ? tr("Value") : QVariant();
}

} // namespace forkscope
