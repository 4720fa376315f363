"""A run's identity, config and summary, and how it ends: finish(), `with`,
atexit, an uncaught exception, sys.exit."""

import copy

import forkscope
import pytest

from conftest import run_python, series, show


def test_identity_properties(store):
    run = forkscope.init("mnist", entity="team", name="baseline", id="base1", tags=["a", "b"],
                         notes="first try", group="sweep-1", job_type="train")
    assert (run.id, run.name, run.project, run.entity) == ("base1", "baseline", "mnist", "team")
    assert run.path == "team/mnist/base1"
    assert run.immutable_id.startswith("fsr:") and len(run.immutable_id) == 30
    assert run.step == 0 and run.fork is None
    run.finish()
    stored = show(store, run.immutable_id)
    assert stored["id"] == "base1" and stored["tags"] == ["a", "b"] and stored["notes"] == "first try"
    assert stored["metadata"]["group"] == "sweep-1" and stored["metadata"]["job_type"] == "train"
    assert stored["metadata"]["host"]


def test_defaults_as_in_wandb(store):
    with forkscope.init() as run:
        assert run.project == "uncategorized" and run.entity == "local"
        assert len(run.id) == 8 and run.name.count("-") == 2


def test_rename_by_assignment(store):
    with forkscope.init(project="p", name="old") as run:
        run.name = "new name"
        assert run.name == "new name"
        assert show(store, run.path)["name"] == "new name"


def test_config_attribute_item_and_update(store):
    run = forkscope.init(project="p", config={"lr": 0.1, "optimizer": {"name": "adam"}})
    assert run.config.lr == 0.1 and run.config["optimizer"] == {"name": "adam"}
    run.config.batch = 32
    run.config["epochs"] = 3
    run.config.update({"lr": 0.05, "seed": __import__("numpy").int64(7)})
    assert dict(run.config.items()) == {"lr": 0.05, "optimizer": {"name": "adam"}, "batch": 32, "epochs": 3,
                                        "seed": 7}
    assert "batch" in run.config and len(run.config) == 5
    assert copy.copy(run.config).as_dict() == run.config.as_dict()   # no recursion through __getattr__
    with pytest.raises(AttributeError, match="no key 'momentum'"):
        run.config.momentum
    with pytest.raises(TypeError, match=r"config\['bad'\]: a value of type object"):
        run.config.update({"bad": object()})
    assert "bad" not in run.config
    run.finish()
    assert show(store, run.path)["config"] == run.config.as_dict()


def test_summary_is_last_logged_unless_set(store):
    run = forkscope.init(project="p")
    run.log({"loss": 0.9, "acc": 0.1})
    run.log({"loss": 0.5, "acc": 0.7})
    assert run.summary["loss"] == 0.5
    run.summary["best_acc"] = 0.7
    run.summary.update({"loss": 0.123})
    run.log({"loss": 0.4})
    summary = dict(run.summary)
    assert summary["best_acc"] == 0.7 and summary["loss"] == 0.123 and summary["acc"] == 0.7
    run.summary = {"note": "done"}
    assert run.summary.note == "done"
    run.finish()
    assert show(store, run.path)["summary"]["loss"] == 0.123


def test_with_block_finishes(store):
    with forkscope.init(project="p") as run:
        run.log({"x": 1})
    stored = show(store, run.path)
    assert stored["state"] == "finished" and stored["exit_code"] == 0
    assert forkscope.run is None


def test_exception_in_with_block_fails_the_run_and_is_reraised(store):
    with pytest.raises(ZeroDivisionError):
        with forkscope.init(project="p") as run:
            run.log({"x": 1})
            1 / 0
    stored = show(store, run.path)
    assert stored["state"] == "failed" and stored["exit_code"] == 1
    assert series(store, run.path, "x") == [(0, 1)]


def test_finish_with_exit_code(store):
    run = forkscope.init(project="p")
    run.finish(exit_code=3)
    run.finish()          # a second finish changes nothing
    stored = show(store, run.path)
    assert stored["state"] == "failed" and stored["exit_code"] == 3


def test_a_new_init_finishes_the_previous_run(store):
    first = forkscope.init(project="p")
    second = forkscope.init(project="p")
    assert show(store, first.path)["state"] == "finished"
    assert forkscope.run is second
    third = forkscope.init(project="p", reinit="create_new")
    assert show(store, second.path)["state"] == "running"
    second.finish()
    third.finish()


PROGRAM_PREFIX = '''
import forkscope, sys
run = forkscope.init(project="exits")
print(run.path, flush=True)
for step in range(100):
    run.log({"loss": 1 / (step + 1)})
'''


@pytest.mark.parametrize("ending, state, exit_code, returncode", [
    ("", "finished", 0, 0),
    ("raise RuntimeError('diverged')", "failed", 1, 1),
    ("sys.exit(3)", "failed", 3, 3),
    ("sys.exit(0)", "finished", 0, 0),
])
def test_a_process_that_does_not_call_finish(store, ending, state, exit_code, returncode):
    done = run_python(PROGRAM_PREFIX + ending + "\n", store, check=False)
    assert done.returncode == returncode, done.stderr
    path = done.stdout.split()[0]
    stored = show(store, path)
    assert (stored["state"], stored["exit_code"]) == (state, exit_code)
    # Everything logged before the end was written.
    assert [s for s, _ in series(store, path, "loss")] == list(range(100))


def test_resume_must_allow_never(store):
    with forkscope.init(project="p", id="keep") as run:
        run.log({"x": 1})
    with forkscope.init(project="p", id="keep", resume="must", config={"phase": 2}) as again:
        assert again.immutable_id == run.immutable_id and again.step == 1
        again.log({"x": 2})
        assert again.config.phase == 2
    with forkscope.init(project="p", id="keep", resume="allow") as allowed:
        assert allowed.immutable_id == run.immutable_id
        allowed.log({"x": 3})
    with forkscope.init(project="p", id="fresh", resume="allow") as created:
        assert created.id == "fresh" and created.step == 0
    with forkscope.init(id=run.immutable_id, resume="must") as by_immutable:
        assert by_immutable.path == run.path and by_immutable.step == 3
    with pytest.raises(forkscope.NotFoundError, match="no run 'gone'"):
        forkscope.init(project="p", id="gone", resume="must")
    with pytest.raises(ValueError, match="already used"):
        forkscope.init(project="p", id="keep", resume="never")
    with pytest.raises(ValueError, match="needs the run to resume"):
        forkscope.init(project="p", resume="must")
    assert series(store, run.path, "x") == [(0, 1), (1, 2), (2, 3)]
