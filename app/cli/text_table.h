#pragma once

#include <QStringList>
#include <vector>

namespace forkscope {

// Terminal columns `text` takes (CJK wide characters count two).
qsizetype displayWidth(const QString &text);
// `text` padded with spaces to `columns` terminal columns.
QString padToColumns(const QString &text, qsizetype columns, bool alignRight = false);

// A plain-text table: a header and rows, columns padded to line up.
class TextTable {
public:
    explicit TextTable(QStringList header) : header_(std::move(header)) {}
    // Control characters in cells are shown escaped (escapeControls).
    void addRow(QStringList cells);
    // Columns listed here are right-aligned (numbers).
    void alignRight(int column) { right_.push_back(column); }
    QString toString() const;

private:
    QStringList header_;
    std::vector<QStringList> rows_;
    std::vector<int> right_;
};

} // namespace forkscope
