"""Shared fixtures: a fresh store file per test and the real forkscope-cli
to read back what the Python client wrote."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

CLI = os.environ.get("FORKSCOPE_CLI")


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A store path in a fresh folder; also FORKSCOPE_STORE, so init()
    without store= (as in the seed's examples) writes there."""
    path = str(tmp_path / "store.sqlite")
    monkeypatch.setenv("FORKSCOPE_STORE", path)
    return path


def cli(store, *args, check=True):
    assert CLI, "FORKSCOPE_CLI must name the forkscope-cli binary (CTest sets it)"
    done = subprocess.run([CLI, "--store", store, *args], capture_output=True, text=True,
                          env=dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8"))
    if check:
        assert done.returncode == 0, f"forkscope-cli {' '.join(args)}: {done.stderr}"
    return done


def cli_error(store, *args):
    """The message forkscope-cli prints for a refusal (exit code 2)."""
    done = cli(store, *args, check=False)
    assert done.returncode == 2, done.stderr
    prefix = "forkscope-cli: error: "
    assert done.stderr.startswith(prefix), done.stderr
    return done.stderr[len(prefix):].strip()


def show(store, run):
    return json.loads(cli(store, "show", run, "--json").stdout)


def history(store, run, *extra):
    out = cli(store, "history", run, *extra).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def series(store, run, key, *extra):
    """[(step, value)] of one key, effective history unless extra says --own."""
    return [(row["_step"], row[key]) for row in history(store, run, "--keys", key, *extra) if key in row]


def run_count(store):
    if not os.path.exists(store):
        return 0
    projects = json.loads(cli(store, "projects", "--json").stdout)["projects"]
    return sum(p["runs"] for p in projects)


def run_python(code, store, check=True, timeout=120):
    """Runs `code` in a fresh interpreter (the same python3) with the store
    in FORKSCOPE_STORE; returns the CompletedProcess."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=timeout, env=dict(os.environ, FORKSCOPE_STORE=store))
    if check:
        assert done.returncode == 0, done.stderr
    return done
