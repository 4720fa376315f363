#pragma once

#include <stdexcept>
#include <string>

#include <QString>

namespace forkscope {

// Every failure the models layer reports. `kind` lets front ends map it:
// the CLI exits 2 for BadInput/NotFound/Conflict and 1 for the rest.
class Error : public std::runtime_error {
public:
    enum class Kind {
        BadInput,     // the caller's input is malformed or out of range
        NotFound,     // a named project/run/key does not exist
        Conflict,     // valid input that the current state refuses (ID taken, run has forks)
        Storage,      // the store failed (I/O, SQLite error)
        SchemaTooNew, // the store was written by a newer Forkscope
        Format,       // an imported file is not what it claims to be
    };

    Error(Kind kind, const QString &message) : std::runtime_error(message.toStdString()), kind_(kind) {}

    Kind kind() const noexcept { return kind_; }
    QString message() const { return QString::fromStdString(what()); }
    bool isUserError() const noexcept
    {
        return kind_ == Kind::BadInput || kind_ == Kind::NotFound || kind_ == Kind::Conflict;
    }

private:
    Kind kind_;
};

} // namespace forkscope
