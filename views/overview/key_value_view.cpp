#include "views/overview/key_value_view.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include "itemmodels/json_tree_model.h"

namespace forkscope {

KeyValueView::KeyValueView(const QString &title, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *header = new QHBoxLayout;
    title_ = new QLabel(title, this);
    QFont f = title_->font();
    f.setBold(true);
    title_->setFont(f);
    search_ = new QLineEdit(this);
    search_->setClearButtonEnabled(true);
    search_->setMaximumWidth(220);
    header->addWidget(title_, 1);
    header->addWidget(search_);
    layout->addLayout(header);

    model_ = new JsonTreeModel(this);
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setRecursiveFilteringEnabled(true);
    proxy_->setAutoAcceptChildRows(true);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    view_ = new QTreeView(this);
    view_->setModel(proxy_);
    view_->setAlternatingRowColors(true);
    view_->setUniformRowHeights(true);
    view_->header()->setSectionResizeMode(QHeaderView::Interactive);
    view_->header()->setStretchLastSection(true);
    view_->setColumnWidth(0, 200);
    layout->addWidget(view_, 1);

    connect(search_, &QLineEdit::textChanged, this, [this](const QString &text) {
        proxy_->setFilterFixedString(text);
        if (!text.isEmpty())
            view_->expandAll();
    });
    setTitle(title);
}

void KeyValueView::setTitle(const QString &title)
{
    title_->setText(title);
    search_->setPlaceholderText(tr("Search"));
    search_->setAccessibleName(tr("Search %1").arg(title));
    view_->setAccessibleName(title);
}

void KeyValueView::setJson(const Json &json)
{
    model_->setJson(json);
    view_->setRootIsDecorated(!model_->isFlat());
    view_->expandToDepth(0);
}

} // namespace forkscope
