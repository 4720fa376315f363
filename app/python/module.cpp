// forkscope._forkscope: the compiled half of the Python package. It binds the
// C++ client fs::Run (models/client); the package's Python files add the
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
void raiseForkscopeError(const fs::Error &e)
{
    PyObject *type = PyExc_RuntimeError;
    if (e.kind() == fs::Error::Kind::NotFound)
        type = notFoundError;
    else if (e.isUserError())
        type = PyExc_ValueError;
    else if (e.kind() == fs::Error::Kind::Storage)
        type = PyExc_OSError;
    PyErr_SetString(type, e.what());
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

fs::InitOptions initOptions(const std::string &store, const std::string &project, const std::string &entity,
                            const std::string &id, const std::string &name, const std::string &notes,
                            const std::vector<std::string> &tags, pyb::handle config, const std::string &forkFrom,
                            const std::string &resume, const std::string &resumeFrom, pyb::handle metadata)
{
    fs::InitOptions o;
    o.storePath = q(store);
    o.project = q(project);
    o.entity = q(entity);
    o.id = q(id);
    o.name = q(name);
    o.notes = q(notes);
    for (const auto &tag : tags)
        o.tags << q(tag);
    if (!config.is_none())
        o.config = fs::py::pyToJson(config.ptr(), "config");
    if (!o.config.is_object())
        throw pyb::type_error("config must be a dict of key/value pairs");
    if (!metadata.is_none())
        o.metadata = fs::py::pyToJson(metadata.ptr(), "metadata");
    o.forkFrom = q(forkFrom);
    o.resume = q(resume);
    o.resumeFrom = q(resumeFrom);
    return o;
}

pyb::object forkTuple(const fs::RunInfo &info)
{
    if (!info.fork)
        return pyb::none();
    const fs::ForkLink &f = *info.fork;
    return pyb::make_tuple(f.sourceImmutableId.toStdString(), f.sourceRunId.toStdString(), f.sourcePath.toStdString(),
                           f.step);
}

} // namespace

PYBIND11_MODULE(_forkscope, m)
{
    m.doc() = "Forkscope's C++ logging client (fs::Run); use the forkscope package, not this module";
    m.attr("__version__") = FORKSCOPE_VERSION;

    notFoundError = PyErr_NewExceptionWithDoc("forkscope.NotFoundError",
                                              "A run, project or key named by the caller does not exist.",
                                              PyExc_ValueError, nullptr);
    m.add_object("NotFoundError", pyb::handle(notFoundError));
    pyb::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p)
                std::rethrow_exception(p);
        } catch (const fs::Error &e) {
            raiseForkscopeError(e);
        }
    });

    m.def(
        "default_store_path", [] { return fs::defaultStorePath().toStdString(); },
        "FORKSCOPE_STORE, else the per-user store the app opens.");

    pyb::class_<fs::py::NativeRun>(m, "NativeRun")
        .def(pyb::init([](const std::string &store, const std::string &project, const std::string &entity,
                          const std::string &id, const std::string &name, const std::string &notes,
                          const std::vector<std::string> &tags, pyb::handle config, const std::string &forkFrom,
                          const std::string &resume, const std::string &resumeFrom, pyb::handle metadata) {
                 return new fs::py::NativeRun(initOptions(store, project, entity, id, name, notes, tags, config,
                                                          forkFrom, resume, resumeFrom, metadata));
             }),
             pyb::kw_only(), "store"_a = "", "project"_a = "", "entity"_a = "", "id"_a = "", "name"_a = "",
             "notes"_a = "", "tags"_a = std::vector<std::string>{}, "config"_a = pyb::none(), "fork_from"_a = "",
             "resume"_a = "", "resume_from"_a = "", "metadata"_a = pyb::none())
        .def("log", &fs::py::NativeRun::log, "data"_a, "step"_a = pyb::none(), "commit"_a = pyb::none())
        .def("_finish", &fs::py::NativeRun::finish, "exit_code"_a = 0)
        .def("_flush", &fs::py::NativeRun::flush)
        .def("_rename", &fs::py::NativeRun::rename)
        .def("_set_config", &fs::py::NativeRun::setConfig)
        .def("_set_summary", &fs::py::NativeRun::setSummary)
        .def("_summary_json", &fs::py::NativeRun::summaryJson)
        .def_property_readonly("_finished", &fs::py::NativeRun::finished)
        .def_property_readonly("step", &fs::py::NativeRun::step, "The step the next plain log() writes.")
        .def_property_readonly("id", [](fs::py::NativeRun &r) { return r.info().runId.toStdString(); })
        .def_property_readonly("immutable_id", [](fs::py::NativeRun &r) { return r.info().immutableId.toStdString(); })
        .def_property_readonly("entity", [](fs::py::NativeRun &r) { return r.info().entity.toStdString(); })
        .def_property_readonly("project", [](fs::py::NativeRun &r) { return r.info().project.toStdString(); })
        .def_property_readonly("path", [](fs::py::NativeRun &r) { return r.info().path().toString().toStdString(); })
        .def_property_readonly("_name", [](fs::py::NativeRun &r) { return r.info().name.toStdString(); })
        .def_property_readonly("_config_json", [](fs::py::NativeRun &r) { return fs::dumpJson(r.info().config); })
        .def_property_readonly("state",
                               [](fs::py::NativeRun &r) { return fs::runStateName(r.info().state).toStdString(); })
        .def_property_readonly("_fork", [](fs::py::NativeRun &r) { return forkTuple(r.info()); });
}
