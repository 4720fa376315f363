#include "itemmodels/project_list_model.h"

namespace forkscope {

ProjectListModel::ProjectListModel(QObject *parent) : QAbstractListModel(parent) {}

void ProjectListModel::setProjects(std::vector<ProjectInfo> projects)
{
    const bool sameRows = projects.size() == projects_.size() &&
                          std::equal(projects.begin(), projects.end(), projects_.begin(),
                                     [](const ProjectInfo &a, const ProjectInfo &b) { return a.key == b.key; });
    if (!sameRows) {
        beginResetModel();
        projects_ = std::move(projects);
        endResetModel();
        return;
    }
    projects_ = std::move(projects);
    if (!projects_.empty())
        emit dataChanged(index(0), index(int(projects_.size()) - 1));
}

int ProjectListModel::rowOfKey(qint64 key) const
{
    for (size_t i = 0; i < projects_.size(); ++i) {
        if (projects_[i].key == key)
            return int(i);
    }
    return -1;
}

int ProjectListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(projects_.size());
}

QVariant ProjectListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProjectInfo &p = projects_[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole: return QString(p.entity + QLatin1Char('/') + p.name);
    case Qt::ToolTipRole: return tr("%1/%2: %n run(s)", nullptr, int(p.runCount)).arg(p.entity, p.name);
    case ProjectKeyRole: return p.key;
    case RunCountRole: return p.runCount;
    case EntityRole: return p.entity;
    case NameRole: return p.name;
    default: return {};
    }
}

QHash<int, QByteArray> ProjectListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names[ProjectKeyRole] = "projectKey";
    names[RunCountRole] = "runCount";
    names[EntityRole] = "entity";
    names[NameRole] = "name";
    return names;
}

} // namespace forkscope
