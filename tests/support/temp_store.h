#pragma once

#include <QString>
#include <QTemporaryDir>

namespace forkscope::test {

// A real SQLite store file in a fresh temporary folder, removed afterwards.
class TempStore {
public:
    TempStore();
    QString path() const { return path_; }
    QString dir() const { return dir_.path(); }

private:
    QTemporaryDir dir_;
    QString path_;
};

QString fixturePath(const QString &relative);

// Copies the folder `from` with everything in it to `to`; false on any failure.
bool copyTree(const QString &from, const QString &to);

} // namespace forkscope::test
