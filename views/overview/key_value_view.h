#pragma once

#include <QWidget>

#include "core/json_qt.h"

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace forkscope {

class JsonTreeModel;

// A searchable Key / Value tree of a JSON object (a run's config or
// summary). Flat objects show as a table.
class KeyValueView : public QWidget {
    Q_OBJECT
public:
    KeyValueView(const QString &title, QWidget *parent = nullptr);

    void setJson(const Json &json);
    // The heading; also names the tree and the search box for accessibility.
    void setTitle(const QString &title);
    JsonTreeModel *model() const { return model_; }
    QTreeView *view() const { return view_; }
    QLineEdit *searchBox() const { return search_; }

private:
    QLabel *title_ = nullptr;
    QLineEdit *search_ = nullptr;
    QTreeView *view_ = nullptr;
    JsonTreeModel *model_ = nullptr;
    QSortFilterProxyModel *proxy_ = nullptr;
};

} // namespace forkscope
