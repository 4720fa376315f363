"""forkscope.Run: a run being logged, with W&B's surface."""

import json
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


class Run(NativeRun):
    """A run started by forkscope.init(). `log` is the C++ client's:
    `run.log(data, step=None, commit=None)` follows W&B's step rules."""

    def __init__(self, **native_options):
        super().__init__(**native_options)
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
        return f"<forkscope.Run {self.path} ({self.name}), step {self.step}, {self.state}>"
