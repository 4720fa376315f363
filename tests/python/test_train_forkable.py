"""The example docs/examples/train_forkable.py end to end: train with
checkpoints, fork at a checkpoint step with another learning rate through
`forkscope-cli fork --launch`, and check that the fork really resumed from
that checkpoint's weights and that its console output was kept."""

import importlib.util
import json
import os
import subprocess
import sys

import torch

from conftest import CLI, cli, series, show

EXAMPLE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "docs", "examples",
                                       "train_forkable.py"))
FORK_STEP = 29


def example_module():
    spec = importlib.util.spec_from_file_location("train_forkable", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fresh_loss_at(step):
    """The loss a model that starts over would have at `step`'s batch."""
    m = example_module()
    config = dict(m.DEFAULTS)
    x, y = m.make_data(config["seed"])
    model = m.make_model(config["hidden"], config["seed"])
    index = m.batch_at(step, config["batch"], config["seed"])
    with torch.no_grad():
        return torch.nn.functional.mse_loss(model(x[index]), y[index]).item()


def test_a_fork_launched_at_a_checkpoint_resumes_its_weights(store, tmp_path):
    env = dict(os.environ, FORKSCOPE_STORE=store)
    env.pop("FORKSCOPE_RUN_ID", None)
    trained = subprocess.run([sys.executable, EXAMPLE, "--project", "forkable", "--checkpoints",
                              str(tmp_path / "weights")], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert trained.returncode == 0, trained.stderr
    runs = json.loads(cli(store, "runs", "--project", "forkable", "--json").stdout)["runs"]
    assert len(runs) == 1
    source = runs[0]["path"]
    saved = json.loads(cli(store, "checkpoints", source, "--json").stdout)["checkpoints"]
    assert [c["step"] for c in saved] == [9, 19, 29, 39, 49, 59]

    # The recorded command is started, attached to the fork, from another folder.
    launched = subprocess.run([CLI, "--store", store, "fork", f"{source}?_step={FORK_STEP}", "--set", "lr=0.02",
                               "--launch", "--json"], env=env, cwd=str(tmp_path), capture_output=True, text=True)
    assert launched.returncode == 0, launched.stderr
    fork = json.loads(launched.stdout.splitlines()[-1])
    assert fork["state"] == "finished"
    assert fork["process"]["exit_code"] == 0
    assert f"resumed from {saved[2]['path']} (step {FORK_STEP})" in launched.stdout
    assert show(store, fork["path"])["config"]["lr"] == 0.02

    own = series(store, fork["path"], "loss", "--own")
    assert own[0][0] == FORK_STEP + 1                         # the fork's first own step
    assert [s for s, _ in own] == list(range(FORK_STEP + 1, 60))
    source_loss = dict(series(store, source, "loss"))
    first = own[0][1]
    fresh = fresh_loss_at(FORK_STEP + 1)
    # The checkpoint's weights: the same loss the source had at that step,
    # far from what a model starting over has there.
    assert abs(first - source_loss[FORK_STEP + 1]) < 1e-5, (first, source_loss[FORK_STEP + 1])
    assert abs(first - fresh) > 1000 * abs(first - source_loss[FORK_STEP + 1]) + 1e-3, (first, fresh)
    # From the next step on the new learning rate shows.
    assert own[1][1] != source_loss[FORK_STEP + 2]
    assert dict(series(store, fork["path"], "lr", "--own"))[FORK_STEP + 1] == 0.02
    # The inherited part is the source's, up to the fork step.
    assert series(store, fork["path"], "loss")[:FORK_STEP + 1] == series(store, source, "loss")[:FORK_STEP + 1]

    logs = cli(store, "logs", fork["path"]).stdout
    assert "resumed from" in logs
    assert "step 39: loss" in logs and "step 59: loss" in logs
