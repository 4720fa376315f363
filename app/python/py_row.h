#pragma once

#include <Python.h>

#include <span>
#include <string>
#include <vector>

#include "client/run.h"
#include "core/json_qt.h"

namespace forkscope::py {

// One log() call's data, converted from Python while the GIL is held so the
// client can take it with the GIL released. A row of plain numbers (the
// common case) stays a list of NumericItem; anything else becomes a JSON
// object for forkscope::Run's JSON path, which also owns the _step/_commit rules.
class PyRow {
public:
    // Throws pybind11::error_already_set (TypeError/ValueError set) when the
    // data cannot be logged; says which key and type.
    void read(PyObject *data);

    bool numeric() const { return json_.is_null(); }
    std::span<const NumericItem> items() const { return items_; }
    const Json &json() const { return json_; }

private:
    void readItem(std::string_view prefix, PyObject *key, PyObject *value, int depth);
    void addNumber(std::string_view key, double value);
    void addJson(std::string_view key, Json value);
    void switchToJson();
    std::string_view keyAt(size_t i) const;

    // Keys live in one buffer (offset, length), so a row costs no allocation
    // once the buffers have grown: nested keys are "outer.inner".
    std::string keyBuffer_;
    std::vector<std::pair<size_t, size_t>> keys_;
    std::vector<double> values_;
    std::vector<NumericItem> items_;
    Json json_; // null while every value is a number
};

// A Python value as JSON (config values, non-numeric log values): None,
// bool, int, float, str, lists/tuples and dicts of those, and anything with
// .item() (NumPy scalars, 0-d arrays, PyTorch scalar tensors). `where`
// names the value in the TypeError for anything else.
Json pyToJson(PyObject *value, const std::string &where);

} // namespace forkscope::py
