#include "native_run.h"

#include "core/step_rule.h"
#include "py_row.h"

namespace forkscope::py {

namespace pyb = pybind11;

namespace {

std::optional<qint64> stepArgument(PyObject *step)
{
    if (step == Py_None)
        return std::nullopt;
    // int and anything that is an index (numpy.int64); bool is not a step.
    if (!PyBool_Check(step) && PyIndex_Check(step)) {
        pyb::int_ index = pyb::reinterpret_steal<pyb::int_>(PyNumber_Index(step));
        if (!index)
            throw pyb::error_already_set();
        int overflow = 0;
        const long long value = PyLong_AsLongLongAndOverflow(index.ptr(), &overflow);
        if (!overflow)
            return value; // a negative step is forkscope::Run's to refuse
    }
    throw pyb::value_error(badStepText(QString::fromStdString(std::string(pyb::repr(step)))).toStdString());
}

std::optional<bool> commitArgument(PyObject *commit)
{
    if (commit == Py_None)
        return std::nullopt;
    const int truth = PyObject_IsTrue(commit);
    if (truth < 0)
        throw pyb::error_already_set();
    return truth != 0;
}

pyb::tuple checkpointTuple(const Checkpoint &c)
{
    return pyb::make_tuple(c.step, c.path.toStdString(), c.size ? pyb::object(pyb::int_(*c.size)) : pyb::none(),
                           c.sha256.isEmpty() ? pyb::object(pyb::none())
                                              : pyb::object(pyb::str(c.sha256.toStdString())),
                           c.runPath.toStdString());
}

} // namespace

template <typename F> auto NativeRun::locked(F &&f)
{
    pyb::gil_scoped_release release;
    std::lock_guard lock(mutex_);
    return f();
}

NativeRun::NativeRun(InitOptions options)
{
    pyb::gil_scoped_release release;
    run_ = Run::init(options);
    run_->setWarningSink([this](const QString &warning) {
        std::lock_guard lock(warningsMutex_);
        warnings_ << warning;
        hasWarnings_ = true;
    });
}

NativeRun::~NativeRun()
{
    // forkscope::Run's destructor finishes an unfinished run; atexit normally did.
    if (run_ && !finished_ && Py_IsInitialized() && !_Py_IsFinalizing()) {
        pyb::gil_scoped_release release;
        run_.reset();
    }
}

void NativeRun::log(pyb::handle data, pyb::handle step, pyb::handle commit)
{
    thread_local PyRow row;
    if (PyDict_Check(data.ptr())) {
        row.read(data.ptr());
    } else {
        // Any other Mapping, as W&B takes (rare: copied into a dict).
        pyb::object mapping = pyb::module_::import("collections.abc").attr("Mapping");
        row.read(pyb::isinstance(data, mapping) ? pyb::dict(pyb::reinterpret_borrow<pyb::object>(data)).ptr()
                                                : data.ptr());
    }
    const std::optional<qint64> s = stepArgument(step.ptr());
    const std::optional<bool> c = commitArgument(commit.ptr());
    locked([&] {
        if (row.numeric())
            run_->log(row.items(), s, c);
        else
            run_->log(row.json(), s, c);
    });
    if (hasWarnings_.load(std::memory_order_relaxed))
        raisePendingWarnings();
}

void NativeRun::raisePendingWarnings()
{
    QStringList warnings;
    {
        std::lock_guard lock(warningsMutex_);
        warnings.swap(warnings_);
        hasWarnings_ = false;
    }
    for (const QString &warning : warnings) {
        // Attributed to the Python line that called log().
        if (PyErr_WarnEx(PyExc_UserWarning, warning.toUtf8().constData(), 1) < 0)
            throw pyb::error_already_set();
    }
}

void NativeRun::finish(int exitCode)
{
    locked([&] {
        run_->finish(exitCode);
        finished_ = true;
    });
}

void NativeRun::flush()
{
    locked([&] { run_->flush(); });
}

void NativeRun::rename(const std::string &name)
{
    locked([&] { run_->rename(QString::fromStdString(name)); });
}

void NativeRun::setConfig(pyb::handle config)
{
    if (!PyDict_Check(config.ptr()))
        throw pyb::type_error("config must be a dict");
    const Json json = pyToJson(config.ptr(), "config");
    locked([&] { run_->setConfig(json); });
}

void NativeRun::setSummary(const std::string &key, pyb::handle value)
{
    const Json json = pyToJson(value.ptr(), "summary key '" + key + "'");
    locked([&] { run_->setSummary(QString::fromStdString(key), json); });
}

std::string NativeRun::summaryJson()
{
    return locked([&] { return dumpJson(run_->summary()); });
}

pyb::tuple NativeRun::logCheckpoint(const std::string &path, pyb::handle step, pyb::handle metadata)
{
    const std::optional<qint64> s = stepArgument(step.ptr());
    const Json meta = metadata.is_none() ? Json::object() : pyToJson(metadata.ptr(), "checkpoint metadata");
    if (!meta.is_object())
        throw pyb::type_error("checkpoint metadata must be a dict");
    const QString p = QString::fromStdString(path);
    return checkpointTuple(locked([&] { return run_->logCheckpoint(p, s, meta); }));
}

pyb::object NativeRun::resumeCheckpoint()
{
    const std::optional<Checkpoint> c = locked([&] { return run_->resumeCheckpoint(); });
    return c ? pyb::object(checkpointTuple(*c)) : pyb::object(pyb::none());
}

RunInfo NativeRun::info()
{
    return locked([&] { return run_->info(); });
}

qint64 NativeRun::step()
{
    return locked([&] { return run_->currentStep(); });
}

bool NativeRun::finished()
{
    return locked([&] { return finished_; });
}

} // namespace forkscope::py
