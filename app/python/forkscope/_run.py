"""forkscope.Run: a run being logged, with W&B's surface."""

import json
import os
import sys
from collections import namedtuple

from . import _exit_hooks
from ._config import Config
from ._forkscope import NativeRun
from ._summary import Summary

ForkInfo = namedtuple("ForkInfo", "source source_id source_path step")
ForkInfo.__doc__ = """Where a fork comes from: the source's immutable ID, run ID and run
path, and the step it was forked at (the fork logs from step + 1), as
forkscope-cli show --json names them."""

Checkpoint = namedtuple("Checkpoint", "step path size sha256 run")
Checkpoint.__doc__ = """Weights a run saved: the step, the absolute path (or URI), the size
in bytes and SHA-256 (hex) the file had when it was registered (None when
unknown), and the path entity/project/run_id of the run that saved it."""


class Run(NativeRun):
    """A run started by forkscope.init(). `log` is the C++ client's:
    `run.log(data, step=None, commit=None)` follows W&B's step rules."""

    def __init__(self, **native_options):
        super().__init__(**native_options)
        self._started = True
        self._config = Config(self, self._stored_config())
        self._summary = Summary(self)
        _exit_hooks.track(self)

    def _stored_config(self):
        return json.loads(self._config_json)

    def _stored_summary(self):
        return json.loads(self._summary_json())

    @property
    def name(self):
        """The display name; assigning renames the run."""
        return self._name

    @name.setter
    def name(self, value):
        self._rename(str(value))

    @property
    def config(self):
        return self._config

    @property
    def summary(self):
        return self._summary

    @summary.setter
    def summary(self, values):
        self._summary.update(values)

    @property
    def fork(self):
        """A ForkInfo when this run is a fork, else None."""
        link = self._fork
        return ForkInfo(*link) if link else None

    def log_checkpoint(self, path, step=None, metadata=None):
        """Registers the weights saved at `path` (str or os.PathLike; made
        absolute, its size and SHA-256 read now) at `step`, by default the
        step of the last logged row (before any: a fork's fork step, else 0).
        Returns the Checkpoint. A missing file raises ValueError."""
        return Checkpoint(*self._log_checkpoint(os.fsdecode(os.fspath(path)), step, metadata))

    @property
    def resume_checkpoint(self):
        """For a fork (fork_from=, or a process started on a fork): the
        checkpoint its source saved at the fork step, else the latest before
        it, as a Checkpoint; None when there is none or this is no fork."""
        found = self._resume_checkpoint()
        return Checkpoint(*found) if found else None

    def finish(self, exit_code=0, quiet=None):
        """Writes what is buffered and marks the run finished (exit code 0)
        or failed (any other). Calling it again does nothing."""
        if self._finished:
            return
        try:
            self._finish(int(exit_code or 0))
        finally:
            _exit_hooks.forget(self)
            package = sys.modules.get(__package__)
            if package is not None and getattr(package, "run", None) is self:
                package.run = None   # as wandb.run after finish()

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        # An exception leaves the run failed with exit code 1 and goes on.
        self.finish(exit_code=1 if kind is not None else 0)
        return False

    def __repr__(self):
        # A Run whose start was refused still sits in the traceback's frames,
        # where pytest and debuggers show it; it has no native run to ask.
        if not getattr(self, "_started", False):
            return "<forkscope.Run (not started)>"
        return f"<forkscope.Run {self.path} ({self.name}), step {self.step}, {self.state}>"
