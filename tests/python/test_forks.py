"""Forking from Python by run ID, run path and immutable ID: the C++
client's rules, seen through forkscope.init(fork_from=...)."""

import forkscope
import pytest

from conftest import series, show


@pytest.fixture
def source(store):
    run = forkscope.init(project="mnist", config={"lr": 0.1, "layers": 3})
    for step in range(10):
        run.log({"loss": 10 - step})
    run.finish()
    return run


@pytest.mark.parametrize("name_by", ["run_id", "path", "immutable_id"])
def test_fork_by_each_way_of_naming_the_source(store, source, name_by):
    reference = {"run_id": source.id, "path": source.path, "immutable_id": source.immutable_id}[name_by]
    # A bare run ID is looked up in the project given; a path or an immutable
    # ID needs none, and the fork joins the source's project.
    project = "mnist" if name_by == "run_id" else None
    with forkscope.init(project=project, fork_from=f"{reference}?_step=4", config={"lr": 0.01}) as fork:
        assert fork.project == "mnist" and fork.entity == source.entity
        assert fork.fork == (source.immutable_id, source.id, source.path, 4)
        assert fork.step == 5
        assert fork.config.lr == 0.01 and fork.config["layers"] == 3
        assert fork.summary["loss"] == 6       # the last inherited value
        fork.log({"loss": 0.5})
        assert fork.step == 6
    assert series(store, fork.path, "loss") == [(s, 10 - s) for s in range(5)] + [(5, 0.5)]
    assert series(store, source.path, "loss") == [(s, 10 - s) for s in range(10)]
    assert show(store, fork.path)["config"] == {"lr": 0.01, "layers": 3}


def test_fork_of_a_fork_composes(store, source):
    with forkscope.init(fork_from=f"{source.path}?_step=6") as first:
        first.log({"loss": 100})          # step 7
        first.log({"loss": 101})          # step 8
    with forkscope.init(fork_from=f"{first.immutable_id}?_step=7") as second:
        assert second.step == 8
        second.log({"loss": 200})
    assert series(store, second.path, "loss") == [(s, 10 - s) for s in range(7)] + [(7, 100), (8, 200)]


def test_a_run_that_is_no_fork_says_so(store, source):
    assert source.fork is None


def test_logging_at_the_fork_step_is_dropped_with_a_warning(store, source):
    fork = forkscope.init(fork_from=f"{source.immutable_id}?_step=4")
    with pytest.warns(UserWarning, match="step 4 < current step 5"):
        fork.log({"loss": 99}, step=4)
    fork.log({"loss": 1}, step=5)
    fork.finish()
    assert series(store, fork.path, "loss", "--own") == [(5, 1)]
