#include "py_row.h"

#include <pybind11/pybind11.h>

#include <optional>

namespace forkscope::py {

namespace pyb = pybind11;

namespace {

// Deeper than this is a cycle or a mistake, not a metric.
constexpr int kMaxDepth = 64;

std::string_view utf8(PyObject *text)
{
    Py_ssize_t size = 0;
    const char *data = PyUnicode_AsUTF8AndSize(text, &size);
    if (!data)
        throw pyb::error_already_set();
    return {data, size_t(size)};
}

// "numpy.float32", "torch.Tensor", "set".
std::string typeName(PyObject *value)
{
    pyb::handle type(reinterpret_cast<PyObject *>(Py_TYPE(value)));
    const std::string module = pyb::str(type.attr("__module__"));
    const std::string name = pyb::str(type.attr("__qualname__"));
    return module == "builtins" ? name : module + "." + name;
}

std::string keyText(std::string_view key)
{
    return "'" + std::string(key) + "'";
}

[[noreturn]] void refuseValue(const std::string &where, PyObject *value, const std::string &detail = {})
{
    throw pyb::type_error(where + ": a value of type " + typeName(value) + detail +
                          " cannot be stored; expected int, float, bool, a NumPy scalar or 0-d array "
                          "(anything with .item(), e.g. a PyTorch scalar tensor), str, None, or lists and "
                          "dicts of those");
}

// value.item() for NumPy scalars, 0-d arrays and tensors; null when `value`
// has no item(). Throws TypeError when item() fails (an array of many values).
pyb::object itemOf(PyObject *value, const std::string &where)
{
    pyb::handle h(value);
    if (!PyObject_HasAttrString(value, "item"))
        return {};
    try {
        return h.attr("item")();
    } catch (pyb::error_already_set &e) {
        refuseValue(where, value, " (its .item() failed: " + std::string(pyb::str(e.value())) + ")");
    }
}

std::optional<double> plainNumber(PyObject *value)
{
    if (PyFloat_Check(value))
        return PyFloat_AS_DOUBLE(value);
    if (PyBool_Check(value))
        return value == Py_True ? 1.0 : 0.0;
    if (PyLong_Check(value)) {
        const double d = PyLong_AsDouble(value);
        if (d == -1.0 && PyErr_Occurred()) {
            PyErr_Clear(); // too large for a double: the caller keeps it as JSON
            return std::nullopt;
        }
        return d;
    }
    return std::nullopt;
}

Json intToJson(PyObject *value)
{
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(value, &overflow);
    if (!overflow)
        return Json(v);
    // Beyond 64 bits: kept exactly, as its decimal digits.
    return Json(std::string(pyb::str(value)));
}

} // namespace

Json pyToJson(PyObject *value, const std::string &where)
{
    if (value == Py_None)
        return nullptr;
    if (PyBool_Check(value))
        return value == Py_True;
    if (PyLong_Check(value))
        return intToJson(value);
    if (PyFloat_Check(value))
        return PyFloat_AS_DOUBLE(value);
    if (PyUnicode_Check(value))
        return std::string(utf8(value));
    if (PyList_Check(value) || PyTuple_Check(value)) {
        pyb::sequence seq = pyb::reinterpret_borrow<pyb::sequence>(value);
        Json array = Json::array();
        for (size_t i = 0; i < seq.size(); ++i)
            array.push_back(pyToJson(seq[i].ptr(), where + "[" + std::to_string(i) + "]"));
        return array;
    }
    if (PyDict_Check(value)) {
        Json object = Json::object();
        PyObject *k = nullptr;
        PyObject *v = nullptr;
        Py_ssize_t pos = 0;
        while (PyDict_Next(value, &pos, &k, &v)) {
            if (!PyUnicode_Check(k))
                throw pyb::type_error(where + ": keys must be str; got " + std::string(pyb::repr(k)) + " of type " +
                                      typeName(k));
            const std::string key(utf8(k));
            object[key] = pyToJson(v, where + "[" + keyText(key) + "]");
        }
        return object;
    }
    if (pyb::object item = itemOf(value, where)) {
        if (PyBool_Check(item.ptr()) || PyLong_Check(item.ptr()) || PyFloat_Check(item.ptr()) ||
            PyUnicode_Check(item.ptr()))
            return pyToJson(item.ptr(), where);
        refuseValue(where, value, " (its .item() gave " + typeName(item.ptr()) + ")");
    }
    refuseValue(where, value);
}

void PyRow::read(PyObject *data)
{
    keyBuffer_.clear();
    keys_.clear();
    values_.clear();
    items_.clear();
    json_ = nullptr;
    if (!PyDict_Check(data))
        throw pyb::type_error("log() takes a dict of key/value pairs, e.g. {\"loss\": 0.25}; got " + typeName(data));
    PyObject *key = nullptr;
    PyObject *value = nullptr;
    Py_ssize_t pos = 0;
    while (PyDict_Next(data, &pos, &key, &value))
        readItem({}, key, value, 0);
    if (numeric()) {
        items_.reserve(values_.size());
        for (size_t i = 0; i < values_.size(); ++i)
            items_.push_back({keyAt(i), values_[i]});
    }
}

void PyRow::readItem(std::string_view prefix, PyObject *key, PyObject *value, int depth)
{
    if (!PyUnicode_Check(key))
        throw pyb::type_error("log() keys must be str; got " + std::string(pyb::repr(key)) + " of type " +
                              typeName(key));
    std::string nested;
    std::string_view name = utf8(key);
    if (!prefix.empty()) {
        nested = std::string(prefix) + "." + std::string(name);
        name = nested;
    }
    if (name == "_step" || name == "_commit") {
        // Instructions, not data: forkscope::Run's JSON path reads them with its
        // own rules (core/step_rule.h; true or false).
        addJson(name, pyToJson(value, "log() key " + keyText(name)));
        return;
    }
    if (auto d = plainNumber(value)) {
        addNumber(name, *d);
        return;
    }
    if (PyDict_Check(value)) {
        // W&B shows nested dicts as "outer.inner" keys.
        if (depth >= kMaxDepth)
            throw pyb::value_error("log() key " + keyText(name) + ": dicts nested deeper than " +
                                   std::to_string(kMaxDepth) + " levels (a dict that contains itself?)");
        const std::string outer(name);
        PyObject *k = nullptr;
        PyObject *v = nullptr;
        Py_ssize_t pos = 0;
        while (PyDict_Next(value, &pos, &k, &v))
            readItem(outer, k, v, depth + 1);
        return;
    }
    const std::string where = "log() key " + keyText(name);
    if (!PyUnicode_Check(value) && value != Py_None && !PyList_Check(value) && !PyTuple_Check(value)) {
        if (pyb::object item = itemOf(value, where)) {
            if (auto d = plainNumber(item.ptr())) {
                addNumber(name, *d);
                return;
            }
        }
    }
    addJson(name, pyToJson(value, where));
}

void PyRow::addNumber(std::string_view key, double value)
{
    if (!json_.is_null()) {
        json_[std::string(key)] = value;
        return;
    }
    keys_.emplace_back(keyBuffer_.size(), key.size());
    keyBuffer_.append(key);
    values_.push_back(value);
}

void PyRow::addJson(std::string_view key, Json value)
{
    if (json_.is_null())
        switchToJson();
    json_[std::string(key)] = std::move(value);
}

void PyRow::switchToJson()
{
    json_ = Json::object();
    for (size_t i = 0; i < values_.size(); ++i)
        json_[std::string(keyAt(i))] = values_[i];
}

std::string_view PyRow::keyAt(size_t i) const
{
    return std::string_view(keyBuffer_).substr(keys_[i].first, keys_[i].second);
}

} // namespace forkscope::py
