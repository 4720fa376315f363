"""Forkscope's Python client: W&B's logging surface over Forkscope's C++
client, so that `import forkscope as wandb` runs W&B training code.

    import forkscope
    run = forkscope.init(project="mnist", config={"lr": 0.1})
    for step in range(100):
        run.log({"loss": 1 / (step + 1)})
    run.finish()

    fork = forkscope.init(fork_from=f"{run.id}?_step=50", project="mnist")
"""

import os
import platform
import socket
import subprocess
import sys

from ._forkscope import NotFoundError, __version__, default_store_path
from ._run import Checkpoint, ForkInfo, Run

__all__ = ["init", "log", "finish", "run", "Run", "ForkInfo", "Checkpoint", "NotFoundError", "default_store_path"]

run = None
"""The run the last init() started, until it finishes (W&B's wandb.run)."""

_RESUME_MODES = {None: None, False: None, "never": None, "must": "must", "allow": "allow",
                 True: "allow", "auto": "allow"}


def init(project=None, entity=None, *, name=None, id=None, config=None, tags=None, notes=None,
         group=None, job_type=None, fork_from=None, resume=None, resume_from=None, store=None,
         reinit=None):
    """Starts a run and makes it forkscope.run, as wandb.init() does.

    project: the project (default FORKSCOPE_PROJECT, else "uncategorized" as in
        W&B; a fork or resume by run path or immutable ID stays in its run's).
    fork_from: "<run>?_step=<N>", <run> a run ID (in `project`), a run path
        entity/project/run_id or an immutable ID; the fork logs from N + 1.
    resume_from: "<run>?_step=<N>" (W&B's rewind): the run keeps its IDs and
        its history up to N and logs on from N + 1; what it logged after N
        stays in an archived version (forkscope-cli show lists it). `config`
        is merged into the config it keeps.
    resume: "must" (the run `id` names must exist), "allow" (resume it if it
        exists, else create it with that ID), "never" (create; the ID must be
        new). `id` may also be a run path or an immutable ID to resume.
    store: the store file (default FORKSCOPE_STORE, else the app's store).
    reinit: "finish_previous" (default) finishes an unfinished forkscope.run
        first; "create_new" leaves it running.

    In a process Forkscope started for a run (forkscope-cli fork --launch,
    the app's "Create and start training"), FORKSCOPE_RUN_ID names that run:
    init attaches to it whatever the arguments say, run.config is the run's
    stored config and run.resume_checkpoint the checkpoint to load.

    Bad input (a fork spec, a missing source, a step out of range, an ID)
    raises ValueError with the CLI's message, and nothing is created; a store
    that cannot be opened raises OSError or RuntimeError.
    """
    global run
    try:
        mode = _RESUME_MODES[resume]
    except (KeyError, TypeError):
        raise ValueError(f"resume={resume!r} is not known; expected 'must', 'allow', 'never', 'auto', "
                         "True or False") from None
    if reinit not in (None, True, "finish_previous", "create_new", "default"):
        raise ValueError(f"reinit={reinit!r} is not known; expected 'finish_previous' or 'create_new'")
    if project is None:
        project = os.environ.get("FORKSCOPE_PROJECT")
    if project is None and not fork_from and not resume_from and not (mode and id):
        project = "uncategorized"
    metadata = _metadata()
    if group is not None:
        metadata["group"] = str(group)
    if job_type is not None:
        metadata["job_type"] = str(job_type)
    options = dict(store=_text(store), project=_text(project), entity=_text(entity), name=_text(name),
                   notes=_text(notes), tags=[str(t) for t in (tags or [])], config=_config_dict(config),
                   fork_from=_text(fork_from), resume_from=_text(resume_from), metadata=metadata)

    if reinit != "create_new" and run is not None:
        run.finish()

    if os.environ.get("FORKSCOPE_RUN_ID", "").strip():
        # A process Forkscope started for a run: the client attaches to that
        # run whatever id, resume or fork_from say, and its stored config
        # (a fork's overrides) stays: init's config is not applied over it.
        started = Run(**options)
    elif mode is None:
        started = Run(id=_text(id), **options)
    elif fork_from or resume_from:
        # fork_from, resume and resume_from exclude each other: the client says so.
        started = Run(resume=_text(id) or str(resume), **options)
    elif not id:
        if mode == "must":
            raise ValueError("resume='must' needs the run to resume: give id=<run ID> (with its project), a "
                             "run path entity/project/run_id or an immutable ID")
        started = Run(**options)
    elif mode == "must":
        started = _resumed(_text(id), options)
    else:
        try:
            started = _resumed(_text(id), options)
        except NotFoundError:
            started = Run(id=_text(id), **options)
    run = started
    return started


def _resumed(reference, options):
    resumed = Run(resume=reference, **options)
    # As in W&B, init's name and config apply to the resumed run.
    if options["name"]:
        resumed.name = options["name"]
    if options["config"]:
        resumed.config.update(options["config"])
    return resumed


def log(data, step=None, commit=None):
    """forkscope.run.log(...)."""
    _current("log").log(data, step, commit)


def finish(exit_code=0, quiet=None):
    """Finishes forkscope.run, if any."""
    if run is not None:
        run.finish(exit_code=exit_code)


def _current(what):
    if run is None:
        raise RuntimeError(f"forkscope.{what}() needs a run; start one first, e.g. "
                           "run = forkscope.init(project=\"mnist\")")
    return run


def _text(value):
    return "" if value is None else str(value)


def _config_dict(config):
    if config is None or isinstance(config, dict):
        return config
    from ._config import _as_dict
    return _as_dict(config)


def _metadata():
    """How this process was started, in W&B's metadata keys (the Overview's
    Command row and a launched fork's command read them)."""
    metadata = {
        "host": socket.gethostname(),
        "program": sys.argv[0] if sys.argv and sys.argv[0] else "python",
        "args": [str(a) for a in sys.argv[1:]],
        "python": platform.python_version(),
        "executable": sys.executable,
        "client": f"forkscope-python {__version__}",
    }
    try:
        metadata["root"] = os.getcwd()
    except OSError:
        return metadata   # the working folder was deleted: no git either
    commit = _git_commit(metadata["root"])
    if commit:
        metadata["git"] = {"commit": commit}
    return metadata


def _git_commit(folder):
    """HEAD of the git work tree holding `folder`, or None (no work tree, no
    git, or git too slow). No shell: the arguments are a list."""
    try:
        done = subprocess.run(["git", "rev-parse", "--verify", "--quiet", "HEAD"], cwd=folder,
                              stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=2)
    except (OSError, subprocess.SubprocessError):
        return None
    commit = done.stdout.strip()
    if done.returncode != 0 or len(commit) not in (40, 64):
        return None
    return commit if all(c in "0123456789abcdef" for c in commit) else None
