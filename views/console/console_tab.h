#pragma once

#include <QWidget>
#include <optional>

#include "store/run_info.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace forkscope {

class StoreWorker;
class TrainingProcesses;

// A run's console: the output of training started for it, as kept in the
// store (so it is the same after a restart), followed while it grows; and
// Stop for a process this app started, or for the process logging the run
// on this computer (training left running when the app quit, or started by
// forkscope-cli).
class ConsoleTab : public QWidget {
    Q_OBJECT
public:
    explicit ConsoleTab(QWidget *parent = nullptr);

    // Where the output is read and which processes this app runs.
    void attach(StoreWorker *worker, TrainingProcesses *processes);
    // Shows `runKey`'s console (0: none).
    void setRun(qint64 runKey);
    qint64 runKey() const { return runKey_; }
    QPlainTextEdit *text() const { return text_; }
    QPushButton *stopButton() const { return stop_; }
    // Reads what the store has gained since the last read.
    void refresh();
    bool isLoading() const { return loading_; }

private:
    void updateStop();
    void confirmStop();
    // The process logging the run, as last read from the store, when it is
    // not one this app runs.
    std::optional<WriterIdentity> otherWriter() const;

    StoreWorker *worker_ = nullptr;
    TrainingProcesses *processes_ = nullptr;
    QPlainTextEdit *text_ = nullptr;
    QLabel *status_ = nullptr;
    QPushButton *stop_ = nullptr;
    QTimer *poll_ = nullptr;
    qint64 runKey_ = 0;
    qint64 lastSeq_ = 0;
    std::optional<RunInfo> run_; // as last read with the console
    int generation_ = 0;         // a read for an earlier run is dropped
    bool loading_ = false;
};

} // namespace forkscope
