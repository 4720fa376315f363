"""Checkpoints from Python: run.log_checkpoint registers saved weights,
run.resume_checkpoint tells a fork which ones to load, and runs record how
they were started (read back through the real forkscope-cli)."""

import hashlib
import json
import os
import pathlib
import subprocess
import sys

import forkscope
import pytest

from conftest import cli, show


def checkpoints(store, run):
    return json.loads(cli(store, "checkpoints", run, "--json").stdout)["checkpoints"]


@pytest.fixture
def source(store, tmp_path):
    """A run of 100 steps that saved weights every 25 steps."""
    with forkscope.init(project="mnist") as run:
        for step in range(100):
            run.log({"loss": 1 / (step + 1)})
            if step % 25 == 24:
                weights = tmp_path / f"step-{step}.pt"
                weights.write_bytes(f"weights {step}".encode())
                saved = run.log_checkpoint(weights)     # a PathLike, default step
                assert saved.step == step
    return run


def test_log_checkpoint_records_path_size_hash_and_the_last_step(store, source, tmp_path):
    listed = checkpoints(store, source.path)
    assert [c["step"] for c in listed] == [24, 49, 74, 99]
    first = listed[0]
    content = b"weights 24"
    assert first == {"step": 24, "path": str(tmp_path / "step-24.pt"), "size": len(content),
                     "sha256": hashlib.sha256(content).hexdigest(), "run": source.path,
                     "exists": True, "matches": True}


def test_a_relative_path_an_explicit_step_and_metadata(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    pathlib.Path("w.pt").write_bytes(b"w")
    with forkscope.init(project="p") as run:
        assert run.log_checkpoint("w.pt").step == 0          # nothing logged yet
        run.log({"a": 1})
        run.log({"a": 2}, commit=False)                      # step 1, not committed
        assert run.log_checkpoint("w.pt").step == 0
        saved = run.log_checkpoint("w.pt", step=7, metadata={"epoch": 3})
        assert saved.step == 7 and saved.path == str(tmp_path / "w.pt") and saved.size == 1
        assert saved.run == run.path
        assert saved.sha256 == hashlib.sha256(b"w").hexdigest()


def test_refusals_say_what_is_expected(store, tmp_path):
    with forkscope.init(project="p") as run:
        with pytest.raises(ValueError, match="missing.pt' does not exist"):
            run.log_checkpoint(tmp_path / "missing.pt")
        (tmp_path / "w.pt").write_bytes(b"w")
        with pytest.raises(ValueError, match="expected a whole number from 0 to 2\\^53"):
            run.log_checkpoint(tmp_path / "w.pt", step=-1)
        with pytest.raises(TypeError):
            run.log_checkpoint(tmp_path / "w.pt", metadata=[1, 2])
    assert checkpoints(store, run.path) == []


def test_a_fork_resumes_from_the_checkpoint_at_or_before_its_step(store, source, tmp_path):
    with forkscope.init(fork_from=f"{source.path}?_step=49") as exact:
        resume = exact.resume_checkpoint
        assert (resume.step, resume.path, resume.run) == (49, str(tmp_path / "step-49.pt"), source.path)
        assert resume.size == len(b"weights 49")
    with forkscope.init(fork_from=f"{source.path}?_step=60") as later:
        assert later.resume_checkpoint.step == 49
    with forkscope.init(fork_from=f"{source.path}?_step=10") as early:
        assert early.resume_checkpoint is None
    assert source.resume_checkpoint is None              # not a fork
    # The fork lists its source's checkpoints up to the fork step.
    assert [c["step"] for c in checkpoints(store, later.path)] == [24, 49]


def test_a_process_attached_to_a_fork_gets_its_checkpoint_and_command(store, source, tmp_path):
    fork = json.loads(cli(store, "fork", f"{source.path}?_step=80", "--set", "lr=0.5", "--json").stdout)
    script = tmp_path / "train.py"
    script.write_text("import forkscope, json, sys\n"
                      "run = forkscope.init(id=sys.argv[1], resume='must')\n"
                      "c = run.resume_checkpoint\n"
                      "print(json.dumps({'step': c.step, 'path': c.path, 'next': run.step}))\n"
                      "run.finish()\n")
    done = subprocess.run([sys.executable, str(script), fork["immutable_id"], "--lr", "0.5"], cwd=tmp_path,
                          capture_output=True, text=True, env=dict(os.environ), timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"step": 74, "path": str(tmp_path / "step-74.pt"), "next": 81}
    metadata = show(store, fork["path"])["metadata"]
    assert metadata["program"] == str(script)
    assert metadata["args"] == [fork["immutable_id"], "--lr", "0.5"]
    assert metadata["executable"] == sys.executable
    assert metadata["root"] == str(tmp_path)
    assert "git" not in metadata                          # tmp_path is no git work tree


def test_a_run_records_the_git_commit_of_its_work_tree(store, tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(git + ["init", "-q"], cwd=repo, check=True)
    subprocess.run(git + ["commit", "-q", "--allow-empty", "-m", "first"], cwd=repo, check=True)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, check=True, capture_output=True,
                          text=True).stdout.strip()
    monkeypatch.chdir(repo)
    with forkscope.init(project="p") as run:
        pass
    metadata = show(store, run.path)["metadata"]
    assert metadata["git"] == {"commit": head}
    assert metadata["root"] == str(repo)
