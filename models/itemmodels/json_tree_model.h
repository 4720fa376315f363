#pragma once

#include <QAbstractItemModel>
#include <memory>
#include <vector>

#include "core/json_qt.h"

namespace forkscope {

// A JSON object as a tree of Key / Value rows (config, summary). Optionally
// editable: values typed by a person are read as JSON when they parse
// ("0.1", "true", "[1,2]") and as strings otherwise. Keys whose value differs
// from the one given to setJson() report OverriddenRole, so a dialog can
// highlight them and hand overrides() to Store::createFork().
class JsonTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, ColumnCount };
    enum Role { OverriddenRole = Qt::UserRole + 1, PathRole, IsContainerRole };

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    void setJson(const Json &root);
    const Json &json() const { return current_; }
    // Top-level keys whose value changed, with their whole new values.
    Json overrides() const;
    void setEditable(bool editable) { editable_ = editable; }
    bool isEditable() const { return editable_; }
    // Whether any row has children (a flat object reads better as a table).
    bool isFlat() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    static QString pathOf(const Node *node);
    void build(Node *node, const Json &value);
    const Json *valueAt(const Json &root, const Node *node) const;
    bool differs(const Node *node) const;

    std::unique_ptr<Node> root_;
    Json original_ = Json::object();
    Json current_ = Json::object();
    bool editable_ = false;
};

} // namespace forkscope
