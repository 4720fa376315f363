"""What log() takes: W&B's step rules and value types, read back through
forkscope-cli."""

import math

import forkscope
import numpy as np
import pytest

from conftest import cli, history, series


@pytest.fixture
def run(store):
    run = forkscope.init(project="values")
    yield run
    run.finish()


def rows(store, run, *keys):
    run.finish()
    return [{k: v for k, v in row.items() if not k.startswith("_") or k == "_step"}
            for row in history(store, run.path, *(["--keys", ",".join(keys)] if keys else []))]


def test_numbers_of_every_python_and_numpy_kind(store, run):
    run.log({"int": 3, "float": 0.25, "bool": True, "false": False,
             "f32": np.float32(1.5), "f16": np.float16(0.5), "i64": np.int64(-7), "u8": np.uint8(200),
             "b": np.bool_(True), "zero_d": np.array(2.5), "zero_d_int": np.array(9),
             "nan": float("nan"), "inf": np.float64("inf")})
    [row] = rows(store, run)
    assert row["_step"] == 0
    assert row["int"] == 3 and row["float"] == 0.25 and row["bool"] == 1 and row["false"] == 0
    assert row["f32"] == 1.5 and row["f16"] == 0.5 and row["i64"] == -7 and row["u8"] == 200
    assert row["b"] == 1 and row["zero_d"] == 2.5 and row["zero_d_int"] == 9
    assert math.isnan(row["nan"]) and row["inf"] == math.inf


def test_numbers_are_numeric_series(store, run):
    run.log({"np": np.float32(0.5), "flag": True, "phase": "warmup"})
    run.finish()
    csv = cli(store, "history", run.path, "--keys", "np,flag,phase", "--format", "csv").stdout.splitlines()
    assert csv[0] == "_step,np,flag,phase"
    step, np_value, flag, phase = csv[1].split(",")
    assert (float(np_value), float(flag), phase) == (0.5, 1.0, "warmup")
    assert run.summary["np"] == 0.5 and run.summary["flag"] == 1 and run.summary["phase"] == "warmup"


def test_anything_with_item_is_a_number(store, run):
    class ScalarTensor:          # what a PyTorch scalar tensor offers
        def item(self):
            return 0.125

    run.log({"loss": ScalarTensor()})
    [row] = rows(store, run)
    assert row["loss"] == 0.125


def test_strings_and_json_values_are_kept_as_text(store, run):
    run.log({"phase": "warmup", "none": None, "list": [1, "a", np.int32(2)], "tuple": (1.5, True)})
    [row] = rows(store, run)
    assert row["phase"] == "warmup" and row["none"] is None
    assert row["list"] == [1, "a", 2] and row["tuple"] == [1.5, True]


def test_nested_dicts_become_dotted_keys(store, run):
    run.log({"train": {"loss": 0.5, "acc": {"top1": 0.9, "top5": 0.99}}, "lr": 0.1})
    [row] = rows(store, run)
    assert row == {"_step": 0, "train.loss": 0.5, "train.acc.top1": 0.9, "train.acc.top5": 0.99, "lr": 0.1}


class Opaque:
    pass


@pytest.mark.parametrize("value, type_name", [
    ({1, 2}, "set"), (Opaque(), "Opaque"), (np.array([1.0, 2.0]), "numpy.ndarray"), (b"raw", "bytes"),
    (["ok", {3}], "set"), (1 + 2j, "complex"),
])
def test_a_bad_value_type_names_key_and_type(store, run, value, type_name):
    run.log({"fine": 1})
    with pytest.raises(TypeError) as refused:
        run.log({"fine": 2, "bad": value})
    assert "'bad'" in str(refused.value) and type_name in str(refused.value)
    run.log({"fine": 3})
    # The refused call logged nothing and did not move the step.
    assert [r["fine"] for r in rows(store, run, "fine")] == [1, 3]
    assert [r["_step"] for r in rows(store, run, "fine")] == [0, 1]


def test_keys_must_be_strings(store, run):
    with pytest.raises(TypeError, match="keys must be str"):
        run.log({3: 1.0})


def test_data_must_be_a_mapping(store, run):
    with pytest.raises(TypeError, match="takes a dict"):
        run.log([("loss", 1.0)])


def test_step_rules(store, run):
    run.log({"a": 1})                      # step 0
    run.log({"a": 2}, commit=False)        # pending at step 1
    run.log({"b": 3})                      # merged into step 1
    run.log({"a": 4}, step=5)              # jumps to 5, pending
    run.log({"b": 5}, step=5)              # merged at 5
    with pytest.warns(UserWarning, match="steps must increase monotonically"):
        run.log({"a": 6}, step=2)          # dropped
    run.log({"a": 7})                      # merged at 5 (a wins), commits, moves to 6
    run.log({"a": 8, "_step": 9})          # _step in the data means step=9
    run.log({"c": np.int64(1)}, step=np.int64(9))
    assert run.step == 9
    assert rows(store, run) == [
        {"_step": 0, "a": 1}, {"_step": 1, "a": 2, "b": 3}, {"_step": 5, "a": 7, "b": 5},
        {"_step": 9, "a": 8, "c": 1}]


@pytest.mark.parametrize("step", [-1, 1.5, "3", True])
def test_a_bad_step_is_refused(store, run, step):
    with pytest.raises(ValueError, match=r"step .* is refused; expected a whole number from 0 to 2\^53"):
        run.log({"a": 1}, step=step)


def test_a_bad_step_key_is_refused_with_the_clients_message(store, run):
    with pytest.raises(ValueError, match=r"_step is 1.5; expected a whole number from 0 to 2\^53"):
        run.log({"a": 1, "_step": 1.5})


def test_module_level_log_and_finish_act_on_forkscope_run(store):
    started = forkscope.init(project="values")
    assert forkscope.run is started
    forkscope.log({"x": 1})
    forkscope.log({"x": 2})
    forkscope.finish()
    assert forkscope.run is None
    assert series(store, started.path, "x") == [(0, 1), (1, 2)]
