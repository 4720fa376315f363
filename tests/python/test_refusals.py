"""Every refusal of init(): ValueError with the message forkscope-cli prints
for the same input, and nothing created; a store that cannot be opened is
an OSError/RuntimeError that says so."""

import os
import traceback

import forkscope
import pytest

from conftest import cli_error, run_count


@pytest.fixture
def source(store):
    with forkscope.init(project="mnist", id="base") as run:
        for step in range(10):
            run.log({"loss": step})
    return run


BAD_SPECS = ["abc?epoch=3", "abc", "abc?_step=", "abc?_step=1.5", "abc?_step=-1", "abc?_step=1&x=2"]


@pytest.mark.parametrize("spec", BAD_SPECS)
def test_bad_fork_spec(store, spec):
    with pytest.raises(ValueError) as refused:
        forkscope.init(project="mnist", fork_from=spec)
    assert str(refused.value) == cli_error(store, "init", "--project", "mnist", "--fork-from", spec)
    assert "expected '<run>?_step=<N>'" in str(refused.value)
    assert not os.path.exists(store), "a malformed spec must not even create the store"


@pytest.mark.parametrize("spec, what", [
    ("nosuch?_step=1", "no run 'nosuch'"),
    ("local/mnist/nosuch?_step=1", "no run at path"),
    ("fsr:00000000000000000000000000?_step=1", "no run with immutable ID"),
    ("base?_step=10", "10"),
    ("base?_step=99999", "99999"),
])
def test_missing_source_or_step_out_of_range(store, source, spec, what):
    before = run_count(store)
    with pytest.raises(ValueError) as refused:
        forkscope.init(project="mnist", fork_from=spec)
    assert what in str(refused.value)
    assert str(refused.value) == cli_error(store, "init", "--project", "mnist", "--fork-from", spec)
    assert run_count(store) == before


def test_missing_source_is_also_a_not_found_error(store, source):
    with pytest.raises(forkscope.NotFoundError):
        forkscope.init(project="mnist", fork_from="nosuch?_step=1")


@pytest.mark.parametrize("bad_id", ["a/b", "a:b", " padded", "x?y", "it's"])
def test_bad_run_id(store, bad_id):
    with pytest.raises(ValueError) as refused:
        forkscope.init(project="mnist", id=bad_id)
    assert str(refused.value) == cli_error(store, "init", "--project", "mnist", "--id", bad_id)
    assert not os.path.exists(store)


def test_taken_run_id(store, source):
    before = run_count(store)
    with pytest.raises(ValueError, match="already used") as refused:
        forkscope.init(project="mnist", id="base")
    assert str(refused.value) == cli_error(store, "init", "--project", "mnist", "--id", "base")
    assert run_count(store) == before


def test_fork_with_its_sources_id(store, source):
    before = run_count(store)
    with pytest.raises(ValueError) as refused:
        forkscope.init(project="mnist", id="base", fork_from="base?_step=3")
    assert str(refused.value) == cli_error(store, "init", "--project", "mnist", "--id", "base",
                                           "--fork-from", "base?_step=3")
    assert run_count(store) == before


def test_fork_from_and_resume_exclude_each_other(store, source):
    before = run_count(store)
    with pytest.raises(ValueError, match="mutually exclusive"):
        forkscope.init(project="mnist", id="base", resume="must", fork_from="base?_step=3")
    assert run_count(store) == before


def test_resume_from_excludes_fork_from(store, source):
    before = run_count(store)
    with pytest.raises(ValueError, match="mutually exclusive"):
        forkscope.init(project="mnist", resume_from="base?_step=3", fork_from="base?_step=3")
    assert run_count(store) == before


def test_unknown_resume_value(store):
    with pytest.raises(ValueError, match="resume='sometimes' is not known"):
        forkscope.init(project="mnist", resume="sometimes")
    assert not os.path.exists(store)


def test_store_that_is_a_folder(tmp_path):
    with pytest.raises((OSError, RuntimeError), match="is a folder"):
        forkscope.init(project="mnist", store=str(tmp_path))


def test_store_that_is_not_a_forkscope_store(tmp_path):
    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a database\n" * 100)
    with pytest.raises((OSError, RuntimeError)) as refused:
        forkscope.init(project="mnist", store=str(foreign))
    assert str(foreign) in str(refused.value)
    assert foreign.read_text() == "not a database\n" * 100


def test_store_in_a_folder_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises((OSError, RuntimeError), match="cannot create the folder"):
        forkscope.init(project="mnist", store=str(blocker / "sub" / "store.sqlite"))


def test_log_before_init_says_what_to_do():
    assert forkscope.run is None
    with pytest.raises(RuntimeError, match="forkscope.init"):
        forkscope.log({"loss": 1})


def test_log_after_finish(store):
    run = forkscope.init(project="mnist")
    run.finish()
    with pytest.raises(ValueError, match="after finish"):
        run.log({"loss": 1})


def test_a_server_url_is_not_a_file_and_its_password_is_not_shown(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OSError) as refused:
        forkscope.init(project="mnist", store="postgresql://ana:s3cret@localhost:5432/runs")
    assert "postgresql://ana:***@localhost:5432/runs" in str(refused.value)
    assert "s3cret" not in str(refused.value)
    assert os.listdir(tmp_path) == [], "a URL must never become a folder"


def test_a_run_whose_start_was_refused_can_still_be_shown(tmp_path):
    """pytest and debuggers show the frames' locals: the half-made Run is one."""
    with pytest.raises(OSError) as refused:
        forkscope.init(project="mnist", store=str(tmp_path))
    shown = [repr(frame.f_locals["self"]) for frame, _ in traceback.walk_tb(refused.value.__traceback__)
             if isinstance(frame.f_locals.get("self"), forkscope.Run)]
    assert shown == ["<forkscope.Run (not started)>"]
