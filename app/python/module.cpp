// forkscope._forkscope: the compiled half of the Python package. It binds the
// C++ client forkscope::Run (models/client); the package's Python files add the
// W&B-shaped surface (init, Run.config, Run.summary, with, atexit).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "core/error.h"
#include "native_run.h"
#include "py_row.h"
#include "store/store.h"

namespace pyb = pybind11;
using namespace pybind11::literals;

namespace {

PyObject *notFoundError = nullptr;

// The CLI's mapping (exit 2 for the caller's mistakes, 1 for the rest), in
// Python's terms, with the CLI's message.
void raiseForkscopeError(const forkscope::Error &e)
{
    PyObject *type = PyExc_RuntimeError;
    if (e.kind() == forkscope::Error::Kind::NotFound)
        type = notFoundError;
    else if (e.isUserError())
        type = PyExc_ValueError;
    else if (e.kind() == forkscope::Error::Kind::Storage)
        type = PyExc_OSError;
    PyErr_SetString(type, e.what());
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

forkscope::InitOptions initOptions(const std::string &store, const std::string &project, const std::string &entity,
                                   const std::string &id, const std::string &name, const std::string &notes,
                                   const std::vector<std::string> &tags, pyb::handle config,
                                   const std::string &forkFrom, const std::string &resume,
                                   const std::string &resumeFrom, pyb::handle metadata)
{
    forkscope::InitOptions o;
    o.storePath = q(store);
    o.project = q(project);
    o.entity = q(entity);
    o.id = q(id);
    o.name = q(name);
    o.notes = q(notes);
    for (const auto &tag : tags)
        o.tags << q(tag);
    if (!config.is_none())
        o.config = forkscope::py::pyToJson(config.ptr(), "config");
    if (!o.config.is_object())
        throw pyb::type_error("config must be a dict of key/value pairs");
    if (!metadata.is_none())
        o.metadata = forkscope::py::pyToJson(metadata.ptr(), "metadata");
    o.forkFrom = q(forkFrom);
    o.resume = q(resume);
    o.resumeFrom = q(resumeFrom);
    // The package records sys.executable, sys.argv, the working folder and
    // git itself (forkscope/__init__.py): /proc would say "python3".
    o.recordCommand = false;
    return o;
}

pyb::object forkTuple(const forkscope::RunInfo &info)
{
    if (!info.fork)
        return pyb::none();
    const forkscope::ForkLink &f = *info.fork;
    return pyb::make_tuple(f.sourceImmutableId.toStdString(), f.sourceRunId.toStdString(), f.sourcePath.toStdString(),
                           f.step);
}

} // namespace

PYBIND11_MODULE(_forkscope, m)
{
    m.doc() = "Forkscope's C++ logging client (forkscope::Run); use the forkscope package, not this module";
    m.attr("__version__") = FORKSCOPE_VERSION;

    notFoundError = PyErr_NewExceptionWithDoc("forkscope.NotFoundError",
                                              "A run, project or key named by the caller does not exist.",
                                              PyExc_ValueError, nullptr);
    m.add_object("NotFoundError", pyb::handle(notFoundError));
    pyb::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p)
                std::rethrow_exception(p);
        } catch (const forkscope::Error &e) {
            raiseForkscopeError(e);
        }
    });

    m.def(
        "default_store_path", [] { return forkscope::defaultStorePath().toStdString(); },
        "FORKSCOPE_STORE, else the per-user store the app opens.");

    pyb::class_<forkscope::py::NativeRun>(m, "NativeRun")
        .def(pyb::init([](const std::string &store, const std::string &project, const std::string &entity,
                          const std::string &id, const std::string &name, const std::string &notes,
                          const std::vector<std::string> &tags, pyb::handle config, const std::string &forkFrom,
                          const std::string &resume, const std::string &resumeFrom, pyb::handle metadata) {
                 return new forkscope::py::NativeRun(initOptions(store, project, entity, id, name, notes, tags, config,
                                                                 forkFrom, resume, resumeFrom, metadata));
             }),
             pyb::kw_only(), "store"_a = "", "project"_a = "", "entity"_a = "", "id"_a = "", "name"_a = "",
             "notes"_a = "", "tags"_a = std::vector<std::string>{}, "config"_a = pyb::none(), "fork_from"_a = "",
             "resume"_a = "", "resume_from"_a = "", "metadata"_a = pyb::none())
        .def("log", &forkscope::py::NativeRun::log, "data"_a, "step"_a = pyb::none(), "commit"_a = pyb::none())
        .def("_finish", &forkscope::py::NativeRun::finish, "exit_code"_a = 0)
        .def("_flush", &forkscope::py::NativeRun::flush)
        .def("_rename", &forkscope::py::NativeRun::rename)
        .def("_set_config", &forkscope::py::NativeRun::setConfig)
        .def("_set_summary", &forkscope::py::NativeRun::setSummary)
        .def("_summary_json", &forkscope::py::NativeRun::summaryJson)
        .def("_log_checkpoint", &forkscope::py::NativeRun::logCheckpoint, "path"_a, "step"_a = pyb::none(),
             "metadata"_a = pyb::none())
        .def("_resume_checkpoint", &forkscope::py::NativeRun::resumeCheckpoint)
        .def_property_readonly("_finished", &forkscope::py::NativeRun::finished)
        .def_property_readonly("step", &forkscope::py::NativeRun::step, "The step the next plain log() writes.")
        .def_property_readonly("id", [](forkscope::py::NativeRun &r) { return r.info().runId.toStdString(); })
        .def_property_readonly("immutable_id",
                               [](forkscope::py::NativeRun &r) { return r.info().immutableId.toStdString(); })
        .def_property_readonly("entity", [](forkscope::py::NativeRun &r) { return r.info().entity.toStdString(); })
        .def_property_readonly("project", [](forkscope::py::NativeRun &r) { return r.info().project.toStdString(); })
        .def_property_readonly("path",
                               [](forkscope::py::NativeRun &r) { return r.info().path().toString().toStdString(); })
        .def_property_readonly("_name", [](forkscope::py::NativeRun &r) { return r.info().name.toStdString(); })
        .def_property_readonly("_config_json",
                               [](forkscope::py::NativeRun &r) { return forkscope::dumpJson(r.info().config); })
        .def_property_readonly(
            "state", [](forkscope::py::NativeRun &r) { return forkscope::runStateName(r.info().state).toStdString(); })
        .def_property_readonly("_fork", [](forkscope::py::NativeRun &r) { return forkTuple(r.info()); });
}
