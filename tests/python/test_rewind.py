"""Rewinding from Python, as W&B's wandb.init(resume_from=...): the run keeps
its IDs, logs on from N + 1, and what it had logged after N stays in an
archived version that show --json lists."""

import subprocess

import forkscope
import pytest

from conftest import CLI, cli, cli_error, run_count, series, show


@pytest.fixture
def source(store):
    run = forkscope.init(project="mnist", id="base", config={"lr": 0.1, "layers": 3})
    for step in range(10):
        run.log({"loss": 10 - step})
    run.finish()
    return run


@pytest.mark.parametrize("name_by", ["run_id", "path", "immutable_id"])
def test_rewind_by_each_way_of_naming_the_run(store, source, name_by):
    reference = {"run_id": "base", "path": source.path, "immutable_id": source.immutable_id}[name_by]
    project = "mnist" if name_by == "run_id" else None
    with forkscope.init(project=project, resume_from=f"{reference}?_step=5", config={"lr": 0.01}) as run:
        assert run.id == "base" and run.immutable_id == source.immutable_id and run.path == source.path
        assert run.step == 6
        assert run.fork is None                       # a rewind is not a fork
        assert run.summary["loss"] == 5               # recomputed from the steps kept
        assert run.config.lr == 0.01 and run.config["layers"] == 3
        run.log({"loss": 0.5})
    assert series(store, source.path, "loss") == [(s, 10 - s) for s in range(6)] + [(6, 0.5)]
    shown = show(store, source.path)
    assert shown["immutable_id"] == source.immutable_id
    assert shown["config"] == {"lr": 0.01, "layers": 3}
    assert shown["state"] == "finished"
    [archived] = shown["archived"]
    assert archived["first_step"] == 6 and archived["last_step"] == 9
    assert archived["immutable_id"] != source.immutable_id
    # The archived version is read by its immutable ID, as it was.
    assert series(store, archived["immutable_id"], "loss") == [(s, 10 - s) for s in range(10)]
    assert run_count(store) == 1


def test_a_fork_after_the_step_keeps_its_history(store, source):
    with forkscope.init(fork_from="local/mnist/base?_step=8") as fork:
        fork.log({"loss": -1})
    before = series(store, fork.path, "loss")
    with forkscope.init(project="mnist", resume_from="base?_step=2") as run:
        run.log({"loss": 42})
    assert series(store, fork.path, "loss") == before
    assert show(store, fork.path)["fork"]["source"] == show(store, source.path)["archived"][0]["immutable_id"]


@pytest.mark.parametrize("spec", ["base?epoch=3", "base", "base?_step=", "base?_step=1.5", "base?_step=-1",
                                  "base?_step=1&x=2"])
def test_bad_spec_is_refused_as_the_cli_refuses_it(store, source, spec):
    with pytest.raises(ValueError) as refused:
        forkscope.init(project="mnist", resume_from=spec)
    assert str(refused.value) == cli_error(store, "rewind", spec, "--project", "mnist")
    assert "expected '<run>?_step=<N>'" in str(refused.value)


@pytest.mark.parametrize("spec, what", [
    ("base?_step=9", "its last step is 9"),
    ("base?_step=99", "expected a step from 0 to 8"),
    ("nosuch?_step=1", "no run 'nosuch'"),
])
def test_step_out_of_range_or_unknown_run(store, source, spec, what):
    with pytest.raises((ValueError, forkscope.NotFoundError)) as refused:
        forkscope.init(project="mnist", resume_from=spec)
    assert what in str(refused.value)
    assert str(refused.value) == cli_error(store, "rewind", spec, "--project", "mnist")
    assert show(store, source.path)["archived"] == []


def test_resume_from_excludes_fork_from_and_resume(store, source):
    with pytest.raises(ValueError, match="mutually exclusive"):
        forkscope.init(project="mnist", resume_from="base?_step=3", fork_from="base?_step=3")
    with pytest.raises(ValueError, match="mutually exclusive"):
        forkscope.init(project="mnist", id="base", resume="must", resume_from="base?_step=3")
    with pytest.raises(ValueError, match="names another run"):
        forkscope.init(project="mnist", id="other", resume_from="base?_step=3")
    assert show(store, source.path)["archived"] == []


def test_the_cli_continues_a_rewound_run(store, source):
    rewound = cli(store, "rewind", "base?_step=4", "--project", "mnist", "--json").stdout
    assert '"archived"' in rewound
    done = subprocess.run([CLI, "--store", store, "log", "base", "--project", "mnist"], input='{"loss": 7}\n',
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert series(store, source.path, "loss") == [(s, 10 - s) for s in range(5)] + [(5, 7)]
