"""Finishing runs the process did not finish, with the process's exit code."""

import atexit
import sys
import threading

_lock = threading.Lock()
_active = []          # runs started and not finished yet, oldest first
_exit_code = 0
_installed = False


def _note_exit(code=0):
    global _exit_code
    if code is None:
        _exit_code = 0
    elif isinstance(code, int):
        _exit_code = code
    else:
        _exit_code = 1   # sys.exit("message") exits with 1
    _original_exit(code)


def _note_exception(kind, value, traceback):
    global _exit_code
    _exit_code = 1
    _original_excepthook(kind, value, traceback)


def _finish_all():
    with _lock:
        runs = list(reversed(_active))
    for run in runs:
        try:
            run.finish(exit_code=_exit_code)
        except Exception as error:  # the process is ending: report, go on
            print(f"forkscope: could not finish run {run.path}: {error}", file=sys.stderr)


def track(run):
    """Remembers `run` until it finishes; the first call installs the hooks
    (atexit, and sys.exit / sys.excepthook to learn the exit code, as W&B does)."""
    global _installed, _original_exit, _original_excepthook
    with _lock:
        _active.append(run)
        if _installed:
            return
        _installed = True
        _original_exit = sys.exit
        _original_excepthook = sys.excepthook
    sys.exit = _note_exit
    sys.excepthook = _note_exception
    atexit.register(_finish_all)


def forget(run):
    with _lock:
        if run in _active:
            _active.remove(run)
