"""A process started for a run (FORKSCOPE_RUN_ID and FORKSCOPE_STORE in its
environment, as fork --launch and the app start it): forkscope.init() in it
attaches to that run, whatever the script itself names."""

import json
import os
import subprocess
import sys
import textwrap

import forkscope

from conftest import cli, run_count, series, show

SCRIPT = textwrap.dedent("""
    import json, sys
    import forkscope
    run = forkscope.init(project="scratch", id="my-own-id", config={"lr": 1.0, "extra": 7})
    print(json.dumps({"id": run.id, "step": run.step, "lr": run.config["lr"],
                      "layers": run.config["layers"], "project": run.project}))
    run.log({"loss": 0.5})
    run.log({"loss": 0.25})
    run.finish()
""")


def attached(store, tmp_path, run_id, script=SCRIPT):
    path = tmp_path / "train.py"
    path.write_text(script)
    env = dict(os.environ, FORKSCOPE_RUN_ID=run_id, FORKSCOPE_STORE=store)
    return subprocess.run([sys.executable, str(path)], env=env, capture_output=True, text=True, cwd=tmp_path)


def test_init_in_a_started_process_continues_the_pending_fork(store, tmp_path):
    source = forkscope.init(project="mnist", config={"lr": 0.1, "layers": 3})
    for step in range(10):
        source.log({"loss": 10 - step})
    source.finish()
    fork = json.loads(cli(store, "fork", f"{source.path}?_step=4", "--set", "lr=0.01", "--json").stdout)
    assert fork["state"] == "pending"

    done = attached(store, tmp_path, fork["immutable_id"])
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.splitlines()[0])
    # The fork's identity and stored config (its override included), not the script's.
    assert seen == {"id": fork["id"], "step": 5, "lr": 0.01, "layers": 3, "project": "mnist"}
    assert run_count(store) == 2
    assert series(store, fork["path"], "loss", "--own") == [(5, 0.5), (6, 0.25)]
    assert series(store, fork["path"], "loss") == [(s, 10 - s) for s in range(5)] + [(5, 0.5), (6, 0.25)]
    shown = show(store, fork["path"])
    assert shown["state"] == "finished"
    assert shown["config"] == {"lr": 0.01, "layers": 3}
    # How the process was started is the fork's command now (fork --launch of this fork).
    assert shown["metadata"]["executable"] == sys.executable
    assert shown["metadata"]["program"].endswith("train.py")


def test_a_run_id_not_in_the_store_is_said_and_nothing_is_created(store, tmp_path):
    forkscope.init(project="mnist").finish()
    missing = "fsr:00000000000000000000000000"
    done = attached(store, tmp_path, missing)
    assert done.returncode != 0
    assert missing in done.stderr and "FORKSCOPE_RUN_ID" in done.stderr
    assert run_count(store) == 1


def test_a_malformed_run_id_is_refused(store, tmp_path):
    done = attached(store, tmp_path, "not-an-immutable-id")
    assert done.returncode != 0
    assert "'not-an-immutable-id'" in done.stderr and "immutable" in done.stderr
    assert run_count(store) == 0


def test_wandb_style_resume_arguments_do_not_override_the_forks_config(store, tmp_path):
    source = forkscope.init(project="mnist", config={"lr": 0.1, "layers": 3})
    source.log({"loss": 1})
    source.finish()
    fork = json.loads(cli(store, "fork", f"{source.path}?_step=0", "--set", "lr=0.01", "--json").stdout)
    done = attached(store, tmp_path, fork["immutable_id"], textwrap.dedent("""
        import forkscope
        run = forkscope.init(project="mnist", id="resumable", resume="allow", config={"lr": 1.0}, name="mine")
        print(run.id, run.config["lr"])
        run.finish()
    """))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [fork["id"], "0.01"]
    assert show(store, fork["path"])["config"] == {"lr": 0.01, "layers": 3}
    assert run_count(store) == 2
