#pragma once

#include <QAbstractListModel>
#include <vector>

#include "store/run_info.h"

namespace forkscope {

// The store's projects, shown as "entity/project" with their run counts.
class ProjectListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { ProjectKeyRole = Qt::UserRole + 1, RunCountRole, EntityRole, NameRole };

    explicit ProjectListModel(QObject *parent = nullptr);

    // Updates in place when only counts changed, so selection survives refreshes.
    void setProjects(std::vector<ProjectInfo> projects);
    const std::vector<ProjectInfo> &projects() const { return projects_; }
    int rowOfKey(qint64 key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    std::vector<ProjectInfo> projects_;
};

} // namespace forkscope
